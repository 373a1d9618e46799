// Opens the configured database: a PostgreSQL server of your own (DATABASE_URL) or the embedded
// PostgreSQL server in the data folder. Both go through one driver adapter (@prisma/adapter-pg),
// so the embedded default behaves exactly like production.
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.js";
import { openEmbeddedServer, type EmbeddedServer } from "./embedded/embeddedServer.js";
import { claimServiceLock, serviceHolding } from "./embedded/serviceLock.js";
import { PostgresAdapterFactory, type ScratchDatabase } from "./postgresAdapter.js";
import { applyPendingMigrations, migrationsUpToDate, type AppliedMigration, type MigrationPaths } from "./migrations/migrator.js";
import { defaultMigrationsDir, defaultSchemaPath } from "./migrations/migrationFolder.js";
import { connectionPoolSize, priorityConnections } from "./connectionBudget.js";
import { driverQueriesOn, type DriverQueries } from "./driverQueries.js";

export type DatabaseTarget =
  | { kind: "postgresql"; url: string }
  /** `service`: the one long-running owner of the folder; `command`: a CLI run sharing its server. */
  | { kind: "embedded"; dataDir: string; role?: "service" | "command" };

export interface Database {
  readonly prisma: PrismaClient;
  readonly backend: DatabaseTarget["kind"];
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Connections of their own for the inbox's writes and /healthz, so acks never wait behind turns. */
  readonly priority: DriverQueries;
  /** The turns' connections straight through the driver, for the statements every step sends. */
  readonly direct: DriverQueries;
  /** The embedded server's details (its data folder layout, whether this call created it). */
  readonly embedded?: EmbeddedServer;
  /** Applies pending migrations; returns the names applied now (empty when up to date). */
  migrate(paths?: MigrationPaths): Promise<string[]>;
  isReachable(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Where the schema engine gets a shadow database (diffing the migrations folder needs one). */
  shadowDatabase?: () => Promise<ScratchDatabase>;
  /** Called before the very first start creates the embedded database (a few seconds). */
  onCreate?: () => void;
}

const defaultPaths: MigrationPaths = { schemaPath: defaultSchemaPath, migrationsDir: defaultMigrationsDir };

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  return target.kind === "postgresql" ? openPostgres(target.url, options) : openEmbedded(target, options);
}

function openPostgres(url: string, options: OpenOptions, embedded?: EmbeddedServer): Database {
  // The connections are shared out in connectionBudget.ts. The wait for a connection (which pg
  // counts in its connect timeout) is long: on a busy machine work must wait its turn, not fail;
  // /healthz has its own short deadline, so it stays honest when the server goes away.
  const pool = new pg.Pool({ connectionString: url, max: connectionPoolSize - priorityConnections, connectionTimeoutMillis: 30_000 });
  const priorityPool = new pg.Pool({ connectionString: url, max: priorityConnections, connectionTimeoutMillis: 30_000 });
  // An idle client losing its server must not crash the process.
  pool.on("error", () => {});
  priorityPool.on("error", () => {});
  const adapterFactory = new PostgresAdapterFactory(pool, options.shadowDatabase);
  const closeDriver = async () => {
    await Promise.all([pool.end(), priorityPool.end()]);
  };
  return assemble(embedded ? "embedded" : "postgresql", adapterFactory, { priority: driverQueriesOn(priorityPool), direct: driverQueriesOn(pool) }, closeDriver, embedded);
}

/**
 * The service claims the folder (one service per folder) and stops the server when it stops;
 * a CLI command uses the running server, or starts it and stops it again when nobody else uses it.
 */
async function openEmbedded(target: { dataDir: string; role?: "service" | "command" }, options: OpenOptions): Promise<Database> {
  const isService = target.role === "service";
  const release = isService ? claimServiceLock(target.dataDir) : () => {};
  let server: EmbeddedServer;
  try {
    server = await openEmbeddedServer(target.dataDir, options.onCreate ? { onCreate: options.onCreate } : {});
  } catch (error) {
    release();
    throw error;
  }
  const database = openPostgres(server.url(), options, server);
  return {
    ...database,
    async close() {
      await database.close();
      release();
      // A command leaves the server to the service that runs; the service takes it down unless a command still uses it.
      if (serviceHolding(target.dataDir) === undefined) await server.stopUnlessInUse();
    },
  };
}

function assemble(
  backend: Database["backend"],
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  queries: Pick<Database, "priority" | "direct">,
  closeDriver: () => Promise<void>,
  embedded?: EmbeddedServer,
): Database {
  // Prisma's defaults (2 s to start a transaction, 5 s to finish it) turn a busy moment into
  // "something went wrong"; these are limits against a stuck transaction, not a service level.
  const prisma = new PrismaClient({ adapter: adapterFactory, transactionOptions: { maxWait: 30_000, timeout: 60_000 } });
  return {
    prisma,
    backend,
    adapterFactory,
    ...queries,
    ...(embedded ? { embedded } : {}),
    async migrate(paths = defaultPaths) {
      if (migrationsUpToDate(await appliedMigrations(prisma), paths.migrationsDir)) return [];
      return applyPendingMigrations(adapterFactory, paths);
    },
    isReachable: (timeoutMs = 2_000) => pingWithin(queries.priority, timeoutMs),
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

async function pingWithin(priority: DriverQueries, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = priority.query("SELECT 1").then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
