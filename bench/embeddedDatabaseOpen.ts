// Measures the embedded database: open time (starting its server) and this process's resident
// memory for a fresh data folder (initdb + migrations) and for reopening it, each in a new process.
// Run: npx tsx bench/embeddedDatabaseOpen.ts (part of npm run bench)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

if (process.argv[2] === "--child") {
  const { openDatabase } = await import("../src/store/database.js");
  const started = performance.now();
  const database = await openDatabase({ kind: "embedded", dataDir: process.argv[3]! });
  await database.migrate();
  await database.prisma.aiSystem.count();
  const openMs = performance.now() - started;
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  await database.close();
  console.log(JSON.stringify({ openMs, rssMb }));
}

export interface EmbeddedOpenFigures {
  freshOpenMs: number;
  freshRssMb: number;
  /** Medians of three reopenings. */
  reopenMs: number;
  reopenRssMb: number;
}

export function embeddedOpenBenchmark(): EmbeddedOpenFigures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-bench-"));
  fs.chmodSync(dir, 0o755); // as root the embedded server runs as `postgres`
  const dataDir = path.join(dir, "data");
  const measure = () => {
    const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--child", dataDir], {
      cwd: root,
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout.trim().split("\n").pop()!) as { openMs: number; rssMb: number };
  };
  try {
    const fresh = measure();
    const reopened = [measure(), measure(), measure()];
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return {
      freshOpenMs: fresh.openMs,
      freshRssMb: fresh.rssMb,
      reopenMs: median(reopened.map((r) => r.openMs)),
      reopenRssMb: median(reopened.map((r) => r.rssMb)),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] !== "--child" && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = embeddedOpenBenchmark();
  console.log("Embedded database (PostgreSQL server started, stopped after each open) open time and this process's resident memory");
  console.table([
    { case: "fresh data folder", openMs: Math.round(figures.freshOpenMs), rssMb: Math.round(figures.freshRssMb) },
    { case: "reopen (median of 3)", openMs: Math.round(figures.reopenMs), rssMb: Math.round(figures.reopenRssMb) },
  ]);
}
