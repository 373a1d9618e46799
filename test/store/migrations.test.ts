import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultMigrationsDir, defaultSchemaPath } from "../../src/store/migrations/migrationFolder.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const migrationNames = fs.readdirSync(defaultMigrationsDir).filter((name) => /^\d{14}_/.test(name)).sort();

describe.each(backends)("migrations on the %s database", (backend) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it("apply every migration to an empty database, then re-apply as a no-op", async () => {
    database = await openTestDatabase(backend, { migrated: false });
    expect(await database.migrate()).toEqual(migrationNames);
    expect(await database.migrate()).toEqual([]);
    expect(await database.prisma.aiSystem.count()).toBe(0);
  });

  it("record applied migrations in _prisma_migrations as `prisma migrate deploy` does", async () => {
    database = await openTestDatabase(backend, { migrated: false });
    await database.migrate();
    const rows = await database.prisma.$queryRawUnsafe<
      { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }[]
    >(`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`);
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(defaultMigrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("report a failing migration as failed instead of recording it as applied", async () => {
    database = await openTestDatabase(backend);
    const migrationsDir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-broken-migrations-"));
    fs.cpSync(defaultMigrationsDir, migrationsDir, { recursive: true });
    fs.mkdirSync(path.join(migrationsDir, "29990101000000_broken"));
    fs.writeFileSync(
      path.join(migrationsDir, "29990101000000_broken", "migration.sql"),
      'ALTER TABLE "AiSystem" ADD COLUMN "note" TEXT;\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INT;\n',
    );
    await expect(database.migrate({ schemaPath: defaultSchemaPath, migrationsDir })).rejects.toThrow(/NoSuchTable/);
    const [row] = await database.prisma.$queryRawUnsafe<{ finished_at: Date | null }[]>(
      `SELECT finished_at FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`,
    );
    expect(row?.finished_at ?? null).toBeNull();
    fs.rmSync(migrationsDir, { recursive: true, force: true });
  });
});
