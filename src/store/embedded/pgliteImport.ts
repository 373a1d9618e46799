// Release 0.1 kept its embedded database in AIMS_DATA_DIR/pgdata, written by PGlite (PostgreSQL
// compiled to WebAssembly). This one-off importer reads that folder with PGlite and copies every
// record into the new PostgreSQL server, in one transaction, then renames the old folder to
// pgdata.imported (kept as a backup, never read again). PGlite is loaded only here.
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../generated/prisma/client.js";

export const legacyFolderOf = (dataDir: string) => path.join(dataDir, "pgdata");
export const importedFolderOf = (dataDir: string) => path.join(dataDir, "pgdata.imported");

/** The 0.1 folder, when one is waiting to be imported. */
export function legacyPgliteFolder(dataDir: string): string | undefined {
  const folder = legacyFolderOf(dataDir);
  return fs.existsSync(path.join(folder, "PG_VERSION")) ? folder : undefined;
}

export class LegacyImportError extends Error {
  override name = "LegacyImportError";
}

export interface LegacyImportSummary {
  /** Rows copied per table (tables without rows left out). */
  tables: Record<string, number>;
  backup: string;
}

const batchSize = 500;

/** Copies the records of the PGlite folder in `dataDir` into `prisma`'s (migrated, empty) database. */
export async function importPgliteFolder(dataDir: string, prisma: PrismaClient): Promise<LegacyImportSummary> {
  const folder = legacyPgliteFolder(dataDir);
  if (!folder) throw new LegacyImportError(`No database of release 0.1 in ${legacyFolderOf(dataDir)}: nothing to import.`);
  const tables = await tablesOf(prisma);
  const nonEmpty = await tablesWithRows(prisma, tables);
  if (nonEmpty.length > 0) {
    throw new LegacyImportError(
      `The database already holds records (${nonEmpty.slice(0, 3).join(", ")}…), so ${folder} was not imported over them. ` +
        "Import it into a new data folder (set AIMS_DATA_DIR to an empty folder holding only pgdata).",
    );
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const legacy = new PGlite({ dataDir: folder, initialMemory: 128 * 1024 * 1024 });
  const copied: Record<string, number> = {};
  try {
    await legacy.waitReady;
    await assertKnownMigrations(legacy, prisma, folder);
    const legacyTables = new Set((await legacy.query<{ name: string }>(publicTablesSql)).rows.map((row) => row.name));
    await prisma.$transaction(
      async (tx) => {
        // Replica mode: foreign keys and the append-only history's triggers do not fire while
        // rows arrive in table order; the rows were consistent in the database they come from.
        await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
        for (const table of tables.filter((name) => legacyTables.has(name))) {
          const rows = await copyTable(legacy, tx as unknown as PrismaClient, table);
          if (rows > 0) copied[table] = rows;
        }
        await resetSequences(tx as unknown as PrismaClient);
      },
      { timeout: 15 * 60_000, maxWait: 60_000 },
    );
  } finally {
    await legacy.close();
  }
  fs.renameSync(folder, importedFolderOf(dataDir));
  return { tables: copied, backup: importedFolderOf(dataDir) };
}

const publicTablesSql = "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename";

interface PGliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

async function tablesOf(prisma: PrismaClient): Promise<string[]> {
  return (await prisma.$queryRawUnsafe<{ name: string }[]>(publicTablesSql)).map((row) => row.name);
}

async function tablesWithRows(prisma: PrismaClient, tables: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`);
    if (row?.any) found.push(table);
  }
  return found;
}

/** The old folder must not be ahead of this release: its tables would have columns we do not know. */
async function assertKnownMigrations(legacy: PGliteLike, prisma: PrismaClient, folder: string): Promise<void> {
  const applied = async (query: (sql: string) => Promise<{ migration_name: string }[]>) =>
    new Set((await query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL")).map((row) => row.migration_name));
  const ours = await applied((sql) => prisma.$queryRawUnsafe(sql));
  const theirs = await applied(async (sql) => (await legacy.query<{ migration_name: string }>(sql)).rows);
  const unknown = [...theirs].filter((name) => !ours.has(name));
  if (unknown.length > 0) throw new LegacyImportError(`${folder} was written by a newer release (migrations ${unknown.join(", ")}); update AIMS Assistant first.`);
}

/** Copies the columns both sides have, in batches; columns new since then take their defaults. */
async function copyTable(legacy: PGliteLike, target: PrismaClient, table: string): Promise<number> {
  const columnsSql = "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'";
  const theirs = new Set((await legacy.query<{ name: string }>(columnsSql, [table])).rows.map((row) => row.name));
  const ours = (await target.$queryRawUnsafe<{ name: string }[]>(columnsSql, table)).map((row) => row.name);
  const columns = ours.filter((name) => theirs.has(name)).map(quote).join(", ");
  let copied = 0;
  for (let offset = 0; ; offset += batchSize) {
    const { rows } = await legacy.query<{ batch: string | null }>(
      `SELECT json_agg(t)::text AS batch FROM (SELECT ${columns} FROM ${quote(table)} ORDER BY ctid LIMIT ${batchSize} OFFSET ${offset}) t`,
    );
    const batch = rows[0]?.batch;
    if (!batch) return copied;
    copied += await target.$executeRawUnsafe(
      `INSERT INTO ${quote(table)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
      batch,
    );
  }
}

/** Serial columns continue after the highest imported value. */
async function resetSequences(target: PrismaClient): Promise<void> {
  const serials = await target.$queryRawUnsafe<{ table: string; column: string; sequence: string }[]>(
    `SELECT table_name AS table, column_name AS column, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
     FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  for (const { table, column, sequence } of serials) {
    await target.$queryRawUnsafe(
      `SELECT setval($1::regclass, COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 1), (SELECT count(*) > 0 FROM ${quote(table)}))`,
      sequence,
    );
  }
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
