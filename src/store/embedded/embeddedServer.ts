// The embedded default: a real PostgreSQL server kept in the data folder (AIMS_DATA_DIR/postgres),
// reachable only from this machine (127.0.0.1, a generated password in a 0600 file beside it).
// Whoever needs it first starts it (the service, or a CLI command while the service is down);
// everyone else finds it through its postmaster.pid and connects. A server left behind by a
// killed process is simply used again: PostgreSQL recovers from its own WAL, nothing is lost.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { clusterSuperuser, copyClusterTemplate } from "./clusterTemplate.js";
import {
  generatePassword,
  initialiseCluster,
  isAlive,
  lastLogLines,
  postgresBinaries,
  readPostmasterPid,
  serverUser,
  sleep,
  spawnPostmaster,
  stopPostmaster,
  type ServerSettings,
} from "./postgresProcess.js";

export const embeddedDatabaseName = "aims";
const superuser = clusterSuperuser;

export interface EmbeddedLayout {
  clusterDir: string;
  passwordFile: string;
  logFile: string;
}

export function embeddedLayout(dataDir: string): EmbeddedLayout {
  return {
    clusterDir: path.join(dataDir, "postgres"),
    passwordFile: path.join(dataDir, "postgres.password"),
    logFile: path.join(dataDir, "postgres.log"),
  };
}

export interface EmbeddedServer {
  readonly layout: EmbeddedLayout;
  /** True when this process started it (rather than finding it running). */
  readonly startedHere: boolean;
  /** True when this call created the cluster (the very first start). */
  readonly created: boolean;
  url(database?: string): string;
  /** Stops the server unless another client is still connected to it (a CLI command, the service). */
  stopUnlessInUse(): Promise<boolean>;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  settings?: ServerSettings;
  /** Tells the person why the first start takes a moment. */
  onCreate?: () => void;
}

export async function openEmbeddedServer(dataDir: string, options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const layout = embeddedLayout(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const binaries = await postgresBinaries();
  const user = await serverUser();
  let created = false;
  if (!isInitialised(layout)) {
    created = await initialiseOnce(layout, async () => {
      options.onCreate?.();
      const password = generatePassword();
      await initialiseCluster(binaries, layout.clusterDir, user, { user: superuser, password }, (clusterDir) => copyClusterTemplate(binaries, clusterDir, user, password));
      // Written last: a cluster without its password file is an interrupted initdb, done again.
      fs.writeFileSync(`${layout.passwordFile}.new`, password, { mode: 0o600 });
      fs.renameSync(`${layout.passwordFile}.new`, layout.passwordFile);
    });
  }
  const password = readPassword(layout.passwordFile);
  for (let attempt = 0; attempt < 3; attempt++) {
    const running = await findRunning(layout, password);
    if (running) return serverHandle(layout, password, running, false, created);
    const spawned = await spawnPostmaster(binaries, layout.clusterDir, user, layout.logFile, options.settings);
    const ready = await waitUntilReady(spawned.port, password, spawned.exited);
    if (ready) return serverHandle(layout, password, spawned, true, created);
    // It exited at once: another process started this cluster a moment earlier (found on the
    // next attempt), or its port was taken in between (a new one is chosen).
  }
  throw new Error(`The embedded PostgreSQL server in ${layout.clusterDir} did not start:\n${lastLogLines(layout.logFile)}`);
}

const isInitialised = (layout: EmbeddedLayout) => fs.existsSync(path.join(layout.clusterDir, "PG_VERSION")) && fs.existsSync(layout.passwordFile);

/**
 * Two commands started at once on a new folder must not both run initdb: the first takes a lock
 * file (holding its pid), the other waits for it. Returns true when this process created the cluster.
 */
async function initialiseOnce(layout: EmbeddedLayout, initialise: () => Promise<void>): Promise<boolean> {
  const lockFile = `${layout.clusterDir}.init.lock`;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (!Number.isInteger(holder) || !isAlive(holder)) fs.rmSync(lockFile, { force: true }); // its initdb died with it
      else await sleep(100);
      if (isInitialised(layout) && !fs.existsSync(lockFile)) return false;
    }
  }
  try {
    if (isInitialised(layout)) return false; // finished by another process while we waited
    await initialise();
    return true;
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function readPassword(passwordFile: string): string {
  try {
    return fs.readFileSync(passwordFile, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EACCES") {
      throw new Error(`${passwordFile} can only be read by the user who created the data folder: run this as that user.`);
    }
    throw new Error(`The embedded database's password file ${passwordFile} is missing; without it the database cannot be opened.`);
  }
}

/** A postmaster already running on this cluster (left by a killed service, or started by another command). */
async function findRunning(layout: EmbeddedLayout, password: string): Promise<{ pid: number; port: number } | undefined> {
  const status = readPostmasterPid(layout.clusterDir);
  if (!status) return undefined;
  if (!isAlive(status.pid)) {
    fs.rmSync(path.join(layout.clusterDir, "postmaster.pid"), { force: true }); // stale: its server is gone
    return undefined;
  }
  const stillAlive = new Promise<null>(() => {}); // not our child: we only learn of its end by polling
  return (await waitUntilReady(status.port, password, stillAlive, () => isAlive(status.pid))) ? status : undefined;
}

/** Polls until the server accepts a login to our database (creating it if the cluster has none yet), or it exits. */
async function waitUntilReady(port: number, password: string, exited: Promise<number | null>, alive: () => boolean = () => true): Promise<boolean> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  while (!gone && alive() && Date.now() < deadline) {
    try {
      await logIn(port, password, embeddedDatabaseName);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === missingDatabase) await createOurDatabase(port, password).catch(() => {});
      else await sleep(20);
    }
  }
  return false;
}

const missingDatabase = "3D000";

async function logIn(port: number, password: string, database: string, statement?: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: superuser, password, database, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    if (statement) await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A cluster made by initdb has no database of ours until now; template1 is the database every
 * cluster keeps (a data folder's copy of the template has no `postgres` database: see clusterTemplate.ts).
 */
async function createOurDatabase(port: number, password: string): Promise<void> {
  await logIn(port, password, "template1", `CREATE DATABASE ${embeddedDatabaseName}`).catch((error: { code?: string }) => {
    if (error.code !== "42P04") throw error; // created a moment ago by another process
  });
}

function serverHandle(layout: EmbeddedLayout, password: string, postmaster: { pid: number; port: number }, startedHere: boolean, created: boolean): EmbeddedServer {
  const url = (database = embeddedDatabaseName) => `postgresql://${superuser}:${password}@127.0.0.1:${postmaster.port}/${database}`;
  return {
    layout,
    startedHere,
    created,
    url,
    async stopUnlessInUse() {
      if (await otherClientsConnected(url())) return false;
      await stopPostmaster(postmaster.pid);
      return true;
    },
    stop: () => stopPostmaster(postmaster.pid),
  };
}

async function otherClientsConnected(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
    );
    return Number(rows[0]?.count ?? 0) > 0;
  } catch {
    return false; // not answering: nobody can be using it
  } finally {
    await client.end().catch(() => {});
  }
}

/** Stops the server of a data folder if one runs (tests and tools cleaning up after a kill -9). */
export async function stopEmbeddedServerIn(dataDir: string): Promise<void> {
  const status = readPostmasterPid(embeddedLayout(dataDir).clusterDir);
  if (status && isAlive(status.pid)) await stopPostmaster(status.pid);
}
