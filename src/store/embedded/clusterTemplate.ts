// A new data folder's cluster, copied instead of created. `initdb` and the migrations take most of an
// embedded first start (initdb 0.7–1 s of CPU on two cores while the service's modules load beside
// it, the migrations another 0.5 s); `npm install` therefore makes a migrated cluster once, as a
// template kept with the installed packages, and a first start copies it (0.1–0.9 s, in a worker
// thread while the service's modules load), gives the copy its own password, as initdb would have,
// and applies only the migrations newer than the template. Without a template (another platform, a
// failed install step, a folder the runner cannot read), a first start runs initdb as before: the
// template only ever saves time.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { copyUnderWay, createCluster, generatePassword, initdbOptions, type PostgresBinaries, type ServerUser } from "./postgresProcess.js";
import { inProject } from "../../project/projectFolder.js";

/** The superuser every embedded cluster has; each data folder's copy gets a password of its own. */
export const clusterSuperuser = "aims";

export interface ClusterTemplate {
  clusterDir: string;
  passwordFile: string;
}

/**
 * Kept with the installed packages (which an upgrade of this service keeps), per PostgreSQL build and
 * initdb options: a template of another build, or made with other options, is never copied.
 */
export function clusterTemplateOf(binaries: PostgresBinaries, cacheDir = inProject("node_modules", ".cache", "aims-assistant")): ClusterTemplate {
  const packageFile = path.join(path.dirname(binaries.postgres), "..", "..", "package.json");
  const build = JSON.parse(fs.readFileSync(packageFile, "utf8")) as { name: string; version: string };
  const options = crypto.createHash("sha256").update(initdbOptions.join(" ")).digest("hex").slice(0, 8);
  const clusterDir = path.join(cacheDir, `postgres-template-${path.basename(build.name)}-${build.version}-${options}`);
  return { clusterDir, passwordFile: `${clusterDir}.password` };
}

/** Makes a cluster in a scratch folder (the server's user can reach it), and says where it is and its superuser's password. */
export type ClusterMaker = (scratch: string) => Promise<{ clusterDir: string; password: string }>;

/** The plain maker: initdb into the scratch folder itself. */
export function initdbInto(binaries: PostgresBinaries, user: ServerUser): ClusterMaker {
  return async (scratch) => {
    const password = generatePassword();
    await createCluster(binaries, scratch, user, { user: clusterSuperuser, password });
    return { clusterDir: scratch, password };
  };
}

/**
 * Creates the template unless it exists (`npm install` runs this, with a maker that also migrates
 * the service's database: see src/store/dataFolderTemplate.ts). The cluster is made in a temporary
 * folder, copied into place under another temporary name and renamed, so a template is either whole
 * or absent.
 */
export async function prepareClusterTemplate(make: ClusterMaker, user: ServerUser, template: ClusterTemplate): Promise<boolean> {
  if (isWhole(template)) return false;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "aims-template-"));
  const staging = `${template.clusterDir}.${process.pid}.tmp`;
  try {
    fs.chmodSync(scratch, 0o700);
    if (user.uid !== undefined) fs.chownSync(scratch, user.uid, user.gid!);
    const made = await make(scratch);
    fs.mkdirSync(path.dirname(template.clusterDir), { recursive: true });
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(made.clusterDir, staging, { recursive: true });
    // What the server leaves in its folder about its last start is not part of a new folder's copy.
    for (const left of ["postmaster.pid", "postmaster.opts"]) fs.rmSync(path.join(staging, left), { force: true });
    fs.writeFileSync(`${staging}.password`, made.password, { mode: 0o600 });
    // The password last: a template without it is not whole and is made again.
    fs.rmSync(template.clusterDir, { recursive: true, force: true });
    fs.renameSync(staging, template.clusterDir);
    fs.renameSync(`${staging}.password`, template.passwordFile);
    return true;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(`${staging}.password`, { force: true });
  }
}

const isWhole = (template: ClusterTemplate) => fs.existsSync(path.join(template.clusterDir, "PG_VERSION")) && fs.existsSync(template.passwordFile);

/**
 * Fills the empty `clusterDir` (its real folder) with a copy of the template, owned by the server's
 * user, and sets the superuser's password in PostgreSQL's single-user mode (no port is opened).
 * False when there is no usable template; the folder is then left empty for initdb.
 */
export async function copyClusterTemplate(binaries: PostgresBinaries, clusterDir: string, user: ServerUser, password: string, given?: ClusterTemplate): Promise<boolean> {
  const marker = path.join(clusterDir, copyUnderWay);
  try {
    const template = given ?? clusterTemplateOf(binaries);
    if (!isWhole(template)) return false;
    // A copy cut short (a crash, Ctrl-C) is recognised by this and started again by the next start.
    fs.writeFileSync(marker, "");
    await copyOffTheMainThread(template.clusterDir, clusterDir);
    if (user.uid !== undefined) chownTree(clusterDir, user.uid, user.gid!);
    await setSuperuserPassword(binaries, clusterDir, user, password);
    fs.rmSync(marker);
    return true;
  } catch {
    try {
      for (const entry of fs.readdirSync(clusterDir)) fs.rmSync(path.join(clusterDir, entry), { recursive: true, force: true });
    } catch {
      // initdb then refuses the folder, and says so.
    }
    return false;
  }
}

/**
 * The copy creates some 1,260 files (28 MB), which takes 0.1 s on a quiet disk here and up to 0.9 s
 * behind other writes. In a worker thread it runs while the service loads its modules, instead of before.
 */
function copyOffTheMainThread(from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(`require("node:fs").cpSync(...require("node:worker_threads").workerData, { recursive: true })`, { eval: true, workerData: [from, to] });
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`copying ${from} stopped (exit code ${code})`))));
  });
}

function chownTree(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(at, uid, gid);
    else fs.lchownSync(at, uid, gid);
  }
}

/** The password travels on the server's standard input, never in its arguments (visible to `ps`) nor in a message. */
function setSuperuserPassword(binaries: PostgresBinaries, clusterDir: string, user: ServerUser, password: string): Promise<void> {
  if (!/^[0-9a-f]+$/.test(password)) throw new Error("a generated password is hexadecimal");
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.postgres, ["--single", "-D", clusterDir, "-c", "listen_addresses=", "-c", "unix_socket_directories=", "template1"], {
      ...user,
      stdio: ["pipe", "ignore", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    // Single-user mode reports a failed statement on its log and still ends with 0; the log repeats
    // the statement, password included, so it is searched, never shown.
    let log = "";
    child.stderr!.on("data", (chunk: Buffer) => void (log += chunk.toString("utf8")));
    child.stdin!.on("error", () => {}); // it died before reading: its exit says so
    child.once("error", reject);
    child.once("close", (code) => {
      const failed = code !== 0 || /\b(ERROR|FATAL|PANIC):/.test(log);
      if (failed) reject(new Error(`setting the embedded database's password failed (exit code ${code}): ${firstProblem(log, password)}`));
      else resolve();
    });
    child.stdin!.end(`ALTER ROLE ${clusterSuperuser} PASSWORD '${password}';\n`);
  });
}

/** The first ERROR or FATAL line of a log, with the password taken out. */
function firstProblem(log: string, password: string): string {
  const line = log.split("\n").find((text) => /\b(ERROR|FATAL|PANIC):/.test(text)) ?? "";
  return line.split(password).join("…").trim();
}
