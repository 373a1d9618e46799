// The database as the service and the CLI need it: open, migrated, and holding the records of a
// release-0.1 data folder if one is waiting (imported once, automatically).
import type { Config } from "../config/config.js";
import { openDatabase, type Database } from "./database.js";
import { importPgliteFolder, legacyPgliteFolder, LegacyImportError } from "./embedded/pgliteImport.js";

export interface ReadyLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export async function openReadyDatabase(config: Pick<Config, "database" | "dataDir">, logger: ReadyLogger, role: "service" | "command"): Promise<Database> {
  const started = performance.now();
  const target = config.database.kind === "embedded" ? { ...config.database, role } : config.database;
  const database = await openDatabase(target, {
    onCreate: () => logger.info({ dataDir: config.dataDir }, "creating the embedded PostgreSQL database (first start, a few seconds)"),
  });
  try {
    const applied = await database.migrate();
    logger.info(
      { backend: database.backend, appliedMigrations: applied, openMs: Math.round(performance.now() - started) },
      applied.length > 0 ? "database migrated" : "database up to date",
    );
    if (database.embedded) await importLegacyFolder(config.dataDir, database, logger);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function importLegacyFolder(dataDir: string, database: Database, logger: ReadyLogger): Promise<void> {
  const folder = legacyPgliteFolder(dataDir);
  if (!folder) return;
  logger.info({ folder }, "found the database of release 0.1 (PGlite): importing its records");
  try {
    const summary = await importPgliteFolder(dataDir, database.prisma);
    logger.info({ tables: summary.tables, backup: summary.backup }, "imported the records of release 0.1; the old folder is kept as a backup");
  } catch (error) {
    if (!(error instanceof LegacyImportError)) {
      throw new Error(`Importing the release 0.1 database in ${folder} failed (it is left untouched): ${(error as Error).message}`, { cause: error });
    }
    logger.warn({ folder }, error.message);
  }
}
