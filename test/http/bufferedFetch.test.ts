// The Web API client over our http transport (src/http/bufferedFetch.ts) must behave as it does over fetch:
// results, Slack's errors, rate limits with their Retry-After, HTTP errors and its timeout, on kept-alive
// connections. A real WebClient against a local server.
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { ErrorCode, WebClient, type WebAPIHTTPError, type WebAPIPlatformError, type WebAPIRateLimitedError, type WebAPIRequestError } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bufferedFetch } from "../../src/http/bufferedFetch.js";

const sockets = new Set<unknown>();
const received: { method: string; body: string }[] = [];
let server: http.Server;
let apiUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(req.socket);
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const method = req.url!.split("/").pop()!;
      received.push({ method, body });
      if (method === "never.answers") return; // the client's timeout ends it
      const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(payload));
      };
      if (method === "chat.postMessage") answer(200, { ok: true, channel: "D1", ts: "1.2", message: { text: new URLSearchParams(body).get("text") } });
      else if (method === "compressed.answer") {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
        res.end(zlib.gzipSync(JSON.stringify({ ok: true, note: "sent compressed" })));
      } else if (method === "rate.limited") answer(429, { ok: false, error: "ratelimited" }, { "retry-after": "7" });
      else if (method === "server.error") answer(503, { ok: false });
      else answer(200, { ok: false, error: "channel_not_found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = (options: { timeout?: number } = {}) => new WebClient("xoxb-test", { slackApiUrl: apiUrl, fetch: bufferedFetch, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, ...options });

describe("the Web API client over Node's http", () => {
  it("posts a message and reads Slack's answer, on one kept-alive connection", async () => {
    sockets.clear();
    const web = client();
    for (const text of ["first — with ümlauts & symbols", "second", "third"]) {
      const result = await web.chat.postMessage({ channel: "D1", text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] });
      expect(result.ok).toBe(true);
      expect((result.message as { text?: string }).text).toBe(text);
    }
    expect(JSON.parse(new URLSearchParams(received.at(-1)!.body).get("blocks")!)).toEqual([{ type: "section", text: { type: "mrkdwn", text: "third" } }]);
    expect(sockets.size).toBe(1);
  });

  it("reports Slack's errors, a rate limit with its Retry-After, and an HTTP error with its status", async () => {
    const web = client();
    await expect(web.apiCall("conversations.nope")).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: "channel_not_found" } } satisfies Partial<WebAPIPlatformError>);
    await expect(web.apiCall("rate.limited")).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 } satisfies Partial<WebAPIRateLimitedError>);
    await expect(web.apiCall("server.error")).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 } satisfies Partial<WebAPIHTTPError>);
  });

  it("reads an answer a server or proxy compressed although none was asked for, as fetch would", async () => {
    expect(await client().apiCall("compressed.answer")).toMatchObject({ ok: true, note: "sent compressed" });
  });

  it("gives up on a call past the client's timeout, as a request error", async () => {
    await expect(client({ timeout: 200 }).apiCall("never.answers")).rejects.toMatchObject({ code: ErrorCode.RequestError } satisfies Partial<WebAPIRequestError>);
  });
});
