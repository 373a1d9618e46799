// A fresh database per caller on either backend: the embedded PostgreSQL server (always) and a
// PostgreSQL server of your own when TEST_DATABASE_URL is set (CI sets it). Both are copies of a
// migrated template built once per run (test/support/globalSetup.ts).
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/store/database.js";
import { createScratchDatabase, PostgresAdapterFactory } from "../../src/store/postgresAdapter.js";

export type Backend = "embedded" | "postgresql";

export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ["embedded", "postgresql"] : ["embedded"];

export interface TestDatabase extends Database {
  /** The database's URL (e.g. to start a service process on it). */
  url: string;
  dispose(): Promise<void>;
}

function serverUrlOf(backend: Backend): string {
  if (backend === "embedded") return inject("embeddedServerUrl");
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  return url;
}

/** An adapter factory over a scratch empty database whose shadow databases are scratch databases too. */
export async function scratchAdapterFactory(): Promise<PostgresAdapterFactory & { dispose(): Promise<void> }> {
  const serverUrl = serverUrlOf("embedded");
  const scratch = await createScratchDatabase(serverUrl, { prefix: "aims_test" });
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  // An idle connection the server ends (its database dropped, the server stopped after the run) is no test failure.
  pool.on("error", () => {});
  const factory = new PostgresAdapterFactory(pool, () => createScratchDatabase(serverUrl, { prefix: "aims_test" }));
  return Object.assign(factory, {
    async dispose() {
      await pool.end();
      await scratch.drop();
    },
  });
}

export async function openTestDatabase(backend: Backend, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = serverUrlOf(backend);
  const template = (options.migrated ?? true) ? inject(backend === "embedded" ? "embeddedTemplate" : "postgresTemplate") : undefined;
  const scratch = await createScratchDatabase(serverUrl, { prefix: "aims_test", ...(template ? { template } : {}) });
  const database = await openDatabase({ kind: "postgresql", url: scratch.url }, { shadowDatabase: () => createScratchDatabase(serverUrl, { prefix: "aims_test" }) });
  return {
    ...database,
    url: scratch.url,
    async dispose() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** An empty database on the TEST_DATABASE_URL server (service processes started on PostgreSQL). */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createScratchDatabase(serverUrlOf("postgresql"), { prefix: "aims_test" });
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
