import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "../../src/store/migrations/migrator.js";
import { defaultMigrationsDir, defaultSchemaPath } from "../../src/store/migrations/migrationFolder.js";
import { scratchAdapterFactory } from "../support/testDatabase.js";

const schemaText = fs.readFileSync(defaultSchemaPath, "utf8");

describe("drift between prisma/schema.prisma and prisma/migrations", () => {
  it("is none: every schema change has its migration", async () => {
    const factory = await scratchAdapterFactory();
    try {
      const sql = await diffMigrationsToSchema(factory, defaultMigrationsDir, schemaText);
      expect(sql, "run `npm run db:new-migration -- <name>` to write the missing migration").toBe("");
    } finally {
      await factory.dispose();
    }
  });

  it("is detected when the schema gains a field no migration creates", async () => {
    const changed = schemaText.replace(/model AiSystem \{\n/, 'model AiSystem {\n  costCentre String?\n');
    expect(changed).not.toBe(schemaText);
    const factory = await scratchAdapterFactory();
    try {
      const sql = await diffMigrationsToSchema(factory, defaultMigrationsDir, changed);
      expect(sql).toMatch(/ALTER TABLE "AiSystem" ADD COLUMN\s+"costCentre" TEXT/);
    } finally {
      await factory.dispose();
    }
  });
});
