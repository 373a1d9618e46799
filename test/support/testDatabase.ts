// A fresh database per caller on either backend: the embedded PGlite (always) and a real
// PostgreSQL server when TEST_DATABASE_URL is set (CI sets it), so every store test runs on both.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/store/database.js";
import { EmbeddedAdapterFactory, openPGlite } from "../../src/store/embeddedPostgres.js";

export type Backend = "embedded" | "postgresql";

export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ["embedded", "postgresql"] : ["embedded"];

export interface TestDatabase extends Database {
  /** For a PostgreSQL test database, its URL (e.g. to start a service process on it). */
  url?: string;
  dispose(): Promise<void>;
}

export function templateBlob(which: "blank" | "migrated"): Blob {
  const file = which === "blank" ? inject("blankTemplatePath") : inject("migratedTemplatePath");
  return new Blob([fs.readFileSync(file)]);
}

/** An adapter factory over a scratch in-memory database whose shadow databases also start from the blank template. */
export async function scratchAdapterFactory(): Promise<EmbeddedAdapterFactory> {
  const blank = templateBlob("blank");
  return new EmbeddedAdapterFactory(await openPGlite({ template: blank }), () => openPGlite({ template: blank }));
}

export async function openTestDatabase(backend: Backend, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (backend === "embedded") {
    const database = await openDatabase({ kind: "embedded", template: templateBlob(migrated ? "migrated" : "blank") });
    return { ...database, dispose: () => database.close() };
  }
  const { url, drop } = await createPostgresDatabase();
  const database = await openDatabase({ kind: "postgresql", url });
  if (migrated) await database.migrate();
  return {
    ...database,
    url,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}

export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `aims_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
