// Cold start and idle memory of the service as `npm start` runs it: from spawning
// `npm start`'s command (node dist/bundle/main.js) to /healthz answering 200, first on empty storage (the embedded
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

export interface StartTarget {
  storage: BenchStorage;
  platforms: BenchPlatforms;
}

/**
 * The figures of each target (a backend), taken in turns: one backend's first start, then the
 * other's, and so on, in the opposite order each time, as the load rounds are. A first start writes
 * its files and waits behind whatever the disk is still writing, which moves by the minute: taken one
 * backend after the other, the two would be compared under different disks.
 */
export async function serviceStartBenchmarkOnEach(targets: StartTarget[], reopens = 3, freshStarts = 3): Promise<ServiceStartFigures[]> {
  const freshTimes: number[][] = targets.map(() => []);
  for (let run = 0; run < freshStarts; run++) {
    for (const at of turnOrder(targets.length, run)) {
      const { storage, platforms } = targets[at]!;
      // The first one initialises the storage the reopens use; the others get storage of their own, thrown away after.
      freshTimes[at]!.push(run === 0 ? await startAndStop(storage, platforms) : await freshStartOnNewStorage(storage.backend, platforms));
    }
  }
  const reopenTimes: number[][] = targets.map(() => []);
  for (let run = 0; run < reopens; run++) {
    for (const at of turnOrder(targets.length, run)) reopenTimes[at]!.push(await startAndStop(targets[at]!.storage, targets[at]!.platforms));
  }
  const figures: ServiceStartFigures[] = [];
  for (const [at, { storage, platforms }] of targets.entries()) {
    figures.push({ coldStartFreshMs: median(freshTimes[at]!), coldStartMs: median(reopenTimes[at]!), ...(await idleFigures(storage, platforms)) });
  }
  return figures;
}

export async function serviceStartBenchmark(storage: BenchStorage, platforms: BenchPlatforms, reopens = 3, freshStarts = 3): Promise<ServiceStartFigures> {
  const [figures] = await serviceStartBenchmarkOnEach([{ storage, platforms }], reopens, freshStarts);
  return figures!;
}

/** 0, 1, … on even runs and the reverse on odd ones, so neither target is always measured first. */
const turnOrder = (count: number, run: number) => {
  const order = [...Array(count).keys()];
  return run % 2 === 0 ? order : order.reverse();
};

async function startAndStop(storage: BenchStorage, platforms: BenchPlatforms): Promise<number> {
  const service = await startServiceProcess(storage, platforms);
  await service.stop();
  return service.coldStartMs;
}

/** A first start swings by half a second here (the embedded one creates 1,260 files), so the figure is the median of several, each on storage of its own. */
async function freshStartOnNewStorage(backend: BenchBackend, platforms: BenchPlatforms): Promise<number> {
  const storage = await createBenchStorage(backend);
  try {
    return await startAndStop(storage, platforms);
  } finally {
    await storage.dispose();
  }
}

async function idleFigures(storage: BenchStorage, platforms: BenchPlatforms): Promise<Pick<ServiceStartFigures, "idleRssMb" | "justStartedRssMb" | "databaseIdleRssMb">> {
  const service = await startServiceProcess(storage, platforms);
  try {
    const { idle: idleRssMb, justStarted: justStartedRssMb } = await idleResidentMb(service.pid);
    return { idleRssMb, justStartedRssMb, databaseIdleRssMb: databaseResidentMb(storage) };
  } finally {
    await service.stop();
  }
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
