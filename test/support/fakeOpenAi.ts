// A fake OpenAI Chat Completions server on loopback, for the real `openai` client (baseURL).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeOpenAi {
  url: string;
  requests: { messages: { role: string; content: string }[]; response_format?: unknown }[];
  respondWith(handler: (body: { messages: { role: string; content: string }[] }) => { status?: number; delayMs?: number; content?: string }): void;
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: FakeOpenAi["requests"] = [];
  let handler: Parameters<FakeOpenAi["respondWith"]>[0] = () => ({ content: "{}" });
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
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
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

