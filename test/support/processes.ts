// Starts the real entry points (`npm start`'s src/main.ts, the `aims` bin) as child processes.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { stopEmbeddedServerIn } from "../../src/store/embedded/embeddedServer.js";
import { createPostgresDatabase } from "./testDatabase.js";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const aimsBin = path.join(projectRoot, "bin", "aims.js");
/**
 * What `npm start` runs (package.json's start script, `node FLAGS… dist/bundle/main.js`): the bundled
 * service. `npm test` builds it first (`npm run build` when running one file).
 */
const { flags: startFlags, script: mainScript } = npmStartCommand();

function npmStartCommand(): { flags: string[]; script: string } {
  const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = packageJson.scripts.start.trim().split(/\s+/);
  return { flags: words.slice(1, -1), script: path.join(projectRoot, words.at(-1)!) };
}

function assertBuilt(): void {
  if (!fs.existsSync(mainScript)) throw new Error(`${path.relative(projectRoot, mainScript)} is missing: run \`npm run build\` first (npm test does)`);
}

/** Only what the child needs: no inherited DATABASE_URL or tokens from the developer's shell. */
function childEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info", ...env };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startServiceProcess(env: Record<string, string>, timeoutMs = 180_000): Promise<ServiceProcess> {
  if (env.PORT) return startServiceOnPort(env, env.PORT, timeoutMs);
  // A free port can be taken by another test process before this service listens on it (the window
  // is long on a busy machine): then it is started again on another.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServiceOnPort(env, String(await freePort()), timeoutMs);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === 5) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function startServiceOnPort(env: Record<string, string>, port: string, timeoutMs: number): Promise<ServiceProcess> {
  assertBuilt();
  // node itself (not npm), so that a kill reaches the service process and nothing else.
  const child = spawn(process.execPath, [...startFlags, mainScript], { cwd: projectRoot, env: childEnvironment({ ...env, PORT: port }) });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Ended by a signal (something else killed it), exitCode stays null: that is an exit too, not a slow start.
    if (child.exitCode !== null || child.signalCode !== null) {
      const message = `service exited with ${child.exitCode ?? child.signalCode}:\n${output}`;
      throw output.includes("EADDRINUSE") && !env.PORT ? new PortTakenError(message) : new Error(message);
    }
    if ((await fetch(`${url}/healthz`).then((res) => res.status, () => 0)) === 200) {
      return {
        url,
        child,
        output: () => output,
        stop: async () => {
          child.kill("SIGTERM");
          return exited;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`service did not become healthy within ${timeoutMs} ms:\n${output}`);
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `input`, when given, is typed on standard input, which is then closed. */
export async function runProcess(command: string, args: string[], env: Record<string, string>, input?: string): Promise<CommandResult> {
  const child = spawn(command, args, { cwd: projectRoot, env: childEnvironment(env) });
  if (input !== undefined) child.stdin.end(input);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  return { code, stdout, stderr };
}

export const runAims = (args: string[], env: Record<string, string>) => runProcess(process.execPath, [aimsBin, ...args], env);
export const runMain = (env: Record<string, string>) => {
  assertBuilt();
  return runProcess(process.execPath, [...startFlags, mainScript], env);
};

/**
 * A data folder for a service or CLI process. As root the embedded server runs as `postgres`,
 * which must be able to enter it (mkdtemp makes 0700 folders). Disposing stops a server a killed
 * process left running there, then deletes the folder.
 */
export function scratchDataDir(prefix: string): { dir: string; dataDir: string; dispose(): Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, "data");
  return {
    dir,
    dataDir,
    async dispose() {
      await stopEmbeddedServerIn(dataDir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The environment for a series of `aims` runs in one test file: its own data folder, and its own
 * PostgreSQL database when there is a server (each embedded open costs seconds). Registers its hooks.
 */
export function cliEnvironment(prefix: string): { env: Record<string, string>; dir: string } {
  const scratch = scratchDataDir(prefix);
  const dir = scratch.dir;
  const env: Record<string, string> = { AIMS_DATA_DIR: scratch.dataDir, LOCAL_CHAT: "off" };
  let dropDatabase = async () => {};
  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL) return;
    const database = await createPostgresDatabase();
    env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  });
  afterAll(async () => {
    await dropDatabase();
    await scratch.dispose();
  });
  return { env, dir };
}
