// Applies and creates migrations offline through the WebAssembly schema engine.
import fs from "node:fs";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openSchemaEngine } from "./schemaEngine.js";
import { readMigrationList } from "./migrationFolder.js";

const noFilters = { externalTables: [], externalEnums: [] };

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
}

/** Applies pending migrations and records them in `_prisma_migrations`, as `prisma migrate deploy` does. */
export async function applyPendingMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths,
): Promise<string[]> {
  const engine = await openSchemaEngine(fs.readFileSync(paths.schemaPath, "utf8"), adapterFactory);
  try {
    const result = await engine.applyMigrations({
      migrationsList: readMigrationList(paths.migrationsDir),
      filters: noFilters,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
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
