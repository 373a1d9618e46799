// A PostgreSQL server through @prisma/adapter-pg, with one correction for migrations.
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * The published adapter runs a migration script by splitting it on ";", which breaks any
 * statement with a semicolon inside (a PL/pgSQL function body, a string literal) and runs the
 * pieces outside a transaction. We send the script whole, as `prisma migrate deploy` does:
 * PostgreSQL then runs it as one implicit transaction.
 */
export class PostgresAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pg";
  private readonly inner: PrismaPg;

  constructor(private readonly pool: pg.Pool) {
    this.inner = new PrismaPg(pool);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return runningWholeScripts(await this.inner.connect(), (script) => this.pool.query(script));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connectToShadowDb();
    const driver = adapter.underlyingDriver() as pg.Pool;
    return runningWholeScripts(adapter, (script) => driver.query(script));
  }
}

function runningWholeScripts(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await run(script);
  };
  return adapter;
}
