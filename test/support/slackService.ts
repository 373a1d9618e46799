// The real service with Slack enabled, its Web API pointed at a fake on loopback, and helpers
// that talk to /slack/events exactly as Slack does (signed).
import { pino } from "pino";
import { loadConfig } from "../../src/config/config.js";
import { startService, type RunningService } from "../../src/service.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { countingDatabase, type QueryLog } from "../../src/store/queryCounting.js";
import { createStore } from "../../src/store/store.js";
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from "./fakeSlackApi.js";
import { blockAction, eventCallback, interaction, postToSlackEndpoint, type SlackRequestBody } from "./slackRequests.js";
import { openTestDatabase, type Backend, type TestDatabase } from "./testDatabase.js";

export const signingSecret = "test-signing-secret";
export const governanceChannel = "C0GOV";

/** Slack users of the demo organisation, matched to its people by e-mail. */
export const slackUsers = {
  owner: { id: "U0SOFIA", email: "sofia.alvarez@northwind.example" },
  member: { id: "U0TOM", email: "tom.gallagher@northwind.example" },
  governance: { id: "U0AMARA", email: "amara.okafor@northwind.example" },
} as const;

export interface SlackTestService {
  fake: FakeSlackApi;
  service: RunningService;
  database: TestDatabase;
  /** Every log line the service wrote (empty unless started with `logLevel`). */
  logs(): string;
  /** With `countQueries`: every SQL statement the service sends. */
  queries?: QueryLog;
  send(request: SlackRequestBody, extraHeaders?: Record<string, string>): Promise<{ status: number; text: string; json?: unknown }>;
  /** A DM from the user; resolves with the bot's next chat.postMessage in that DM. */
  dm(userId: string, text: string): Promise<RecordedCall>;
  /** A click on a button of the bot's DM message `ts`; resolves with the next post or update there. */
  click(userId: string, messageTs: string, actionId: string, value: string): Promise<RecordedCall>;
  /** The first post or update in `channel` recorded after position `mark` (take it with `mark()` before acting). */
  nextMessageTo(channel: string, mark: number): Promise<RecordedCall>;
  mark(): number;
  stop(): Promise<void>;
}

export async function startSlackTestService(backend: Backend = "embedded", options: { countQueries?: boolean; logLevel?: string; clock?: () => Date; env?: Record<string, string> } = {}): Promise<SlackTestService> {
  const fake = await startFakeSlackApi();
  const database = await openTestDatabase(backend);
  await loadDemoOrganisation(createStore(database.prisma));
  const people = await createStore(database.prisma).people.list();
  for (const user of Object.values(slackUsers)) {
    const person = people.find((candidate) => candidate.email === user.email);
    if (!person) throw new Error(`demo person ${user.email} missing`);
    fake.addUser(user.id, { realName: person.displayName, email: user.email, tz: "Europe/Berlin" });
  }
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.url,
    SLACK_GOVERNANCE_CHANNEL: governanceChannel,
    LOCAL_CHAT: "off",
    TEAMS_EMULATOR: "on",
    // Monday 00:00: this week's digest is always due, whatever day the tests run.
    AIMS_DIGEST_HOUR: "0",
    ...options.env,
  });
  const counting = options.countQueries ? countingDatabase(database) : undefined;
  const serviceDatabase = counting ? counting.database : database;
  let logged = "";
  const logger = pino({ level: options.logLevel ?? "silent" }, { write: (line: string) => void (logged += line) });
  const service = await startService({ ...config, port: 0, logLevel: (options.logLevel ?? "silent") as typeof config.logLevel }, logger, { database: serviceDatabase, ...(options.clock ? { clock: options.clock } : {}) });
  const endpoint = `${service.url}/slack/events`;
  const send: SlackTestService["send"] = (request, extraHeaders) => postToSlackEndpoint(endpoint, signingSecret, { ...request, ...(extraHeaders ? { extraHeaders } : {}) });
  const mark = () => fake.calls.length;
  // Governance notices can land in a governance member's DM at any moment: they are not replies.
  const isNotice = (call: RecordedCall) => /^\*\* /.test(String(call.args.text ?? ""));
  const nextMessageTo = (channel: string, from: number) =>
    fake.waitFor((call) => !call.failure && !isNotice(call) && fake.calls.indexOf(call) >= from && (call.method === "chat.postMessage" || call.method === "chat.update") && call.args.channel === channel, 10_000);
  let ts = 0;
  return {
    fake,
    service,
    database,
    ...(counting ? { queries: counting.log } : {}),
    send,
    logs: () => logged,
    nextMessageTo,
    mark,
    async dm(userId, text) {
      const after = mark();
      const response = await send(eventCallback({ type: "message", channel_type: "im", channel: `D${userId}`, user: userId, text, ts: `1800000000.${String(++ts).padStart(6, "0")}` }));
      if (response.status !== 200) throw new Error(`events endpoint answered ${response.status}`);
      return nextMessageTo(`D${userId}`, after);
    },
    async click(userId, messageTs, actionId, value) {
      const after = mark();
      const response = await send(interaction(blockAction({ userId, channelId: `D${userId}`, messageTs, actionId, value })));
      if (response.status !== 200) throw new Error(`interactivity answered ${response.status}`);
      return nextMessageTo(`D${userId}`, after);
    },
    async stop() {
      await service.stop();
      await database.dispose();
      await fake.close();
    },
  };
}

/** All the text a Slack message shows: its fallback text and every block's text. */
export function messageText(call: RecordedCall): string {
  return JSON.stringify([call.args.text, call.args.blocks]);
}

/** The value of the first button with this label in a posted message. */
export function buttonValue(call: RecordedCall, label: string): string {
  const blocks = (call.args.blocks ?? []) as { elements?: { text?: { text: string }; value?: string }[]; accessory?: { text?: { text: string }; value?: string } }[];
  for (const block of blocks) {
    for (const element of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (element.text?.text === label && element.value) return element.value;
    }
  }
  throw new Error(`no button "${label}" in ${messageText(call)}`);
}

/** The ts of the message a call posted or updated: what a later click refers to. */
export const messageTs = (call: RecordedCall) => String(call.method === "chat.update" ? call.args.ts : call.response?.ts);
