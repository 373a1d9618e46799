// A burst of incident reports in Slack, timed: 100 people each report 5 AI incidents at the same
// moment, every report a one-sentence DM followed by its answers (as test/reliability/burst.test.ts
// does, which checks that every report is stored once). Each person sends their next message when
// the bot has answered the last. Slack retries a request not acknowledged within 3 seconds, so every
// acknowledgement is timed; a reply saying "something went wrong" is an error.
// Run on its own: npx tsx bench/slackBurst.ts (part of npm run bench); BURST_PEOPLE, BURST_REPORTS.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eventCallback, signSlackRequest } from "../test/support/slackRequests.js";
import { benchSigningSecret } from "./support/chatRequests.js";
import { projectRoot } from "./support/nodeProcesses.js";
import { createBenchStorage, startBenchPlatforms, startServiceProcess, type BenchBackend, type BenchPlatforms, type BenchStorage } from "./support/serviceProcess.js";
import { percentile, round } from "./support/statistics.js";
import { spawnSync } from "node:child_process";

export interface BurstFigures {
  backend: string;
  people: number;
  reports: number;
  requests: number;
  seconds: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** Requests not answered 200, and replies that said "something went wrong". */
  refused: number;
  wentWrong: number;
  /** Reports whose last reply was not the confirmation with its reference. */
  unconfirmed: number;
}

const answersAfterTheSentence = ["inaccurate", "yesterday", "brokers", "no", "sev4", "skip", "skip", "no", "confirm"];

/** The bot's replies, per DM channel, handed to whoever waits for the next one there. */
class DmReplies {
  private readonly waiting = new Map<string, (text: string) => void>();
  private readonly early = new Map<string, string[]>();

  heard(channel: string, text: string): void {
    if (/^\*\* /.test(text)) return; // a notice (e.g. to governance), not a reply
    const waiter = this.waiting.get(channel);
    if (waiter) {
      this.waiting.delete(channel);
      waiter(text);
    } else this.early.set(channel, [...(this.early.get(channel) ?? []), text]);
  }

  next(channel: string, timeoutMs = 300_000): Promise<string> {
    const ready = this.early.get(channel)?.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply in ${channel} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(channel, (text) => {
        clearTimeout(timer);
        resolve(text);
      });
    });
  }
}

export async function slackBurstBenchmark(platforms: BenchPlatforms, backend?: BenchBackend, shape = { people: Number(process.env.BURST_PEOPLE ?? 100), reports: Number(process.env.BURST_REPORTS ?? 5) }): Promise<BurstFigures> {
  const storage = await createBenchStorage(backend);
  try {
    loadDemoOrganisation(storage);
    const service = await startServiceProcess(storage, platforms);
    const replies = new DmReplies();
    platforms.onSlackReply = (channel, _at, text) => replies.heard(channel, text ?? "");
    try {
      const figures = await burst(service.url, replies, storage, shape);
      // Why a turn failed is in the service's log (with the error reference the person was given).
      if (figures.wentWrong > 0) console.error(service.outputTail().split("\n").filter((line) => line.includes("failed")).slice(-3).join("\n"));
      return figures;
    } finally {
      platforms.onSlackReply = () => {};
      await service.stop();
    }
  } finally {
    await storage.dispose();
  }
}

/** The reports name systems of the demo organisation's inventory; loaded as an operator would. */
function loadDemoOrganisation(storage: BenchStorage): void {
  const loaded = spawnSync(process.execPath, ["bin/aims.js", "demo-data"], { cwd: projectRoot, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...storage.env }, encoding: "utf8" });
  if (loaded.status !== 0) throw new Error(`aims demo-data failed: ${loaded.stderr}`);
}

async function burst(url: string, replies: DmReplies, storage: BenchStorage, shape: { people: number; reports: number }): Promise<BurstFigures> {
  const ackTimes: number[] = [];
  const outcome = { refused: 0, wentWrong: 0, unconfirmed: 0 };
  let eventCounter = 0;
  const reporter = async (n: number) => {
    const userId = `U0BURST${String(n).padStart(3, "0")}`;
    const channel = `D${userId}`;
    const dm = async (text: string) => {
      const ts = `1820000000.${String(++eventCounter).padStart(6, "0")}`;
      const { body, contentType } = eventCallback({ type: "message", channel_type: "im", channel, user: userId, text, ts }, { eventId: `EvBurst${process.pid}x${eventCounter}` });
      const sentAt = performance.now();
      const response = await fetch(`${url}/slack/events`, { method: "POST", headers: { "content-type": contentType, ...signSlackRequest(benchSigningSecret, body) }, body });
      await response.arrayBuffer();
      ackTimes.push(performance.now() - sentAt);
      if (response.status !== 200) outcome.refused++;
      const reply = await replies.next(channel);
      if (/Sorry, something went wrong/.test(reply)) outcome.wentWrong++;
      return reply;
    };
    for (let report = 0; report < shape.reports; report++) {
      let reply = await dm(`The Claims Fraud Scoring model made up a fraud score for claim burst-${n}-${report}`);
      for (const answer of answersAfterTheSentence) reply = await dm(answer);
      if (!/your report is INC-\d+/.test(reply)) outcome.unconfirmed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: shape.people }, (_, n) => reporter(n)));
  const seconds = (performance.now() - started) / 1000;
  return {
    backend: storage.label,
    people: shape.people,
    reports: shape.people * shape.reports,
    requests: ackTimes.length,
    seconds,
    ackP50Ms: percentile(ackTimes, 0.5),
    ackP99Ms: percentile(ackTimes, 0.99),
    ackMaxMs: Math.max(...ackTimes),
    ...outcome,
  };
}

export function burstRow(figures: BurstFigures): Record<string, string | number> {
  return {
    what: `Slack burst: ${figures.reports} reports from ${figures.people} people (${figures.requests} DMs) on ${figures.backend.split(" (")[0]}`,
    seconds: round(figures.seconds, 1),
    ackP50Ms: round(figures.ackP50Ms),
    ackP99Ms: round(figures.ackP99Ms),
    ackMaxMs: round(figures.ackMaxMs),
    note: `refused ${figures.refused}; "something went wrong" ${figures.wentWrong}; unconfirmed ${figures.unconfirmed}; ${round(figures.requests / figures.seconds)} steps/s`,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const platforms = await startBenchPlatforms();
  try {
    // `tsx bench/slackBurst.ts embedded|postgresql`; without one, the server when DATABASE_URL or TEST_DATABASE_URL names one.
    const backend = process.argv[2] === "embedded" || process.argv[2] === "postgresql" ? process.argv[2] : undefined;
    const figures = await slackBurstBenchmark(platforms, backend);
    console.log(`Slack burst on ${figures.backend}`);
    console.table([burstRow(figures)]);
  } finally {
    await platforms.close();
  }
}
