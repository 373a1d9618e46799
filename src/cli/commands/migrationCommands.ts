// `aims migrate`, `aims new-migration <name>` and `aims check-migrations`.
import fs from "node:fs";
import { openDatabase } from "../../store/database.js";
import { EmbeddedAdapterFactory, openPGlite } from "../../store/embeddedPostgres.js";
import { diffMigrationsToSchema } from "../../store/migrations/migrator.js";
import { defaultMigrationsDir, defaultSchemaPath, writeMigration } from "../../store/migrations/migrationFolder.js";
import { cliConfig, CliError } from "../cliContext.js";

export async function migrate(): Promise<void> {
  const database = await openDatabase(cliConfig().database);
  try {
    const applied = await database.migrate();
    console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await database.close();
  }
}

/** Diffs against scratch in-memory databases, so it never touches the configured one. */
async function pendingSchemaChange(): Promise<string> {
  const scratch = await openPGlite();
  try {
    return await diffMigrationsToSchema(
      new EmbeddedAdapterFactory(scratch),
      defaultMigrationsDir,
      fs.readFileSync(defaultSchemaPath, "utf8"),
    );
  } finally {
    await scratch.close();
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
