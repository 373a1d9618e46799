// Opens the configured database: a PostgreSQL server (DATABASE_URL) or the embedded PGlite.
// Both go through a Prisma driver adapter, so the rest of the code cannot tell them apart.
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.js";
import { lockDataDir } from "./dataDirLock.js";
import { PostgresAdapterFactory } from "./postgresServer.js";
import { applyPendingMigrations, migrationsUpToDate, type AppliedMigration, type MigrationPaths } from "./migrations/migrator.js";
import { defaultMigrationsDir, defaultSchemaPath } from "./migrations/migrationFolder.js";

export type DatabaseTarget =
  | { kind: "postgresql"; url: string }
  | { kind: "embedded"; dataDir?: string; template?: Blob };

export interface Database {
  readonly prisma: PrismaClient;
  readonly backend: DatabaseTarget["kind"];
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Applies pending migrations; returns the names applied now (empty when up to date). */
  migrate(paths?: MigrationPaths): Promise<string[]>;
  isReachable(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

const defaultPaths: MigrationPaths = { schemaPath: defaultSchemaPath, migrationsDir: defaultMigrationsDir };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgresql" ? openPostgres(target.url) : openEmbedded(target);
}

async function openPostgres(url: string): Promise<Database> {
  // A short connect timeout keeps /healthz honest when the server goes away. Twenty connections: the
  // inbox runs at most eight requests at once, leaving room for acknowledgements, the outbox and health.
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {}); // an idle client losing its server must not crash the process
  const adapterFactory = new PostgresAdapterFactory(pool);
  return assemble("postgresql", adapterFactory, async () => pool.end());
}

async function openEmbedded(target: { dataDir?: string; template?: Blob }): Promise<Database> {
  // Loaded only here: a service on a PostgreSQL server never carries PGlite (~46 MB).
  const { EmbeddedAdapterFactory, openPGlite } = await import("./embeddedPostgres.js");
  const unlock = target.dataDir ? lockDataDir(target.dataDir) : () => {};
  let client;
  try {
    client = await openPGlite(target);
  } catch (error) {
    unlock();
    throw error;
  }
  const adapterFactory = new EmbeddedAdapterFactory(client);
  return assemble("embedded", adapterFactory, async () => {
    if (!client.closed) await client.close();
    unlock();
  });
}

function assemble(
  backend: Database["backend"],
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  closeDriver: () => Promise<void>,
): Database {
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    backend,
    adapterFactory,
    async migrate(paths = defaultPaths) {
      if (migrationsUpToDate(await appliedMigrations(prisma), paths.migrationsDir)) return [];
      return applyPendingMigrations(adapterFactory, paths);
    },
    isReachable: (timeoutMs = 2_000) => pingWithin(prisma, timeoutMs),
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

/** What `_prisma_migrations` records as finished; empty on a new database. */
async function appliedMigrations(prisma: PrismaClient): Promise<AppliedMigration[]> {
  const [table] = await prisma.$queryRaw<{ name: string | null }[]>`SELECT to_regclass('_prisma_migrations')::text AS name`;
  if (!table?.name) return [];
  return prisma.$queryRaw<AppliedMigration[]>`
    SELECT migration_name, checksum FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
}

async function pingWithin(prisma: PrismaClient, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = prisma.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
