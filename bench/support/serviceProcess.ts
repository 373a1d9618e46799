// The service as it runs in production: `npm start`'s command (node, its flags, dist/main.js) in its own process, Slack
// configured against the fake Web API, Teams in emulator mode, the local chat off, and its data in
// a bench-only place: a temporary folder for the embedded database, or a scratch database on a
// PostgreSQL server (DATABASE_URL or TEST_DATABASE_URL, or else one the bench starts for itself).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { benchSigningSecret } from "./chatRequests.js";
import { startFakeBotConnector, startFakeSlackWebApi, type ReplyListener } from "./fakePlatforms.js";
import { openEmbeddedServer, stopEmbeddedServerIn } from "../../src/store/embedded/embeddedServer.js";
import { readPostmasterPid } from "../../src/store/embedded/postgresProcess.js";
import { freePort, projectRoot, residentMb, spawnNode, treeResidentMb, waitUntilHealthy, type NodeProcess } from "./nodeProcesses.js";
import { createScratchPostgres, databaseServerUrl } from "./scratchDatabase.js";

export type BenchBackend = "embedded" | "postgresql";

export interface BenchStorage {
  backend: BenchBackend;
  label: string;
  env: Record<string, string>;
  /** The embedded database's data folder (unset on a PostgreSQL server). */
  dataDir?: string;
  /** The PostgreSQL server's address, where other scratch databases may be made (unset when embedded). */
  serverUrl?: string;
  /** The server's postmaster when the bench started it (its memory is reported like the embedded one's). */
  serverDataDir?: string;
  dispose(): Promise<void>;
}

/**
 * A place for the service's data that nothing else uses: empty until the first start initialises it.
 * The default is the backend the environment names (a PostgreSQL server when DATABASE_URL or
 * TEST_DATABASE_URL is set), as for every bench run on its own.
 */
export async function createBenchStorage(backend: BenchBackend = databaseServerUrl() ? "postgresql" : "embedded"): Promise<BenchStorage> {
  return backend === "postgresql" ? postgresStorage() : embeddedStorage();
}

/** A scratch database on the server named by the environment, or on a PostgreSQL server started for the bench. */
async function postgresStorage(): Promise<BenchStorage> {
  const given = databaseServerUrl();
  const started = given ? undefined : await startBenchServer();
  const serverUrl = given ?? started!.url;
  const scratch = await createScratchPostgres(serverUrl);
  return {
    backend: "postgresql",
    label: given ? `PostgreSQL server (${new URL(serverUrl).host}, scratch database ${scratch.name})` : `PostgreSQL server started for the bench (${new URL(serverUrl).host})`,
    env: { DATABASE_URL: scratch.url },
    serverUrl,
    ...(started ? { serverDataDir: started.dataDir } : {}),
    async dispose() {
      await scratch.drop();
      await started?.dispose();
    },
  };
}

/** Without a server of one's own: the same PostgreSQL binaries, as a server the service merely connects to. */
async function startBenchServer(): Promise<{ url: string; dataDir: string; dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-bench-server-"));
  fs.chmodSync(dir, 0o755); // as root the server runs as `postgres`
  const dataDir = path.join(dir, "data");
  const server = await openEmbeddedServer(dataDir);
  return {
    url: server.url(),
    dataDir,
    async dispose() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function embeddedStorage(): Promise<BenchStorage> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-bench-"));
  fs.chmodSync(dir, 0o755); // as root the embedded server runs as `postgres`
  const dataDir = path.join(dir, "data");
  return {
    backend: "embedded",
    label: "embedded (PostgreSQL server in the data folder)",
    env: { AIMS_DATA_DIR: dataDir },
    dataDir,
    async dispose() {
      await stopEmbeddedServerIn(dataDir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The fake Slack Web API and Bot Connector, with the listener for replies swapped per measurement. */
export interface BenchPlatforms {
  slackApiUrl: string;
  connectorUrl: string;
  onSlackReply: ReplyListener;
  onTeamsReply: ReplyListener;
  /** Calls the fake Slack Web API received so far, by method. */
  slackCalls: Map<string, number>;
  close(): Promise<void>;
}

export async function startBenchPlatforms(): Promise<BenchPlatforms> {
  const ignore: ReplyListener = () => {};
  const platforms = { onSlackReply: ignore, onTeamsReply: ignore } as BenchPlatforms;
  const slack = await startFakeSlackWebApi((conversation, at, text) => platforms.onSlackReply(conversation, at, text));
  const connector = await startFakeBotConnector((conversation, at) => platforms.onTeamsReply(conversation, at));
  platforms.slackApiUrl = slack.url;
  platforms.slackCalls = slack.calls;
  platforms.connectorUrl = connector.url;
  platforms.close = async () => {
    await Promise.all([slack.close(), connector.close()]);
  };
  return platforms;
}

export interface ServiceProcess extends NodeProcess {
  url: string;
  /** From spawning the process to /healthz answering 200. */
  coldStartMs: number;
}

export async function startServiceProcess(storage: BenchStorage, platforms: BenchPlatforms): Promise<ServiceProcess> {
  const port = await freePort();
  const env = {
    PORT: String(port),
    HOST: "127.0.0.1",
    LOCAL_CHAT: "off",
    TEAMS_EMULATOR: "on",
    LOG_LEVEL: "info",
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_SIGNING_SECRET: benchSigningSecret,
    SLACK_API_URL: platforms.slackApiUrl,
    ...storage.env,
  };
  const spawnedAt = performance.now();
  const { flags, script } = startScript();
  if (!fs.existsSync(path.join(projectRoot, script))) throw new Error("run `npm run build` first: the bench measures the compiled service");
  const running = spawnNode(script, env, [...flags, ...profilingArguments()]);
  const url = `http://127.0.0.1:${port}`;
  try {
    const coldStartMs = await waitUntilHealthy(`${url}/healthz`, running, spawnedAt, 120_000);
    return { ...running, url, coldStartMs };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

/** The service's database, to read its activity from (on the embedded server, which the service keeps running). */
export async function serviceDatabaseUrl(storage: BenchStorage): Promise<string> {
  if (!storage.dataDir) return storage.env.DATABASE_URL!;
  return (await openEmbeddedServer(storage.dataDir)).url();
}

/** The node flags and the script `npm start` runs (package.json's start script: `node FLAGS… dist/bundle/main.js`). */
function startScript(): { flags: string[]; script: string } {
  const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = packageJson.scripts.start.trim().split(/\s+/);
  if (words[0] !== "node" || !words.at(-1)!.startsWith("dist/")) throw new Error(`the bench expects the start script to read "node [flags] dist/….js", not "${packageJson.scripts.start}"`);
  return { flags: words.slice(1, -1), script: words.at(-1)! };
}

/**
 * BENCH_CPU_PROFILE_DIR=DIR writes a V8 CPU profile of every service and baseline process there, BENCH_HEAP_PROFILE_DIR=DIR
 * a sampled heap profile (what the heap holds when it stops, by the code that allocated it), BENCH_ALLOCATION_PROFILE_DIR=DIR
 * one of every allocation, freed or not (allocationSampler.mjs: where the garbage collector's work comes from); open any in
 * Chrome DevTools.
 */
export function profilingArguments(): string[] {
  const cpu = process.env.BENCH_CPU_PROFILE_DIR;
  const heap = process.env.BENCH_HEAP_PROFILE_DIR;
  const allocations = process.env.BENCH_ALLOCATION_PROFILE_DIR;
  return [
    // The folder travels in the module's address: the processes get only the variables they need.
    ...(allocations ? ["--import", `${pathToFileURL(path.join(projectRoot, "bench/support/allocationSampler.mjs")).href}?dir=${encodeURIComponent(path.resolve(allocations))}`] : []),
    ...(cpu ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpu)}`] : []),
    ...(heap ? ["--heap-prof", `--heap-prof-dir=${path.resolve(heap)}`] : []),
  ];
}

/**
 * Resident memory of a service left idle, and what it held just after starting. V8 keeps the young
 * generation that start-up grew until its memory reducer runs once allocation has stopped: 20–40 s after
 * the start here with V8's default young generation, 14–15 s with the 8 MB npm start sets. Sampled every second: `justStarted` once two samples in a row agree (after
 * the first reminder scan and outbox pass, 3 s), `idle` once the service has been up `idleSeconds` and
 * five samples in a row agree within 1 MB (at most `maxSeconds`).
 */
export async function idleResidentMb(pid: number, idleSeconds = 30, maxSeconds = 60): Promise<{ idle: number; justStarted: number }> {
  const startedAt = performance.now();
  const elapsedSeconds = () => (performance.now() - startedAt) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const samples = [residentMb(pid)];
  let justStarted: number | undefined;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    samples.push(residentMb(pid));
    const [before, now] = samples.slice(-2) as [number, number];
    justStarted ??= Math.abs(now - before) < 1 ? now : undefined;
    const lastFive = samples.slice(-5);
    const steady = lastFive.length === 5 && Math.max(...lastFive) - Math.min(...lastFive) < 1;
    if ((elapsedSeconds() >= idleSeconds && steady) || elapsedSeconds() >= maxSeconds) return { idle: now, justStarted: justStarted ?? samples[0]! };
  }
}

/** The database server's own memory: its postmaster and every backend (NaN on a server the bench did not start). */
export function databaseResidentMb(storage: BenchStorage): number {
  const postmasterPid = postmasterPidOf(storage);
  return postmasterPid ? treeResidentMb(postmasterPid) : NaN;
}

/** The postmaster of the embedded server or of the server the bench started; undefined on a server of your own. */
export function postmasterPidOf(storage: BenchStorage): number | undefined {
  const dataDir = storage.dataDir ?? storage.serverDataDir;
  return dataDir ? readPostmasterPid(path.join(dataDir, "postgres"))?.pid : undefined;
}
