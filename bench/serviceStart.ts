// Cold start and idle memory of the service as `npm start` runs it: from spawning
// `node dist/main.js` (npm start) to /healthz answering 200, first on empty storage (the embedded
// database's copy of its template, or an empty PostgreSQL database; three times, each on storage
// of its own), then reopening it; and the resident memory (VmRSS) once the started service has settled.
// Run on its own: npx tsx bench/serviceStart.ts (part of npm run bench).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createBenchStorage, databaseResidentMb, type BenchBackend, idleResidentMb, startBenchPlatforms, startServiceProcess, type BenchPlatforms, type BenchStorage } from "./support/serviceProcess.js";
import { median, round } from "./support/statistics.js";

export interface ServiceStartFigures {
  /** Median of `freshStarts` first starts, each on empty storage. */
  coldStartFreshMs: number;
  /** Median of `reopens` starts on storage that is already initialised. */
  coldStartMs: number;
  /** After 30 s idle (see idleResidentMb). */
  idleRssMb: number;
  /** A few seconds after starting, before V8 gives back the young generation start-up grew. */
  justStartedRssMb: number;
  /** The embedded PostgreSQL server's processes beside the idle service (NaN on a server of your own). */
  databaseIdleRssMb: number;
}

export async function serviceStartBenchmark(storage: BenchStorage, platforms: BenchPlatforms, reopens = 3, freshStarts = 3): Promise<ServiceStartFigures> {
  const fresh = await startServiceProcess(storage, platforms);
  await fresh.stop();
  const freshTimes = [fresh.coldStartMs, ...(await moreFreshStarts(storage.backend, platforms, freshStarts - 1))];
  const reopenTimes: number[] = [];
  let idleRssMb = NaN;
  let justStartedRssMb = NaN;
  let databaseIdleRssMb = NaN;
  for (let run = 0; run < reopens; run++) {
    const service = await startServiceProcess(storage, platforms);
    reopenTimes.push(service.coldStartMs);
    if (run === reopens - 1) {
      ({ idle: idleRssMb, justStarted: justStartedRssMb } = await idleResidentMb(service.pid));
      databaseIdleRssMb = databaseResidentMb(storage);
    }
    await service.stop();
  }
  return { coldStartFreshMs: median(freshTimes), coldStartMs: median(reopenTimes), idleRssMb, justStartedRssMb, databaseIdleRssMb };
}

/**
 * First starts on empty storage of their own (a new data folder, or a new scratch database), thrown
 * away after: one first start swings by half a second here (the embedded one creates 1,600 files),
 * so the figure is the median of several.
 */
async function moreFreshStarts(backend: BenchBackend, platforms: BenchPlatforms, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < count; run++) {
    const storage = await createBenchStorage(backend);
    try {
      const service = await startServiceProcess(storage, platforms);
      times.push(service.coldStartMs);
      await service.stop();
    } finally {
      await storage.dispose();
    }
  }
  return times;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const storage = await createBenchStorage();
  const platforms = await startBenchPlatforms();
  try {
    const figures = await serviceStartBenchmark(storage, platforms);
    console.log(`Service start on ${storage.label}`);
    console.table([{ coldStartFreshMs: round(figures.coldStartFreshMs), coldStartMs: round(figures.coldStartMs), serviceIdleRssMb: round(figures.idleRssMb), serviceJustStartedRssMb: round(figures.justStartedRssMb), databaseIdleRssMb: round(figures.databaseIdleRssMb) }]);
  } finally {
    await platforms.close();
    await storage.dispose();
  }
}
