// Every benchmark in one go: npm run bench [-- --json FILE]. Prints one table of the figures with
// their targets and the machine's load average, and with --json writes the same figures as one
// JSON object. BENCH_SECONDS shortens the load runs (default 10 s each) for a quick look.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chatStepBenchmark, chatStepRows, loadShapeFromEnvironment, type ChatStepFigures } from "./chatSteps.js";
import { embeddedOpenBenchmark, type EmbeddedOpenFigures } from "./embeddedDatabaseOpen.js";
import { retrievalBenchmark } from "./policyRetrieval.js";
import { serviceStartBenchmark, type ServiceStartFigures } from "./serviceStart.js";
import { createBenchStorage, startBenchPlatforms } from "./support/serviceProcess.js";
import { round } from "./support/statistics.js";
import { weeklyDigestBenchmark, type DigestFigures } from "./weeklyDigest.js";
import { burstRow, slackBurstBenchmark, type BurstFigures } from "./slackBurst.js";

interface Target {
  figure: string;
  value: number;
  unit: string;
  /** Met when the value is at most (max) or at least (min) this. */
  max?: number;
  min?: number;
}

function jsonPathFromArguments(argv: string[]): string | undefined {
  const at = argv.indexOf("--json");
  if (at === -1) return undefined;
  const file = argv[at + 1];
  if (!file) throw new Error("--json needs a file name, e.g. npm run bench -- --json bench-results/latest.json");
  return file;
}

const loadAverage = () => os.loadavg().map((value) => round(value, 2));

async function step<T>(title: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  process.stdout.write(`${title}… `);
  const result = await run();
  console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
  return result;
}

async function serviceFigures(): Promise<{ label: string; start: ServiceStartFigures; chat: ChatStepFigures }> {
  const storage = await createBenchStorage();
  const platforms = await startBenchPlatforms();
  try {
    const start = await step("service cold start and idle memory", () => serviceStartBenchmark(storage, platforms));
    const chat = await step("Slack and Teams steps under load", () => chatStepBenchmark(storage, platforms, loadShapeFromEnvironment()));
    return { label: storage.label, start, chat };
  } finally {
    await platforms.close();
    await storage.dispose();
  }
}

async function burstFigures(): Promise<BurstFigures> {
  const platforms = await startBenchPlatforms();
  try {
    return await step("Slack burst of incident reports", () => slackBurstBenchmark(platforms));
  } finally {
    await platforms.close();
  }
}

function targets(chat: ChatStepFigures, start: ServiceStartFigures, digest: DigestFigures, retrievalP95Ms: number, burst: BurstFigures): Target[] {
  return [
    { figure: "slackBurstAckMaxMs", value: burst.ackMaxMs, unit: "ms", max: 3000 },
    { figure: "slackBurstErrors", value: burst.refused + burst.wentWrong + burst.unconfirmed, unit: "replies", max: 0 },
    { figure: "slackStepRatio", value: chat.slack.ratio, unit: "× bare Bolt", min: 0.6 },
    { figure: "slackStepLeanRatio", value: chat.slack.service.stepsPerSecond / chat.slackLean.stepsPerSecond, unit: "× lean step", min: 0.8 },
    { figure: "slackAckP99Ms", value: chat.slack.service.ackP99Ms, unit: "ms", max: 1000 },
    { figure: "slackStepP99Ms", value: chat.slack.service.p99Ms, unit: "ms", max: 100 },
    { figure: "teamsStepRatio", value: chat.teams.ratio, unit: "× bare CloudAdapter", min: 0.6 },
    { figure: "teamsStepP99Ms", value: chat.teams.service.p99Ms, unit: "ms", max: 250 },
    { figure: "digestRatio", value: digest.digestRatio, unit: "× hand-written SQL", max: 1.5 },
    { figure: "retrievalP95Ms", value: retrievalP95Ms, unit: "ms" },
    { figure: "serviceIdleRssMb", value: start.idleRssMb, unit: "MB", max: 150 },
    { figure: "databaseIdleRssMb", value: start.databaseIdleRssMb, unit: "MB", max: 120 },
    { figure: "coldStartMs", value: start.coldStartMs, unit: "ms", max: 1500 },
    { figure: "coldStartFreshMs", value: start.coldStartFreshMs, unit: "ms", max: 5000 },
  ];
}

function verdict(target: Target): string {
  if (target.max !== undefined) return target.value <= target.max ? `met (≤ ${target.max})` : `MISSED (≤ ${target.max})`;
  if (target.min !== undefined) return target.value >= target.min ? `met (≥ ${target.min})` : `MISSED (≥ ${target.min})`;
  return "";
}

function summary(measured: { chat: ChatStepFigures; start: ServiceStartFigures; digest: DigestFigures; retrieval: Awaited<ReturnType<typeof retrievalBenchmark>>; embedded: EmbeddedOpenFigures; burst: BurstFigures }) {
  const { chat, start, digest, retrieval, embedded, burst } = measured;
  const slackCosts = chat.slack.service.perStep;
  const leanCosts = chat.slackLean.perStep;
  return {
    slackStepTransactions: slackCosts ? round(slackCosts.transactions, 2) : null,
    slackStepUsersInfoCalls: slackCosts ? round(slackCosts.usersInfo, 3) : null,
    slackStepPostMessages: slackCosts ? round(slackCosts.postMessages, 3) : null,
    slackLeanStepTransactions: leanCosts ? round(leanCosts.transactions, 2) : null,
    slackStepNewcomers: chat.slack.service.newcomers,
    slackBurstReports: burst.reports,
    slackBurstPeople: burst.people,
    slackBurstSeconds: round(burst.seconds, 1),
    slackBurstAckP50Ms: round(burst.ackP50Ms, 1),
    slackBurstAckP99Ms: round(burst.ackP99Ms, 1),
    slackBurstAckMaxMs: round(burst.ackMaxMs, 1),
    slackBurstRefused: burst.refused,
    slackBurstWentWrong: burst.wentWrong,
    slackBurstUnconfirmed: burst.unconfirmed,
    slackStepRatio: round(chat.slack.ratio, 3),
    slackLeanStepsPerSecond: round(chat.slackLean.stepsPerSecond, 1),
    slackLeanStepP99Ms: round(chat.slackLean.p99Ms, 1),
    slackStepLeanRatio: round(chat.slack.service.stepsPerSecond / chat.slackLean.stepsPerSecond, 3),
    slackAckP99Ms: round(chat.slack.service.ackP99Ms, 1),
    slackStepsPerSecond: round(chat.slack.service.stepsPerSecond, 1),
    slackStepP50Ms: round(chat.slack.service.p50Ms, 1),
    slackStepP99Ms: round(chat.slack.service.p99Ms, 1),
    slackStepUnanswered: chat.slack.service.unanswered,
    slackServiceAcksPerSecond: round(chat.slack.service.ackRequestsPerSecond, 1),
    slackBareAcksPerSecond: round(chat.slack.bare.requestsPerSecond, 1),
    slackBareP50Ms: chat.slack.bare.p50Ms,
    slackBareP99Ms: chat.slack.bare.p99Ms,
    teamsStepRatio: round(chat.teams.ratio, 3),
    teamsStepsPerSecond: round(chat.teams.service.stepsPerSecond, 1),
    teamsStepP50Ms: round(chat.teams.service.p50Ms, 1),
    teamsStepP99Ms: round(chat.teams.service.p99Ms, 1),
    teamsStepUnanswered: chat.teams.service.unanswered,
    teamsBareRequestsPerSecond: round(chat.teams.bare.requestsPerSecond, 1),
    teamsBareP50Ms: chat.teams.bare.p50Ms,
    teamsBareP99Ms: chat.teams.bare.p99Ms,
    digestRatio: round(digest.digestRatio, 3),
    digestMs: round(digest.digestMs, 1),
    digestHandWrittenMs: round(digest.handWrittenMs, 1),
    retrievalP50Ms: round(retrieval.p50Ms, 3),
    retrievalP95Ms: round(retrieval.p95Ms, 3),
    idleRssMb: round(start.idleRssMb, 1),
    serviceIdleRssMb: round(start.idleRssMb, 1),
    databaseIdleRssMb: round(start.databaseIdleRssMb, 1),
    rssAfterLoadMb: round(chat.rssAfterLoadMb, 1),
    coldStartMs: round(start.coldStartMs),
    coldStartFreshMs: round(start.coldStartFreshMs),
    embeddedOpenFreshMs: round(embedded.freshOpenMs),
    embeddedReopenMs: round(embedded.reopenMs),
    embeddedReopenRssMb: round(embedded.reopenRssMb, 1),
  };
}

const jsonPath = jsonPathFromArguments(process.argv.slice(2));
const loadBefore = loadAverage();
const shape = loadShapeFromEnvironment();
const retrieval = await step("policy retrieval", () => retrievalBenchmark());
const embedded = await step("embedded database open", () => embeddedOpenBenchmark());
const digest = await step("weekly digest", () => weeklyDigestBenchmark());
const { label, start, chat } = await serviceFigures();
const burst = await burstFigures();
const loadAfter = loadAverage();

console.log(`\nConversation steps (${shape.connections} connections × ${shape.seconds} s each; service data on ${label}; digest on ${digest.label})`);
console.table(chatStepRows(chat));
console.table([burstRow(burst)]);
console.table(targets(chat, start, digest, retrieval.p95Ms, burst).map((target) => ({ figure: target.figure, value: round(target.value, 2), unit: target.unit, target: verdict(target) })));
console.log(`Load average (1, 5, 15 min) before ${loadBefore.join(", ")}, after ${loadAfter.join(", ")}; ${os.cpus().length} CPUs; Node ${process.version}`);

if (jsonPath) {
  const figures = {
    ...summary({ chat, start, digest, retrieval, embedded, burst }),
    measuredAt: new Date().toISOString(),
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    cpus: os.cpus().length,
    node: process.version,
    serviceDatabase: label,
    digestDatabase: digest.label,
    loadConnections: shape.connections,
    loadPeople: shape.people,
    loadSeconds: shape.seconds,
  };
  fs.mkdirSync(path.dirname(path.resolve(jsonPath)), { recursive: true });
  fs.writeFileSync(jsonPath, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`Figures written to ${jsonPath}`);
}
