// The embedded default: PostgreSQL compiled to WebAssembly (PGlite), in process, persisted
// under AIMS_DATA_DIR. Same SQL dialect, schema and migrations as a PostgreSQL server.
import fs from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

/**
 * Measured on a 2-core machine: PGlite's defaults hold ~310 MB RSS on reopen; a 128 MB
 * WebAssembly heap (the smallest it accepts) and small buffers hold ~175 MB, which is plenty
 * for a governance workload of thousands of records.
 */
const lowMemoryOptions: PGliteOptions = {
  initialMemory: 128 * 1024 * 1024,
  postgresqlconf: ["shared_buffers=16MB", "work_mem=4MB", "maintenance_work_mem=16MB", "wal_buffers=1MB"],
};

export interface EmbeddedOpenOptions {
  /** A folder for the data; undefined keeps everything in memory (tests, shadow databases). */
  dataDir?: string;
  /** A tarball from `dumpDataDir`, to start from instead of running initdb (seconds faster). */
  template?: Blob;
}

export async function openPGlite(options: EmbeddedOpenOptions = {}): Promise<PGlite> {
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const startFromTemplate = options.template && !hasDatabase(options.dataDir);
  const db = new PGlite({
    ...lowMemoryOptions,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(startFromTemplate ? { loadDataDir: options.template } : {}),
  });
  await db.waitReady;
  return db;
}

function hasDatabase(dataDir: string | undefined): boolean {
  return dataDir !== undefined && fs.existsSync(path.join(dataDir, "PG_VERSION"));
}

/**
 * The published adapter does not await `exec()` in `executeScript`, so a failing migration
 * would be recorded as applied. This factory awaits it and rethrows, and gives the schema
 * engine a shadow database of our choosing (a fresh in-memory PGlite).
 */
export class EmbeddedAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite";
  private readonly inner: PrismaPGlite;

  constructor(
    private readonly client: PGlite,
    private readonly openShadow: () => Promise<PGlite> = () => openPGlite(),
  ) {
    this.inner = new PrismaPGlite(client);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return withAwaitedScripts(await this.inner.connect(), this.client);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await this.openShadow();
    const adapter = withAwaitedScripts(await new PrismaPGlite(shadow).connect(), shadow);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return adapter;
  }
}

function withAwaitedScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await client.exec(script);
  };
  return adapter;
}
