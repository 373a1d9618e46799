// A burst: 100 people each report 5 AI incidents in Slack at the same moment, every one from a
// one-sentence DM followed by the answers, as people really report. Slack gives up on a request
// that is not acknowledged within 3 seconds (and retries it), so every signed request is timed;
// in the end all 500 reports must be stored, each once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { openDatabase } from "../../src/store/database.js";
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from "../support/fakeSlackApi.js";
import { runAims, scratchDataDir, startServiceProcess, type ServiceProcess } from "../support/processes.js";
import { eventCallback, postToSlackEndpoint } from "../support/slackRequests.js";
import { messageText, signingSecret } from "../support/slackService.js";
import { createPostgresDatabase } from "../support/testDatabase.js";

const onPostgres = !!process.env.TEST_DATABASE_URL;
const backend = onPostgres ? "postgresql" : "embedded";
const people = Number(process.env.BURST_PEOPLE ?? 100);
const reportsEach = Number(process.env.BURST_REPORTS ?? 5);
const slackAckLimitMs = 3_000;
const answersAfterTheSentence = ["inaccurate", "yesterday", "brokers", "no", "sev4", "skip", "skip", "no", "confirm"];

/** The bot's replies in each DM channel, in order, read incrementally from the fake's call log. */
class DmReplies {
  private read = 0;
  private readonly byChannel = new Map<string, RecordedCall[]>();
  constructor(private readonly calls: RecordedCall[]) {}

  private catchUp(): void {
    for (; this.read < this.calls.length; this.read++) {
      const call = this.calls[this.read]!;
      if (call.failure || call.method !== "chat.postMessage" || /^\*\* /.test(String(call.args.text ?? ""))) continue;
      const channel = String(call.args.channel);
      this.byChannel.set(channel, [...(this.byChannel.get(channel) ?? []), call]);
    }
  }

  /** The `position`-th reply (from 0) in this channel, once it has been posted. */
  async nth(channel: string, position: number, timeoutMs = 60_000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.catchUp();
      const reply = this.byChannel.get(channel)?.[position];
      if (reply) return reply;
      if (Date.now() > deadline) throw new Error(`no reply #${position + 1} in ${channel} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

// PostgreSQL only (BURST_EMBEDDED=1 runs it on the embedded database too): the embedded database
// runs each query on the service's own event loop, and under this burst its acknowledgements took
// up to 20 s (p50 0.8 s, p99 18 s for 100 people reporting once), far past Slack's 3 s. See the
// strict test at the end.
describe.runIf(onPostgres || !!process.env.BURST_EMBEDDED)(`a burst of incident reports in Slack (${backend})`, () => {
  // The service runs in its own process, as in production: acknowledgement times are then the
  // service's own, not slowed down by this test's 100 simulated people sharing its event loop.
  let fake: FakeSlackApi;
  let service: ServiceProcess;
  let database: { url?: string; dataDir?: string; drop(): Promise<void> };
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    if (onPostgres) {
      const { url, drop } = await createPostgresDatabase();
      database = { url, drop };
    } else {
      const scratch = scratchDataDir("aims-burst-");
      database = { dataDir: scratch.dataDir, drop: () => scratch.dispose() };
    }
    const where: Record<string, string> = database.url ? { DATABASE_URL: database.url } : { AIMS_DATA_DIR: database.dataDir! };
    // The reports name systems of the demo organisation's inventory. A service with Slack configured
    // never loads made-up people itself, so the test loads them as an operator would.
    const demo = await runAims(["demo-data"], where);
    if (demo.code !== 0) throw new Error(`aims demo-data failed: ${demo.stderr}`);
    service = await startServiceProcess({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.url,
      LOG_LEVEL: "warn",
      ...where,
    });
  });
  afterAll(async () => {
    await service?.stop();
    await fake?.close();
    await database?.drop();
  });

  const ackTimes: number[] = [];

  it(`stores ${people * reportsEach} reports from ${people} people at once, each once`, async () => {
    const tag = `burst-${Date.now()}`;
    const replies = new DmReplies(fake.calls);
    const refused: string[] = [];
    let eventTs = 0;

    const reporter = async (n: number) => {
      const userId = `U0BURST${String(n).padStart(3, "0")}`;
      fake.addUser(userId, { realName: `Burst Reporter ${n}`, email: `burst.${n}@northwind.example` });
      const channel = `D${userId}`;
      let repliesSoFar = 0;
      const dm = async (text: string) => {
        const request = eventCallback({ type: "message", channel_type: "im", channel, user: userId, text, ts: `1820000000.${String(++eventTs).padStart(6, "0")}` });
        const started = performance.now();
        const response = await postToSlackEndpoint(`${service.url}/slack/events`, signingSecret, request);
        ackTimes.push(performance.now() - started);
        if (response.status !== 200) refused.push(`${userId} "${text}": HTTP ${response.status}`);
        return replies.nth(channel, repliesSoFar++);
      };
      for (let report = 0; report < reportsEach; report++) {
        const sentence = `The Claims Fraud Scoring model made up a fraud score for claim ${tag}-${n}-${report}`;
        let reply = await dm(sentence);
        for (const answer of answersAfterTheSentence) {
          if (/Sorry, something went wrong/.test(messageText(reply))) break;
          reply = await dm(answer);
        }
        if (!/your report is INC-\d+/.test(messageText(reply))) refused.push(`${userId} report ${report}: ${messageText(reply).slice(0, 300)}`);
      }
    };

    const started = performance.now();
    try {
      await Promise.all(Array.from({ length: people }, (_, n) => reporter(n)));
    } catch (error) {
      // What the service logged (warnings and errors) says why a reply did not come.
      console.error(`service log, last lines:\n${service.output().split("\n").slice(-40).join("\n")}`);
      throw error;
    }
    const seconds = (performance.now() - started) / 1000;

    const sorted = [...ackTimes].sort((a, b) => a - b);
    const max = sorted.at(-1)!;
    const p99 = percentile(sorted, 99);
    console.log(`burst: ${ackTimes.length} signed requests in ${seconds.toFixed(1)} s; ack p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms`);

    // Correctness only: nobody is told "something went wrong" and nothing is refused. How fast the
    // acknowledgements are is measured by `npm run bench`, not asserted here (a busy machine is slower).
    expect(refused).toEqual([]);
    if (!onPostgres) await service.stop(); // the embedded database belongs to one process at a time
    const stored = await openDatabase(database.url ? { kind: "postgresql", url: database.url } : loadConfig({ AIMS_DATA_DIR: database.dataDir! }).database);
    try {
      const incidents = await stored.prisma.incident.findMany({ where: { description: { contains: tag } }, select: { description: true } });
      expect(incidents).toHaveLength(people * reportsEach);
      expect(new Set(incidents.map((incident) => incident.description)).size).toBe(people * reportsEach);
    } finally {
      await stored.close();
    }
  }, 900_000); // generous: a correctness test must not fail because the machine is busy

  // Timing, so not part of the default run: an acknowledgement is one INSERT into the inbox, and the
  // turns wait there (a bounded number at a time), but on a busy machine any deadline can be missed.
  // `npm run bench` measures it; BURST_STRICT_ACK=1 checks Slack's 3 s here.
  it.runIf(!!process.env.BURST_STRICT_ACK)("acknowledged every signed request within Slack's 3 s", () => {
    expect(ackTimes.length).toBe(people * reportsEach * (1 + answersAfterTheSentence.length));
    expect(Math.max(...ackTimes)).toBeLessThan(slackAckLimitMs);
  });
});
