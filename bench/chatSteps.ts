// Conversation steps under load, Slack and Teams, each beside a bare baseline on the same machine
// in the same run. The service runs as `npm start` runs it (its own process), answering signed
// Events API DMs at /slack/events and emulator-mode activities at /api/messages; a step counts when
// its reply reaches the fake Web API or Bot Connector. The baselines only acknowledge (Bolt) or echo
// (a bare CloudAdapter), so their figures are at the HTTP answer.
// Run on its own: npx tsx bench/chatSteps.ts [--slack-only | --teams-only] (part of npm run bench). BENCH_SECONDS
// shortens the runs.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { slackDirectMessage, slackDmChannel, teamsPersonalChat, teamsPersonalMessage, benchSigningSecret } from "./support/chatRequests.js";
import { nextText, StepTracker, type ChatUser, type StepFigures } from "./support/conversationSteps.js";
import { runLoad, type BuiltRequest, type LoadFigures } from "./support/httpLoad.js";
import { runPeopleLoad } from "./support/peopleLoad.js";
import { processCpuMs, StepCostMeter, type CpuSources, type StepCosts } from "./support/stepCosts.js";
import { freePort, spawnTypeScript, waitUntilHealthy } from "./support/nodeProcesses.js";
import { createBenchStorage, postmasterPidOf, profilingArguments, serviceDatabaseUrl, startBenchPlatforms, startServiceProcess, type BenchPlatforms, type BenchStorage } from "./support/serviceProcess.js";
import { residentMb } from "./support/nodeProcesses.js";
import { round } from "./support/statistics.js";
import { openEmbeddedServer } from "../src/store/embedded/embeddedServer.js";
import { createScratchDatabase } from "../src/store/postgresAdapter.js";
import { createScratchPostgres, databaseServerUrl } from "./support/scratchDatabase.js";

export interface LoadShape {
  seconds: number;
  connections: number;
  /** A short run first, not counted: JIT, connection pools and the first users' records. */
  warmUpSeconds: number;
  /**
   * How many people write to the Slack bot (BENCH_PEOPLE, default 500): each waits for the reply to
   * their message before sending the next, and when all are waiting, so does the load. 0: no bound,
   * a newcomer writes whenever everyone is waiting (the load before the pool; every one of them
   * costs a users.info call and a new person).
   */
  people: number;
}

export function loadShapeFromEnvironment(): LoadShape {
  const seconds = Number(process.env.BENCH_SECONDS || 10);
  return { seconds, connections: 50, warmUpSeconds: Math.min(3, seconds), people: Number(process.env.BENCH_PEOPLE ?? 500) };
}

export type ServiceStepFigures = StepFigures & { ackRequestsPerSecond: number; ackP99Ms: number; perStep?: StepCosts };

/** A bare baseline's figures at the HTTP answer, and the CPU its process spent per request. */
export type BareFigures = LoadFigures & { appCpuMs?: number };

export interface PlatformFigures {
  bare: BareFigures;
  service: ServiceStepFigures;
  ratio: number;
}

export interface ChatStepFigures {
  slack: PlatformFigures;
  /** The lean-step baseline (bench/leanStep.ts), measured like the service: reply at the fake. */
  slackLean: ServiceStepFigures;
  /** The service's completed steps per second against the lean step's, in the same round. */
  slackLeanRatio: number;
  teams: PlatformFigures;
  /** The service's resident memory after both loads. */
  rssAfterLoadMb: number;
}

type Platform = "slack" | "teams";

/** The Slack scenarios alone (bare Bolt, the lean step, the service), for iterating on Slack: `--slack-only`. */
export async function slackStepBenchmark(storage: BenchStorage, platforms: BenchPlatforms, shape: LoadShape): Promise<Omit<ChatStepFigures, "teams">> {
  const slackBare = await bareBaseline("slack", platforms, shape);
  const slackLean = await leanStepBaseline(storage, platforms, shape);
  const service = await startServiceProcess(storage, platforms);
  try {
    const slackSteps = await serviceSteps("slack", service.url, platforms, shape, await serviceDatabaseUrl(storage), cpuSources(storage, service.pid));
    return {
      slack: { bare: slackBare, service: slackSteps, ratio: slackSteps.stepsPerSecond / slackBare.requestsPerSecond },
      slackLean,
      slackLeanRatio: slackSteps.stepsPerSecond / slackLean.stepsPerSecond,
      rssAfterLoadMb: residentMb(service.pid),
    };
  } finally {
    await service.stop();
  }
}

/** The Teams scenarios alone (the bare CloudAdapter, the service), for iterating on Teams: `--teams-only`. */
export async function teamsStepBenchmark(storage: BenchStorage, platforms: BenchPlatforms, shape: LoadShape): Promise<Pick<ChatStepFigures, "teams" | "rssAfterLoadMb">> {
  const teamsBare = await bareBaseline("teams", platforms, shape);
  const service = await startServiceProcess(storage, platforms);
  try {
    const teamsSteps = await serviceSteps("teams", service.url, platforms, shape, await serviceDatabaseUrl(storage), cpuSources(storage, service.pid));
    return { teams: { bare: teamsBare, service: teamsSteps, ratio: teamsSteps.stepsPerSecond / teamsBare.requestsPerSecond }, rssAfterLoadMb: residentMb(service.pid) };
  } finally {
    await service.stop();
  }
}

export async function chatStepBenchmark(storage: BenchStorage, platforms: BenchPlatforms, shape: LoadShape): Promise<ChatStepFigures> {
  const slackBare = await bareBaseline("slack", platforms, shape);
  const slackLean = await leanStepBaseline(storage, platforms, shape);
  const service = await startServiceProcess(storage, platforms);
  try {
    const slackSteps = await serviceSteps("slack", service.url, platforms, shape, await serviceDatabaseUrl(storage), cpuSources(storage, service.pid));
    const teamsBare = await bareBaseline("teams", platforms, shape);
    const teamsSteps = await serviceSteps("teams", service.url, platforms, shape, await serviceDatabaseUrl(storage), cpuSources(storage, service.pid));
    return {
      slack: { bare: slackBare, service: slackSteps, ratio: slackSteps.stepsPerSecond / slackBare.requestsPerSecond },
      slackLean,
      slackLeanRatio: slackSteps.stepsPerSecond / slackLean.stepsPerSecond,
      teams: { bare: teamsBare, service: teamsSteps, ratio: teamsSteps.stepsPerSecond / teamsBare.requestsPerSecond },
      rssAfterLoadMb: residentMb(service.pid),
    };
  } finally {
    await service.stop();
  }
}

function requestFor(platform: Platform, platforms: BenchPlatforms): (user: ChatUser, text: string) => BuiltRequest {
  return platform === "slack" ? slackDirectMessage : (user, text) => teamsPersonalMessage(user, text, platforms.connectorUrl);
}

/**
 * The service under load: each request one person's next message, timed until the reply arrives.
 * Slack's people come from a bounded pool (see LoadShape.people); Teams answers before its HTTP
 * response, so autocannon's connections bound its load already.
 */
async function serviceSteps(platform: Platform, url: string, platforms: BenchPlatforms, shape: LoadShape, databaseUrl?: string, cpu: CpuSources = {}): Promise<PlatformFigures["service"]> {
  const pooled = platform === "slack" && shape.people > 0;
  const tracker = new StepTracker(platform === "slack" ? slackDmChannel : teamsPersonalChat, pooled ? shape.people : undefined);
  const listen = (at: (conversation: string, arrivedAt: number) => void) => (platform === "slack" ? (platforms.onSlackReply = at) : (platforms.onTeamsReply = at));
  listen((conversation, arrivedAt) => tracker.replied(conversation, arrivedAt));
  const build = requestFor(platform, platforms);
  const load = (seconds: number) => {
    const settings = { url, connections: shape.connections, seconds };
    if (pooled) return runPeopleLoad(settings, tracker, (user) => build(user, nextText(user)));
    const nextRequest = () => {
      const user = tracker.nextSender();
      const request = build(user, nextText(user));
      tracker.sent(user);
      return request;
    };
    return runLoad(settings, nextRequest, (tag, status) => tracker.acknowledged(tag as ChatUser, status));
  };
  try {
    // Everyone in the pool writes their first message (a newcomer: users.info, a new person) before the
    // warm-up: the measured run is the steady state of a workspace whose people come back.
    if (pooled) {
      await runPeopleLoad({ url, connections: shape.connections, seconds: 120, introductions: true }, tracker, (user) => build(user, nextText(user)));
      await tracker.drained(120_000);
    }
    await load(shape.warmUpSeconds);
    await tracker.drained(30_000);
    const meter = databaseUrl ? new StepCostMeter(databaseUrl, platforms.slackCalls, cpu) : undefined;
    await meter?.start();
    tracker.reset();
    const measured = await load(shape.seconds);
    await tracker.drained(30_000);
    const perStep = await meter?.stop(tracker.answered);
    return { ...tracker.figures(measured), ackRequestsPerSecond: measured.requestsPerSecond, ackP99Ms: measured.p99Ms, ...(perStep ? { perStep } : {}) };
  } finally {
    listen(() => {});
  }
}

/** The bare app in its own process, loaded the same way; its figures are autocannon's. */
async function bareBaseline(platform: Platform, platforms: BenchPlatforms, shape: LoadShape): Promise<BareFigures> {
  const port = await freePort();
  const script = platform === "slack" ? "bench/bareBolt.ts" : "bench/bareTeamsBot.ts";
  const spawnedAt = performance.now();
  const bare = spawnTypeScript(script, { PORT: String(port), SLACK_SIGNING_SECRET: benchSigningSecret, SLACK_API_URL: platforms.slackApiUrl }, profilingArguments());
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitUntilHealthy(`${url}/healthz`, bare, spawnedAt);
    const build = requestFor(platform, platforms);
    let counter = 0;
    // A bare app keeps no conversation: any person and text will do, each request still unique.
    const nextRequest = () => {
      const index = counter++ % 1000;
      return build({ index, conversation: platform === "slack" ? slackDmChannel(index) : teamsPersonalChat(index), turns: 1 }, "help");
    };
    await runLoad({ url, connections: shape.connections, seconds: shape.warmUpSeconds }, nextRequest);
    const cpuBefore = processCpuMs(bare.pid);
    const figures = await runLoad({ url, connections: shape.connections, seconds: shape.seconds }, nextRequest);
    const answered = figures.requestsPerSecond * shape.seconds;
    return { ...figures, ...(answered > 0 ? { appCpuMs: (processCpuMs(bare.pid) - cpuBefore) / answered } : {}) };
  } finally {
    await bare.stop();
  }
}

/** The lean step on a scratch database of the same server the service uses (embedded or yours). */
async function leanStepBaseline(storage: BenchStorage, platforms: BenchPlatforms, shape: LoadShape): Promise<ChatStepFigures["slackLean"]> {
  const database = await leanDatabase(storage);
  const port = await freePort();
  const spawnedAt = performance.now();
  const lean = spawnTypeScript("bench/leanStep.ts", { PORT: String(port), SLACK_SIGNING_SECRET: benchSigningSecret, SLACK_API_URL: platforms.slackApiUrl, LEAN_DATABASE_URL: database.url }, profilingArguments());
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitUntilHealthy(`${url}/healthz`, lean, spawnedAt);
    return await serviceSteps("slack", url, platforms, shape, database.url, cpuSources(storage, lean.pid));
  } finally {
    await lean.stop();
    await database.dispose();
  }
}

async function leanDatabase(storage: BenchStorage): Promise<{ url: string; dispose(): Promise<void> }> {
  if (!storage.dataDir) {
    const scratch = await createScratchPostgres(storage.serverUrl ?? databaseServerUrl()!);
    return { url: scratch.url, dispose: scratch.drop };
  }
  const server = await openEmbeddedServer(storage.dataDir);
  const scratch = await createScratchDatabase(server.url(), { prefix: "aims_lean" });
  return {
    url: scratch.url,
    async dispose() {
      await scratch.drop();
      await server.stopUnlessInUse();
    },
  };
}

export function chatStepRows(figures: Partial<Pick<ChatStepFigures, "slack" | "slackLean" | "teams">>): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  const lean = figures.slackLean;
  if (lean) rows.push({ what: "Slack: lean step (pg transaction + postMessage)", perSecond: round(lean.stepsPerSecond), p50Ms: round(lean.p50Ms, 1), p99Ms: round(lean.p99Ms, 1), note: `acks ${round(lean.ackRequestsPerSecond)}/s p99 ${round(lean.ackP99Ms)} ms; unanswered ${lean.unanswered}${costsNote(lean.perStep)}` });
  const measured = [["Slack", figures.slack], ["Teams", figures.teams]].filter((entry): entry is [string, PlatformFigures] => entry[1] !== undefined);
  for (const [platform, result] of measured) {
    rows.push({ what: `${platform}: bare ${platform === "Slack" ? "Bolt ack" : "CloudAdapter echo"}`, perSecond: round(result.bare.requestsPerSecond), p50Ms: round(result.bare.p50Ms, 1), p99Ms: round(result.bare.p99Ms, 1), note: `non-2xx ${result.bare.non2xx}, errors ${result.bare.errors}${result.bare.appCpuMs !== undefined ? `; CPU ms per request ${result.bare.appCpuMs.toFixed(2)}` : ""}` });
    const service = result.service;
    rows.push({
      what: `${platform}: service step (reply at fake)`,
      perSecond: round(service.stepsPerSecond),
      p50Ms: round(service.p50Ms, 1),
      p99Ms: round(service.p99Ms, 1),
      note: `ratio ${result.ratio.toFixed(2)}; acks ${round(service.ackRequestsPerSecond)}/s p99 ${round(service.ackP99Ms)} ms; unanswered ${service.unanswered}; newcomers ${service.newcomers}${costsNote(service.perStep)}`,
    });
  }
  return rows;
}

function costsNote(costs: StepCosts | undefined): string {
  if (!costs) return "";
  const cpu = [costs.appCpuMs !== undefined ? `app ${costs.appCpuMs.toFixed(2)}` : "", costs.databaseCpuMs !== undefined ? `database ${costs.databaseCpuMs.toFixed(2)}` : ""].filter(Boolean);
  return `; per step ${costs.transactions.toFixed(1)} transactions, ${costs.usersInfo.toFixed(2)} users.info, ${costs.postMessages.toFixed(2)} posts${cpu.length > 0 ? `, CPU ms ${cpu.join(", ")}` : ""}`;
}

/** The app's process, and the database server when nobody else uses it (embedded, or started by the bench). */
function cpuSources(storage: BenchStorage, appPid: number): CpuSources {
  const postmasterPid = postmasterPidOf(storage);
  return { appPid, ...(postmasterPid ? { postmasterPid } : {}) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const storage = await createBenchStorage();
  const platforms = await startBenchPlatforms();
  try {
    const shape = loadShapeFromEnvironment();
    const figures = process.argv.includes("--slack-only")
      ? await slackStepBenchmark(storage, platforms, shape)
      : process.argv.includes("--teams-only")
        ? await teamsStepBenchmark(storage, platforms, shape)
        : await chatStepBenchmark(storage, platforms, shape);
    console.log(`Conversation steps under load (${shape.connections} connections × ${shape.seconds} s) on ${storage.label}`);
    console.table(chatStepRows(figures));
  } finally {
    await platforms.close();
    await storage.dispose();
  }
}
