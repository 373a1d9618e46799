// Where a benchmark keeps its data: the embedded database by default, or a scratch database
// created beside DATABASE_URL (or TEST_DATABASE_URL) on a PostgreSQL server and dropped afterwards,
// so a bench never writes into a database someone uses.
import { randomUUID } from "node:crypto";
import pg from "pg";

/** The PostgreSQL server to bench against, if any. */
export function databaseServerUrl(): string | undefined {
  return process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

export interface ScratchPostgres {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createScratchPostgres(serverUrl: string): Promise<ScratchPostgres> {
  const name = `aims_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
