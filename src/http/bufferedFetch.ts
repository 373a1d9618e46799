// The part of fetch that API clients need (Slack's Web API client takes it as its `fetch`: a request
// with a string body; the status, headers and whole body back), over Node's own http and https.
// The global fetch builds streams, a Request and a Response around every call: a reply's
// chat.postMessage cost about 240 µs of CPU through it and 100 µs through http.request (client and a
// local server together, 5,000 calls each), and a Slack DM step's service CPU went from 1.11–1.13 to
// 0.84–0.86 ms (`npx tsx bench/chatSteps.ts --slack-only`). Connections are kept alive by Node's
// global agents, which also follow NODE_USE_ENV_PROXY where the Node version has it. Any other body
// (a multipart upload's FormData) goes through the global fetch.
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | FormData;
  redirect?: "error" | "follow" | "manual";
  signal?: AbortSignal;
}

export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null; entries(): Iterable<[string, string]> };
  arrayBuffer(): Promise<ArrayBuffer>;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export const bufferedFetch = (url: string | URL, init: FetchInit = {}): Promise<FetchResponse> => {
  const text = init.body;
  if (text !== undefined && typeof text !== "string") return globalThis.fetch(url, init) as unknown as Promise<FetchResponse>;
  const target = typeof url === "string" ? new URL(url) : url;
  return new Promise((resolve, reject) => {
    const signal = init.signal;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const body = text === undefined ? undefined : Buffer.from(text);
    const request = (target.protocol === "https:" ? https : http).request(target, { method: init.method ?? "GET", headers: headersOf(init, body) }, (response) => {
      const status = response.statusCode ?? 0;
      if (init.redirect === "error" && status >= 300 && status < 400) {
        response.resume();
        reject(new TypeError(`the Web API answered with a redirect (${status}), which is refused`));
        return;
      }
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        try {
          resolve(bufferedResponse(target.href, status, response.statusMessage ?? "", response.headers, decoded(Buffer.concat(chunks), response.headers["content-encoding"])));
        } catch (error) {
          reject(error);
        }
      });
    });
    // As fetch does: an aborted call (the client's timeout) rejects with the signal's reason.
    const abort = () => request.destroy(signal!.reason instanceof Error ? signal!.reason : new Error(String(signal!.reason)));
    signal?.addEventListener("abort", abort, { once: true });
    request.once("close", () => signal?.removeEventListener("abort", abort));
    request.on("error", reject);
    request.end(body);
  });
};

/**
 * The body as sent before compression. The client asks for none, but fetch would undo what a proxy
 * or server applies anyway, so this does too.
 */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.gunzipSync(body);
    case "deflate":
      return zlib.inflateSync(body);
    case "br":
      return zlib.brotliDecompressSync(body);
    default:
      return body;
  }
}

function headersOf(init: FetchInit, body: Buffer | undefined): Record<string, string> {
  return { ...init.headers, ...(body ? { "content-length": String(body.length) } : {}) };
}

function bufferedResponse(url: string, status: number, statusText: string, headers: http.IncomingHttpHeaders, body: Buffer): FetchResponse {
  const header = (name: string) => {
    const value = headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  };
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    url,
    headers: {
      get: header,
      entries: () => Object.keys(headers).map((name): [string, string] => [name, header(name)!]),
    },
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    json: async () => JSON.parse(body.toString("utf8")) as unknown,
    text: async () => body.toString("utf8"),
  };
}
