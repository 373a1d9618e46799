// A fake Slack Web API on loopback, for tests that run the real app (and the real @slack/web-api
// WebClient) against it: point `slackApiUrl` at `fake.url`. It records every call, answers with
// plausible default responses, and can be told to fail the next call to a method (429, 500, ok:false).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  /** Parsed request parameters; the bearer token from the Authorization header is recorded as `token`. */
  args: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  at: number;
  /** Set when this attempt was answered with a queued failure (see failNext), so the app may retry it. */
  failure?: FakeFailure;
  /** The JSON answered (HTTP 200), e.g. the `ts` of a posted message. */
  response?: Record<string, unknown>;
}

export type FakeFailure =
  | { status: 429; retryAfterSeconds: number }
  | { status: 500 }
  | { ok: false; error: string };

export interface FakeSlackUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  profile: { email: string; real_name: string; display_name: string };
}

/** Computes the JSON body (HTTP 200) for one call. */
export type FakeHandler = (args: Record<string, unknown>, fake: FakeSlackApi) => Record<string, unknown>;

export interface FakeSlackApiOptions {
  /** Replace the default response of some methods. */
  handlers?: Record<string, FakeHandler>;
}

export interface FakeSlackApi {
  /** Base URL ending in `/api/`, e.g. `http://127.0.0.1:PORT/api/`. */
  url: string;
  calls: RecordedCall[];
  users: Map<string, FakeSlackUser>;
  /** The bot token's scopes, sent as Slack does in the x-oauth-scopes header (none when unset). */
  scopes?: string[];
  callsTo(method: string): RecordedCall[];
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  addUser(id: string, details: { realName: string; email: string; tz?: string }): FakeSlackUser;
  failNext(method: string, response: FakeFailure): void;
  /** Holds every call to `method` unanswered (true) until released (false): Slack hanging. */
  hold(method: string, held: boolean): void;
  /** Fails every call to `method` the rule picks (until cleared with null): a rate-limit storm, an outage. */
  failWhen(method: string, rule: ((args: Record<string, unknown>) => FakeFailure | undefined) | null): void;
  /** Replace (or add) the default response of one method for the rest of the test. */
  setHandler(method: string, handler: FakeHandler): void;
  close(): Promise<void>;
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const users = new Map<string, FakeSlackUser>();
  const failures = new Map<string, FakeFailure[]>();
  const held = new Map<string, (() => void)[]>();
  const failureRules = new Map<string, (args: Record<string, unknown>) => FakeFailure | undefined>();
  const handlers = new Map<string, FakeHandler>(Object.entries({ ...defaultHandlers(), ...options.handlers }));

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`fake Slack API error: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/api\/([\w.]+)$/.exec(requestUrl.pathname);
    if (!match) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    const method = match[1]!;
    const parked = held.get(method);
    if (parked) await new Promise<void>((resolve) => parked.push(resolve));
    const args = { ...parseParams(requestUrl.searchParams), ...parseBody(await readBody(req), req.headers["content-type"]) };
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
    if (bearer) args.token = bearer[1];

    const failure = failures.get(method)?.shift() ?? failureRules.get(method)?.(args);
    const call: RecordedCall = { method, args, at: Date.now(), ...(failure ? { failure } : {}) };

    calls.push(call);
    if (failure && "status" in failure && failure.status === 429) {
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(failure.retryAfterSeconds) });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
    } else if (failure && "status" in failure) {
      res.writeHead(failure.status, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    } else {
      const body = failure ?? (handlers.get(method) ?? (() => ({ ok: true })))(args, fake);
      call.response = body;
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", ...(fake.scopes ? { "x-oauth-scopes": fake.scopes.join(",") } : {}) });
      res.end(JSON.stringify(body));
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeSlackApi = {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    users,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitFor: (predicate, timeoutMs = 5000) => waitForCall(calls, predicate, timeoutMs),
    addUser(id, { realName, email, tz = "Europe/London" }) {
      const user: FakeSlackUser = {
        id,
        name: email.split("@")[0] ?? id.toLowerCase(),
        real_name: realName,
        tz,
        profile: { email, real_name: realName, display_name: realName },
      };
      users.set(id, user);
      return user;
    },
    failNext(method, response) {
      failures.set(method, [...(failures.get(method) ?? []), response]);
    },
    hold(method, hold) {
      if (hold) held.set(method, held.get(method) ?? []);
      else {
        for (const release of held.get(method) ?? []) release();
        held.delete(method);
      }
    },
    failWhen(method, rule) {
      if (rule) failureRules.set(method, rule);
      else failureRules.delete(method);
    },
    setHandler(method, handler) {
      handlers.set(method, handler);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return fake;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : typeof value === "string" ? (JSON.parse(value) as unknown[]) : []);

function defaultHandlers(): Record<string, FakeHandler> {
  let fileCounter = 0;
  // Message timestamps: "1700000001.000100", "1700000002.000100", ... unique and increasing.
  let tsCounter = 0;
  const nextTs = () => `${1_700_000_000 + ++tsCounter}.000100`;
  let viewCounter = 0;
  const viewResponse: FakeHandler = (args) => ({ ok: true, view: { id: `V${++viewCounter}`, ...asObject(args.view) } });

  return {
    "auth.test": () => ({ ok: true, url: "https://acme.slack.com/", team: "Acme", user: "aims", team_id: "T0001", user_id: "U0BOT", bot_id: "B0BOT" }),
    "chat.postMessage": (args) => ({ ok: true, channel: args.channel, ts: nextTs(), message: { text: args.text, blocks: args.blocks } }),
    "chat.update": (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
    "chat.postEphemeral": () => ({ ok: true, message_ts: nextTs() }),
    "chat.getPermalink": (args) => ({
      ok: true,
      permalink: `https://acme.slack.com/archives/${String(args.channel)}/p${String(args.message_ts ?? args.ts ?? "").replace(".", "")}`,
    }),
    "conversations.open": (args) => ({ ok: true, channel: { id: `D${String(args.users ?? "").split(",")[0]}` } }),
    "users.info": (args, fake) => {
      const user = fake.users.get(String(args.user));
      return user ? { ok: true, user } : { ok: false, error: "user_not_found" };
    },
    "users.lookupByEmail": (args, fake) => {
      const user = [...fake.users.values()].find((candidate) => candidate.profile.email === String(args.email));
      return user ? { ok: true, user } : { ok: false, error: "users_not_found" };
    },
    // files.uploadV2: get an upload URL (here, on the fake itself), send the bytes there, complete.
    "files.getUploadURLExternal": (_args, fake) => ({ ok: true, upload_url: `${fake.url}files.uploadBytes`, file_id: `F${++fileCounter}` }),
    "files.completeUploadExternal": (args) => ({ ok: true, files: asArray(args.files) }),
    "views.publish": viewResponse,
    "views.open": viewResponse,
    "views.update": viewResponse,
    "views.push": viewResponse,
  };
}

async function waitForCall(calls: RecordedCall[], predicate: (call: RecordedCall) => boolean, timeoutMs: number): Promise<RecordedCall> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = calls.find(predicate);
    if (found) return found;
    if (Date.now() >= deadline) {
      const seen = calls.map((call) => (call.failure ? `${call.method} (failed)` : call.method));
      throw new Error(`fake Slack API: no matching call within ${timeoutMs} ms; recorded: ${seen.length ? seen.join(", ") : "(none)"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A request's whole body as text (the fakes here and in the benchmarks read requests this way). */
export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(body: string, contentType: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes("application/json")) return asObject(JSON.parse(body));
  if (contentType?.includes("application/x-www-form-urlencoded")) return parseParams(new URLSearchParams(body));
  return { bytes: Buffer.byteLength(body, "latin1") }; // an upload's raw bytes: only their size is of interest
}

/** Form values: objects and arrays (blocks, view, ...) arrive as JSON strings; parse them back. */
function parseParams(params: URLSearchParams): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (/^\s*[[{]/.test(value)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    args[key] = value;
  }
  return args;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
