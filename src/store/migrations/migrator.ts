// Applies and creates migrations offline through the WebAssembly schema engine.
import crypto from "node:crypto";
import fs from "node:fs";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openSchemaEngine } from "./schemaEngine.js";
import { readMigrationList } from "./migrationFolder.js";

const noFilters = { externalTables: [], externalEnums: [] };

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
}

export class MigrationFailedError extends Error {
  constructor(cause: unknown, databaseMessage: string | undefined) {
    const engineMessage = cause instanceof Error ? cause.message : String(cause);
    const migration = /migration_name="([^"]+)"/.exec(engineMessage)?.[1];
    super(
      migration
        ? `Migration ${migration} failed: ${databaseMessage ?? engineMessage}`
        : `Applying migrations failed: ${databaseMessage ?? engineMessage}`,
      { cause },
    );
    this.name = "MigrationFailedError";
  }
}

/** Applies pending migrations and records them in `_prisma_migrations`, as `prisma migrate deploy` does. */
export async function applyPendingMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths,
): Promise<string[]> {
  const scripts = rememberingScriptErrors(adapterFactory);
  const engine = await openSchemaEngine(fs.readFileSync(paths.schemaPath, "utf8"), scripts.factory);
  try {
    const result = await engine.applyMigrations({
      migrationsList: readMigrationList(paths.migrationsDir),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  } catch (error) {
    throw new MigrationFailedError(error, scripts.lastError()?.message);
  } finally {
    engine.free();
  }
}

/**
 * The engine reports a failed script as "external error id#0"; the database's own words
 * ("relation ... does not exist") are what a person needs, so keep them on the way through.
 */
function rememberingScriptErrors(inner: SqlMigrationAwareDriverAdapterFactory) {
  let lastError: Error | undefined;
  const remember = async <A extends SqlDriverAdapter>(adapter: A): Promise<A> => {
    const execute = adapter.executeScript.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await execute(script);
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        throw error;
      }
    };
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => remember(await inner.connect()),
    connectToShadowDb: async () => remember(await inner.connectToShadowDb()),
  };
  return { factory, lastError: () => lastError };
}

/**
 * The SQL that would bring a database built from the migrations folder to `schemaText`.
 * Empty when they agree. Needs a shadow database, which the adapter factory provides.
 */
export async function diffMigrationsToSchema(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
  schemaText: string,
): Promise<string> {
  const engine = await openSchemaEngine(schemaText, adapterFactory);
  try {
    const files = [{ path: "schema.prisma", content: schemaText }];
    const migrations = readMigrationList(migrationsDir);
    const result = await engine.diff({
      // The engine cannot read an empty folder (it needs the lockfile): an empty history is "empty".
      from: migrations.migrationDirectories.length > 0 ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return meaningfulSql(result.stdout ?? "");
  } finally {
    engine.free();
  }
}

/** The engine answers "-- This is an empty migration." when nothing differs. */
function meaningfulSql(script: string): string {
  const statements = script
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return statements.length === 0 ? "" : script;
}

export interface AppliedMigration {
  migration_name: string;
  checksum: string;
}

/**
 * True when every migration in the folder is recorded as finished with the same checksum.
 * Checked before starting the schema engine, which costs ~0.5 s and ~60 MB when it has nothing to do.
 */
export function migrationsUpToDate(applied: AppliedMigration[], migrationsDir: string): boolean {
  const recorded = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  return readMigrationList(migrationsDir).migrationDirectories.every((directory) => {
    const content = directory.migrationFile.content;
    return content.tag === "ok" && recorded.get(directory.path) === sha256(content.value);
  });
}

function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}
