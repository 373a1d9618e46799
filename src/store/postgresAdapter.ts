// PostgreSQL through @prisma/adapter-pg, for both the embedded server and a server of your own,
// with two corrections for migrations.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/** A database made for one job on a server, dropped afterwards. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * The published adapter runs a migration script by splitting it on ";", which breaks any
 * statement with a semicolon inside (a PL/pgSQL function body, a string literal) and runs the
 * pieces outside a transaction. We send the script whole, as `prisma migrate deploy` does:
 * PostgreSQL then runs it as one implicit transaction.
 * Its shadow database (needed to diff the migrations folder against the schema) lands on the
 * main database; given `shadowDatabase`, the shadow is a scratch database of its own instead.
 */
export class PostgresAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pg";
  private readonly inner: PrismaPg;

  constructor(
    private readonly pool: pg.Pool,
    private readonly shadowDatabase?: () => Promise<ScratchDatabase>,
  ) {
    this.inner = new PrismaPg(pool);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return withTransactionsInTurn(runningWholeScripts(await this.inner.connect(), (script) => this.pool.query(script)));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (!this.shadowDatabase) {
      const adapter = await this.inner.connectToShadowDb();
      const driver = adapter.underlyingDriver() as pg.Pool;
      return runningWholeScripts(adapter, (script) => driver.query(script));
    }
    const scratch = await this.shadowDatabase();
    const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
    const adapter = runningWholeScripts(await new PrismaPg(pool).connect(), (script) => pool.query(script));
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await pool.end(); // before the drop: a database with open connections cannot be dropped
      await scratch.drop();
    };
    return adapter;
  }
}

/**
 * Inside a transaction the Prisma client sends a record's relations' queries all at once (an update
 * that includes two relations), and a transaction is one connection: pg queues them, warns that it
 * will stop doing so in pg 9, and then would fail them. Each transaction's statements go in turn.
 */
function withTransactionsInTurn(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => oneStatementAtATime(await start(isolationLevel));
  return adapter;
}

function oneStatementAtATime(transaction: Transaction): Transaction {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = previous.then(work, work);
    previous = next.catch(() => {});
    return next;
  };
  const { queryRaw, executeRaw, commit, rollback, createSavepoint, rollbackToSavepoint, releaseSavepoint } = transaction;
  transaction.queryRaw = (query) => inTurn(() => queryRaw.call(transaction, query));
  transaction.executeRaw = (query) => inTurn(() => executeRaw.call(transaction, query));
  transaction.commit = () => inTurn(() => commit.call(transaction));
  transaction.rollback = () => inTurn(() => rollback.call(transaction));
  if (createSavepoint) transaction.createSavepoint = (name) => inTurn(() => createSavepoint.call(transaction, name));
  if (rollbackToSavepoint) transaction.rollbackToSavepoint = (name) => inTurn(() => rollbackToSavepoint.call(transaction, name));
  if (releaseSavepoint) transaction.releaseSavepoint = (name) => inTurn(() => releaseSavepoint.call(transaction, name));
  return transaction;
}

function runningWholeScripts(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await run(script);
  };
  return adapter;
}

/** Creates an empty database (or a copy of `template`) next to the one `serverUrl` points at. */
export async function createScratchDatabase(serverUrl: string, options: { prefix?: string; template?: string } = {}): Promise<ScratchDatabase> {
  const name = `${options.prefix ?? "aims_scratch"}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ""}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
