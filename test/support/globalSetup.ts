// Runs once before the suite: builds two embedded database templates (blank, and migrated)
// so each test file starts a fresh PGlite from a tarball in ~2 s instead of running initdb.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPGlite, EmbeddedAdapterFactory } from "../../src/store/embeddedPostgres.js";
import { applyPendingMigrations } from "../../src/store/migrations/migrator.js";
import { defaultMigrationsDir, defaultSchemaPath } from "../../src/store/migrations/migrationFolder.js";

declare module "vitest" {
  export interface ProvidedContext {
    blankTemplatePath: string;
    migratedTemplatePath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-test-templates-"));
  const blank = await openPGlite();
  const blankTemplatePath = path.join(dir, "blank.tar.gz");
  fs.writeFileSync(blankTemplatePath, Buffer.from(await (await blank.dumpDataDir("gzip")).arrayBuffer()));
  await applyPendingMigrations(new EmbeddedAdapterFactory(blank), {
    schemaPath: defaultSchemaPath,
    migrationsDir: defaultMigrationsDir,
  });
  const migratedTemplatePath = path.join(dir, "migrated.tar.gz");
  fs.writeFileSync(migratedTemplatePath, Buffer.from(await (await blank.dumpDataDir("gzip")).arrayBuffer()));
  await blank.close();
  project.provide("blankTemplatePath", blankTemplatePath);
  project.provide("migratedTemplatePath", migratedTemplatePath);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
