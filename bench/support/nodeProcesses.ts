// Child Node processes for the benchmarks: the service as `npm start` runs it, and the bare
// baselines, each with the TypeScript loader so that both sides pay the same start-up cost.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface NodeProcess {
  child: ChildProcess;
  pid: number;
  /** The last lines it printed, for saying why it failed. */
  outputTail(): string;
  stop(): Promise<void>;
}

export function spawnTypeScript(script: string, env: Record<string, string>, nodeArguments: string[] = []): NodeProcess {
  return spawnNode(script, env, [...nodeArguments, "--import", "tsx"]);
}

/** Plain node, as `npm start` runs the compiled service (dist/bundle/main.js). */
export function spawnNode(script: string, env: Record<string, string>, nodeArguments: string[] = []): NodeProcess {
  const child = spawn(process.execPath, [...nodeArguments, script], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    pid: child.pid!,
    outputTail: () => tail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killed = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** A port nobody listens on right now (the service's PORT must be 1 or more, so not 0). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `url` until it answers 200; resolves with the milliseconds since `since` (performance.now()). */
export async function waitUntilHealthy(url: string, running: NodeProcess, since: number, timeoutMs = 60_000): Promise<number> {
  const deadline = since + timeoutMs;
  for (;;) {
    if (running.child.exitCode !== null) throw new Error(`the process exited (${running.child.exitCode}) before ${url} answered:\n${running.outputTail()}`);
    const healthy = await fetch(url).then((response) => response.status === 200, () => false);
    if (healthy) return performance.now() - since;
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${running.outputTail()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Memory of a process and all its descendants (the embedded PostgreSQL server and its backends),
 * each counted proportionally (PSS): shared buffers and libraries count once, not once per backend
 * as a sum of their RSS would (~190 MB instead of ~40 MB for an idle server).
 */
export function treeResidentMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(/^PPid:\s+(\d+)/m.exec(readOrEmpty(`/proc/${entry}/status`))?.[1]);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += Number(/^Pss:\s+(\d+)\s+kB/m.exec(readOrEmpty(`/proc/${pid}/smaps_rollup`))?.[1] ?? 0) / 1024;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** A /proc file's text, or "" when the process ended meanwhile. */
export function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return ""; // the process ended meanwhile
  }
}

/** Resident memory of a live process, as the kernel counts it (VmRSS). */
export function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kilobytes / 1024;
}
