// A fake OpenAI Chat Completions server on loopback, for the real `openai` client (baseURL).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeOpenAi {
  url: string;
  requests: { messages: { role: string; content: string }[]; response_format?: unknown }[];
  respondWith(handler: (body: { messages: { role: string; content: string }[] }) => { status?: number; delayMs?: number; content?: string }): void;
  /** Every /embeddings request, in order. */
  embeddingRequests: { input: string | string[]; model: string }[];
  failEmbeddings(fail: boolean): void;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: FakeOpenAi["requests"] = [];
  const embeddingRequests: { input: string | string[]; model: string }[] = [];
  let embeddingsFail = false;
  let handler: Parameters<FakeOpenAi["respondWith"]>[0] = () => ({ content: "{}" });
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (req.url?.endsWith("/embeddings")) {
      embeddingRequests.push(body);
      if (embeddingsFail) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "down", type: "server_error" } }));
        return;
      }
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 }, data: inputs.map((text, index) => ({ object: "embedding", index, embedding: embedText(text) })) }));
      return;
    }
    requests.push(body);
    const reply = handler(body);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.status && reply.status >= 400 ? { error: { message: "upstream failure", type: "server_error" } } : {
      id: "chatcmpl-test", object: "chat.completion", created: 1, model: "gpt-4o-mini",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: reply.content ?? "" } }],
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    respondWith: (next) => (handler = next),
    embeddingRequests,
    failEmbeddings: (fail) => (embeddingsFail = fail),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}


/**
 * A stand-in for a real embedding: each text's words hashed into 64 dimensions, with a few
 * meaning-alike word groups sharing a dimension, so that "erase" lands near "deletion".
 */
const meaningGroups = [["erase", "erasure", "delete", "deletion", "forget", "remove"], ["chatbot", "assistant", "nora"]];
export function embedText(text: string): number[] {
  const vector = new Array<number>(64).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const group = meaningGroups.findIndex((members) => members.some((member) => word.startsWith(member)));
    const slot = group >= 0 ? group : [...word].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) % 62, 7) + 2;
    vector[slot]! += group >= 0 ? 3 : 1;
  }
  return vector;
}
