// What one conversation step costs outside the service: database transactions (each statement
// outside a transaction is one, and one round trip), and calls to Slack's Web API, counted over a
// measured run and divided by the steps answered in it. Given their process ids, also the CPU time
// the app's process and the database server spent per step: on a shared machine, steps per second
// move with the neighbours' load, CPU per step much less.
import fs from "node:fs";
import pg from "pg";
import { readOrEmpty } from "./nodeProcesses.js";

export interface StepCosts {
  /** Committed or rolled-back transactions per step, from the server's own statistics. */
  transactions: number;
  usersInfo: number;
  postMessages: number;
  /** CPU milliseconds (user + system) of the app's process per step, when its pid was given. */
  appCpuMs?: number;
  /** CPU milliseconds of the database server (postmaster and backends) per step, when the bench started that server. */
  databaseCpuMs?: number;
}

/** Whose CPU time is counted: the app's process, and the postmaster of a server nobody else uses. */
export interface CpuSources {
  appPid?: number;
  postmasterPid?: number;
}

interface Counters {
  transactions: number;
  calls: Map<string, number>;
  appCpuMs: number;
  databaseCpuMs: number;
}

export class StepCostMeter {
  private before: Counters | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly slackCalls: Map<string, number>,
    private readonly cpu: CpuSources = {},
  ) {}

  async start(): Promise<void> {
    this.before = await this.read();
  }

  async stop(steps: number): Promise<StepCosts> {
    const after = await this.read();
    const before = this.before!;
    const calls = (method: string) => (after.calls.get(method) ?? 0) - (before.calls.get(method) ?? 0);
    const per = (count: number) => (steps > 0 ? count / steps : NaN);
    return {
      transactions: per(after.transactions - before.transactions),
      usersInfo: per(calls("users.info")),
      postMessages: per(calls("chat.postMessage") + calls("chat.update")),
      ...(this.cpu.appPid ? { appCpuMs: per(after.appCpuMs - before.appCpuMs) } : {}),
      ...(this.cpu.postmasterPid ? { databaseCpuMs: per(after.databaseCpuMs - before.databaseCpuMs) } : {}),
    };
  }

  private async read(): Promise<Counters> {
    // A backend reports its counts when idle for a second (PostgreSQL 15+): let the last ones arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ transactions: string }>("SELECT xact_commit + xact_rollback AS transactions FROM pg_stat_database WHERE datname = current_database()");
      // This very query is a transaction too; it is counted on both sides of the difference.
      return {
        transactions: Number(rows[0]!.transactions),
        calls: new Map(this.slackCalls),
        appCpuMs: this.cpu.appPid ? processCpuMs(this.cpu.appPid) : 0,
        databaseCpuMs: this.cpu.postmasterPid ? serverCpuMs(this.cpu.postmasterPid) : 0,
      };
    } finally {
      await client.end();
    }
  }
}

const ticksPerSecond = 100; // USER_HZ on Linux

/** utime + stime of a live process (and, with `waitedChildren`, of its children that have ended). */
export function processCpuMs(pid: number, waitedChildren = false): number {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  // Fields after the command name (which may hold spaces), counted from field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0) + (waitedChildren ? Number(fields[13] ?? 0) + Number(fields[14] ?? 0) : 0);
  return (ticks * 1000) / ticksPerSecond;
}

/** The postmaster, the backends that ended (its children's time) and those alive now. */
function serverCpuMs(postmasterPid: number): number {
  let total = processCpuMs(postmasterPid, true);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    if (Number(/^PPid:\s+(\d+)/m.exec(readOrEmpty(`/proc/${entry}/status`))?.[1]) === postmasterPid) total += processCpuMs(Number(entry));
  }
  return total;
}
