// `aims migrate`, `aims new-migration <name>` and `aims check-migrations`.
import fs from "node:fs";
import { openDatabase, type Database } from "../../store/database.js";
import { createScratchDatabase } from "../../store/postgresAdapter.js";
import { diffMigrationsToSchema } from "../../store/migrations/migrator.js";
import { defaultMigrationsDir, defaultSchemaPath, writeMigration } from "../../store/migrations/migrationFolder.js";
import { cliConfig, CliError } from "../cliContext.js";

function openConfigured(): Promise<Database> {
  const { database } = cliConfig();
  return openDatabase(database.kind === "embedded" ? { ...database, role: "command" } : database);
}

export async function migrate(): Promise<void> {
  const database = await openConfigured();
  try {
    const applied = await database.migrate();
    console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await database.close();
  }
}

/**
 * Diffs on scratch databases (one built from the migrations, one to compare with) on the same
 * server, so it never touches the configured database itself.
 */
async function pendingSchemaChange(): Promise<string> {
  const configured = await openConfigured();
  const serverUrl = configured.embedded?.url() ?? (cliConfig().database as { url: string }).url;
  const scratch = await createScratchDatabase(serverUrl);
  const database = await openDatabase({ kind: "postgresql", url: scratch.url }, { shadowDatabase: () => createScratchDatabase(serverUrl) });
  try {
    return await diffMigrationsToSchema(database.adapterFactory, defaultMigrationsDir, fs.readFileSync(defaultSchemaPath, "utf8"));
  } finally {
    await database.close();
    await scratch.drop();
    await configured.close();
  }
}

export async function newMigration(name: string): Promise<void> {
  const sql = await pendingSchemaChange();
  if (sql === "") {
    console.log("prisma/schema.prisma and prisma/migrations agree: no migration needed.");
    return;
  }
  console.log(`Written ${writeMigration(defaultMigrationsDir, name, sql)}/migration.sql`);
}

export async function checkMigrations(): Promise<void> {
  const sql = await pendingSchemaChange();
  if (sql !== "") {
    throw new CliError(
      `prisma/schema.prisma has changes no migration covers. Run: npm run db:new-migration -- <name>\n\n${sql}`,
    );
  }
  console.log("prisma/schema.prisma and prisma/migrations agree.");
}
