// Opens the configured database: a PostgreSQL server (DATABASE_URL) or the embedded PGlite.
// Both go through a Prisma driver adapter, so the rest of the code cannot tell them apart.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.js";
import { EmbeddedAdapterFactory, openPGlite } from "./embeddedPostgres.js";
import { applyPendingMigrations, type MigrationPaths } from "./migrations/migrator.js";
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
  // A short connect timeout keeps /healthz honest when the server goes away.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {}); // an idle client losing its server must not crash the process
  const adapterFactory = new PrismaPg(pool);
  return assemble("postgresql", adapterFactory, async () => pool.end());
}

async function openEmbedded(target: { dataDir?: string; template?: Blob }): Promise<Database> {
  const client = await openPGlite(target);
  const adapterFactory = new EmbeddedAdapterFactory(client);
  return assemble("embedded", adapterFactory, async () => {
    if (!client.closed) await client.close();
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
    migrate: (paths = defaultPaths) => applyPendingMigrations(adapterFactory, paths),
    isReachable: (timeoutMs = 2_000) => pingWithin(prisma, timeoutMs),
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
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
