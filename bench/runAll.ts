// Every benchmark in one go: npm run bench [-- --json FILE]. Prints one table of the figures with
// their targets and the machine's load average, and with --json writes the same figures as one
// JSON object. BENCH_SECONDS shortens the load runs (default 10 s each) for a quick look.
// The service is measured on both backends in the one run, each beside its own bare baselines: the
// embedded default, and a PostgreSQL server (DATABASE_URL or TEST_DATABASE_URL, or else one the
// bench starts), so "the embedded default is within 1.5× of the server" is checked figure by figure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chatStepRows, loadShapeFromEnvironment, slackStepBenchmark, teamsStepBenchmark, type ChatStepFigures } from "./chatSteps.js";
import { embeddedOpenBenchmark, type EmbeddedOpenFigures } from "./embeddedDatabaseOpen.js";
import { retrievalBenchmark } from "./policyRetrieval.js";
import { serviceStartBenchmarkOnEach, type ServiceStartFigures } from "./serviceStart.js";
import { createBenchStorage, startBenchPlatforms, type BenchBackend, type BenchPlatforms, type BenchStorage } from "./support/serviceProcess.js";
import { medianOfRounds, round } from "./support/statistics.js";
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

interface ServiceFigures {
  label: string;
  start: ServiceStartFigures;
  /** Each figure the median of its rounds. */
  chat: ChatStepFigures;
  /** Each round's own ratio, to show how far the rounds spread. */
  roundRatios: { slackLean: number[]; teams: number[] };
}

interface Backend {
  name: BenchBackend;
  storage: BenchStorage;
  platforms: BenchPlatforms;
}

async function openBackend(name: BenchBackend): Promise<Backend> {
  return { name, storage: await createBenchStorage(name), platforms: await startBenchPlatforms() };
}

/** How many rounds of the chat-step loads (BENCH_ROUNDS, default 3). */
const roundsFromEnvironment = () => Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS || 3)));

/**
 * The service on both backends. Each measurement is taken on one backend right after the other (and
 * in the opposite order for Teams), not one backend's whole run after the other's: the machine's
 * load moves by the minute, and "within 1.5× of the server" compares absolute figures. The load runs
 * are repeated in rounds (BENCH_ROUNDS, default 3; each round starts with the other backend) and
 * every figure is the median of its rounds: a single 10-second run swings by a tenth or more here.
 */
async function serviceFiguresOnBoth(): Promise<[ServiceFigures, ServiceFigures]> {
  const backends = [await openBackend("embedded"), await openBackend("postgresql")];
  try {
    const shape = loadShapeFromEnvironment();
    const rounds = roundsFromEnvironment();
    const starts = await step("both backends in turns: service cold start and idle memory", () => serviceStartBenchmarkOnEach(backends));
    const slack: Awaited<ReturnType<typeof slackStepBenchmark>>[][] = [[], []];
    const teams: Awaited<ReturnType<typeof teamsStepBenchmark>>[][] = [[], []];
    for (let pass = 1; pass <= rounds; pass++) {
      const order = pass % 2 === 1 ? [0, 1] : [1, 0];
      const of = `round ${pass} of ${rounds}`;
      for (const at of order) slack[at]!.push(await step(`${backends[at]!.name}: Slack steps under load, ${of}`, () => slackStepBenchmark(backends[at]!.storage, backends[at]!.platforms, shape)));
      for (const at of [...order].reverse()) teams[at]!.push(await step(`${backends[at]!.name}: Teams steps under load, ${of}`, () => teamsStepBenchmark(backends[at]!.storage, backends[at]!.platforms, shape)));
    }
    return [0, 1].map((at) => {
      const slackMedian = medianOfRounds(slack[at]!);
      const teamsMedian = medianOfRounds(teams[at]!);
      return {
        label: backends[at]!.storage.label,
        start: starts[at]!,
        chat: { ...slackMedian, teams: teamsMedian.teams, rssAfterLoadMb: Math.max(...slack[at]!.map((one) => one.rssAfterLoadMb), ...teams[at]!.map((one) => one.rssAfterLoadMb)) },
        roundRatios: { slackLean: slack[at]!.map((one) => round(one.slackLeanRatio, 3)), teams: teams[at]!.map((one) => round(one.teams.ratio, 3)) },
      };
    }) as [ServiceFigures, ServiceFigures];
  } finally {
    for (const { platforms, storage } of backends) {
      await platforms.close();
      await storage.dispose();
    }
  }
}

async function burstFigures(backend: "embedded" | "postgresql"): Promise<BurstFigures> {
  const platforms = await startBenchPlatforms();
  try {
    return await step(`${backend}: Slack burst of incident reports`, () => slackBurstBenchmark(platforms, backend));
  } finally {
    await platforms.close();
  }
}

function targets(chat: ChatStepFigures, start: ServiceStartFigures, digest: DigestFigures, retrievalP95Ms: number, burst: BurstFigures): Target[] {
  return [
    { figure: "slackBurstAckMaxMs", value: burst.ackMaxMs, unit: "ms", max: 3000 },
    { figure: "slackBurstErrors", value: burst.refused + burst.wentWrong + burst.unconfirmed, unit: "replies", max: 0 },
    { figure: "slackStepRatio", value: chat.slack.ratio, unit: "× bare Bolt", min: 0.6 },
    { figure: "slackStepLeanRatio", value: chat.slackLeanRatio, unit: "× lean step", min: 0.8 },
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

/** The service's own figures on one backend (chat steps beside their baselines, start, memory). */
function serviceSummary({ chat, start, roundRatios }: ServiceFigures) {
  const slackCosts = chat.slack.service.perStep;
  const leanCosts = chat.slackLean.perStep;
  return {
    slackStepTransactions: slackCosts ? round(slackCosts.transactions, 2) : null,
    slackStepUsersInfoCalls: slackCosts ? round(slackCosts.usersInfo, 3) : null,
    slackStepPostMessages: slackCosts ? round(slackCosts.postMessages, 3) : null,
    slackLeanStepTransactions: leanCosts ? round(leanCosts.transactions, 2) : null,
    slackStepNewcomers: chat.slack.service.newcomers,
    slackStepRatio: round(chat.slack.ratio, 3),
    slackLeanStepsPerSecond: round(chat.slackLean.stepsPerSecond, 1),
    slackLeanStepP99Ms: round(chat.slackLean.p99Ms, 1),
    slackStepLeanRatio: round(chat.slackLeanRatio, 3),
    slackStepLeanRatioRounds: roundRatios.slackLean,
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
    teamsStepRatioRounds: roundRatios.teams,
    teamsStepsPerSecond: round(chat.teams.service.stepsPerSecond, 1),
    teamsStepP50Ms: round(chat.teams.service.p50Ms, 1),
    teamsStepP99Ms: round(chat.teams.service.p99Ms, 1),
    teamsStepUnanswered: chat.teams.service.unanswered,
    teamsBareRequestsPerSecond: round(chat.teams.bare.requestsPerSecond, 1),
    teamsBareP50Ms: chat.teams.bare.p50Ms,
    teamsBareP99Ms: chat.teams.bare.p99Ms,
    teamsAckP99Ms: round(chat.teams.service.ackP99Ms, 1),
    teamsServiceAcksPerSecond: round(chat.teams.service.ackRequestsPerSecond, 1),
    idleRssMb: round(start.idleRssMb, 1),
    serviceIdleRssMb: round(start.idleRssMb, 1),
    serviceJustStartedRssMb: round(start.justStartedRssMb, 1),
    databaseIdleRssMb: round(start.databaseIdleRssMb, 1),
    rssAfterLoadMb: round(chat.rssAfterLoadMb, 1),
    coldStartMs: round(start.coldStartMs),
    coldStartFreshMs: round(start.coldStartFreshMs),
  };
}

/** Figures where the embedded default is compared with the server: higher is better for throughput, lower for the rest. */
const comparedFigures = [
  { figure: "slackStepsPerSecond", higherIsBetter: true },
  { figure: "slackAckP99Ms", higherIsBetter: false },
  { figure: "slackStepP99Ms", higherIsBetter: false },
  { figure: "teamsStepsPerSecond", higherIsBetter: true },
  { figure: "teamsStepP99Ms", higherIsBetter: false },
  { figure: "teamsAckP99Ms", higherIsBetter: false },
  { figure: "serviceIdleRssMb", higherIsBetter: false },
  { figure: "databaseIdleRssMb", higherIsBetter: false },
  { figure: "coldStartMs", higherIsBetter: false },
  { figure: "coldStartFreshMs", higherIsBetter: false },
] as const;

/** How many times worse the embedded default is than the server, figure by figure (1 = as good; below 1 = better). */
function embeddedAgainstServer(embeddedFigures: ReturnType<typeof serviceSummary>, server: ReturnType<typeof serviceSummary>): Record<string, number> {
  const factors: Record<string, number> = {};
  for (const { figure, higherIsBetter } of comparedFigures) {
    const mine = embeddedFigures[figure];
    const theirs = server[figure];
    // Not measured on one side (a server's memory the bench cannot see): nothing to compare.
    if (Number.isNaN(mine) || Number.isNaN(theirs) || mine <= 0 || theirs <= 0) continue;
    // Unanswered steps make a p99 infinite: worse than any finite one, as good as another infinite one.
    if (!Number.isFinite(mine) || !Number.isFinite(theirs)) {
      factors[figure] = mine === theirs ? 1 : Number.isFinite(higherIsBetter ? mine : theirs) ? Infinity : 0;
      continue;
    }
    factors[figure] = round(higherIsBetter ? theirs / mine : mine / theirs, 2);
  }
  return factors;
}

/** The Slack burst (100 people reporting at once) on one backend. */
function burstSummary(burst: BurstFigures) {
  return {
    slackBurstReports: burst.reports,
    slackBurstPeople: burst.people,
    slackBurstSeconds: round(burst.seconds, 1),
    slackBurstAckP50Ms: round(burst.ackP50Ms, 1),
    slackBurstAckP99Ms: round(burst.ackP99Ms, 1),
    slackBurstAckMaxMs: round(burst.ackMaxMs, 1),
    slackBurstRefused: burst.refused,
    slackBurstWentWrong: burst.wentWrong,
    slackBurstUnconfirmed: burst.unconfirmed,
  };
}

function otherSummary(measured: { digest: DigestFigures; retrieval: Awaited<ReturnType<typeof retrievalBenchmark>>; embedded: EmbeddedOpenFigures }) {
  const { digest, retrieval, embedded } = measured;
  return {
    digestRatio: round(digest.digestRatio, 3),
    digestMs: round(digest.digestMs, 1),
    digestHandWrittenMs: round(digest.handWrittenMs, 1),
    retrievalP50Ms: round(retrieval.p50Ms, 3),
    retrievalP95Ms: round(retrieval.p95Ms, 3),
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
const [embeddedService, serverService] = await serviceFiguresOnBoth();
// The burst on each backend: the embedded default is what the targets read, the server is reported beside it.
const burst = await burstFigures("embedded");
const serverBurst = await burstFigures("postgresql");
const loadAfter = loadAverage();
const { start, chat } = embeddedService;
const factors = embeddedAgainstServer(serviceSummary(embeddedService), serviceSummary(serverService));
const embeddedWithin = Object.values(factors).every((factor) => factor <= 1.5);

for (const measured of [embeddedService, serverService]) {
  console.log(`\nConversation steps (${shape.connections} connections × ${shape.seconds} s each, median of ${roundsFromEnvironment()} rounds; service data on ${measured.label})`);
  console.table(chatStepRows(measured.chat));
  console.log(`Each round's ratio: Slack to the lean step ${measured.roundRatios.slackLean.join(", ")}; Teams to the bare CloudAdapter ${measured.roundRatios.teams.join(", ")}`);
}
console.log("\nA burst of incident reports in Slack (embedded default, then the PostgreSQL server)");
console.table([burstRow(burst), burstRow(serverBurst)]);
console.log(`\nTargets, on the embedded default (digest on ${digest.label})`);
console.table(targets(chat, start, digest, retrieval.p95Ms, burst).map((target) => ({ figure: target.figure, value: round(target.value, 2), unit: target.unit, target: verdict(target) })));
console.log("The embedded default against the PostgreSQL server (times worse; within 1.5× on every figure is the target)");
console.table(Object.entries(factors).map(([figure, factor]) => ({ figure, embedded: serviceSummary(embeddedService)[figure as keyof ReturnType<typeof serviceSummary>], server: serviceSummary(serverService)[figure as keyof ReturnType<typeof serviceSummary>], factor, target: factor <= 1.5 ? "met (≤ 1.5)" : "MISSED (≤ 1.5)" })));
console.log(`The embedded default within 1.5× of the PostgreSQL server on every figure: ${embeddedWithin ? "yes" : "NO"}`);
console.log(`Load average (1, 5, 15 min) before ${loadBefore.join(", ")}, after ${loadAfter.join(", ")}; ${os.cpus().length} CPUs; Node ${process.version}`);

if (jsonPath) {
  const figures = {
    ...serviceSummary(embeddedService),
    ...otherSummary({ digest, retrieval, embedded }),
    ...burstSummary(burst),
    postgresql: { ...serviceSummary(serverService), ...burstSummary(serverBurst) },
    embeddedAgainstPostgresql: factors,
    embeddedWithin1_5xOfPostgresql: embeddedWithin,
    measuredAt: new Date().toISOString(),
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    cpus: os.cpus().length,
    node: process.version,
    serviceDatabase: embeddedService.label,
    serverDatabase: serverService.label,
    digestDatabase: digest.label,
    loadConnections: shape.connections,
    loadPeople: shape.people,
    loadSeconds: shape.seconds,
    loadRounds: roundsFromEnvironment(),
  };
  fs.mkdirSync(path.dirname(path.resolve(jsonPath)), { recursive: true });
  fs.writeFileSync(jsonPath, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`Figures written to ${jsonPath}`);
}
