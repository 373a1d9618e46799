// Minimal stand-ins for Slack's Web API and the Bot Framework Connector on loopback. Unlike the
// test fakes they keep no call log (a 10-second run makes tens of thousands of calls); they only
// answer plausibly and say, the moment it arrives, which conversation a reply went to.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "../../test/support/fakeSlackApi.js";

export interface FakePlatform {
  url: string;
  /** How many calls each Web API method received (Slack only; empty for the Bot Connector). */
  calls: Map<string, number>;
  close(): Promise<void>;
}

/** Called when a reply reaches the fake: the Slack channel or Teams conversation id, when (performance.now()), and its text (Slack). */
export type ReplyListener = (conversation: string, arrivedAt: number, text?: string) => void;

export async function startFakeSlackWebApi(onReply: ReplyListener): Promise<FakePlatform> {
  let messageCounter = 0;
  const calls = new Map<string, number>();
  const server = http.createServer(async (req, res) => {
    const arrivedAt = performance.now();
    const method = /^\/api\/([\w.]+)/.exec(req.url ?? "")?.[1] ?? "";
    calls.set(method, (calls.get(method) ?? 0) + 1);
    const args = parseSlackArgs(await readBody(req), req.headers["content-type"]);
    const channel = String(args.channel ?? "");
    if (method === "chat.postMessage" || method === "chat.update") onReply(channel, arrivedAt, String(args.text ?? ""));
    const answer = slackAnswer(method, args, () => `${1_800_000_000 + ++messageCounter}.000100`);
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(answer));
  });
  return { ...(await listening(server, "/api/")), calls };
}

function slackAnswer(method: string, args: Record<string, unknown>, nextTs: () => string): Record<string, unknown> {
  switch (method) {
    case "auth.test":
      return { ok: true, url: "https://bench.slack.com/", team: "Bench", user: "aims", team_id: "T0BENCH", user_id: "U0BOT", bot_id: "B0BOT" };
    case "chat.postMessage":
    case "chat.update":
      return { ok: true, channel: args.channel, ts: args.ts ?? nextTs() };
    case "conversations.open":
      return { ok: true, channel: { id: `D${String(args.users ?? "")}` } };
    case "users.info":
      return { ok: true, user: slackUser(String(args.user)) };
    default:
      return { ok: true };
  }
}

/** Every Slack user of the bench is somebody new, with an e-mail of their own. */
function slackUser(id: string) {
  const name = `Bench ${id}`;
  return { id, name: id.toLowerCase(), real_name: name, tz: "Europe/London", profile: { email: `${id.toLowerCase()}@bench.example`, real_name: name, display_name: name } };
}

export async function startFakeBotConnector(onReply: ReplyListener): Promise<FakePlatform> {
  let activityCounter = 0;
  const server = http.createServer(async (req, res) => {
    const arrivedAt = performance.now();
    await readBody(req);
    // path: /v3/conversations/{conversationId}/activities[/{replyToId}] or .../members/{memberId}
    const [, , , conversationId = "", resource, memberId = ""] = new URL(req.url ?? "/", "http://fake").pathname.split("/").map(decodeURIComponent);
    let answer: unknown = {};
    if (resource === "activities") {
      onReply(conversationId, arrivedAt);
      answer = { id: `activity-${++activityCounter}` };
    } else if (resource === "members") {
      answer = { id: memberId, name: `Bench ${memberId}`, email: `${memberId.replace(/\W/g, "")}@bench.example`, tenantId: "tenant-bench" };
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  });
  return listening(server, "/");
}

async function listening(server: http.Server, basePath: string): Promise<FakePlatform> {
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    calls: new Map(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The Web API client sends form fields (or JSON); only top-level scalars matter here. */
function parseSlackArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes("application/json")) return JSON.parse(body) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(body));
}
