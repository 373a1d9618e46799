// Counts the SQL statements a Prisma client sends, by wrapping its driver adapter. Used by the
// digest benchmark and tests to show that a report issues the same number of queries at 10 records
// as at 100,000 (a query per record would show up here long before it shows up in production).
import type { SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";
import type { DriverQueries } from "./driverQueries.js";
import type { Database } from "./database.js";
import { PrismaClient } from "../generated/prisma/client.js";

export interface QueryLog {
  /** Statements sent since the last reset (queries and commands, inside transactions too). */
  readonly count: number;
  readonly statements: readonly string[];
  reset(): void;
}

/** `driver`: the same count for statements sent straight through the driver (Database.priority and .direct). */
export function countingQueries(factory: SqlDriverAdapterFactory): { factory: SqlDriverAdapterFactory; log: QueryLog; driver(queries: DriverQueries): DriverQueries } {
  const statements: string[] = [];
  const log: QueryLog = {
    get count() {
      return statements.length;
    },
    statements,
    reset: () => void statements.splice(0),
  };
  const counting: SqlDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = recordingInto(await factory.connect(), statements);
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => recordingInto(await startTransaction(isolationLevel), statements);
      return adapter;
    },
  };
  const driver = (queries: DriverQueries): DriverQueries => ({
    query: (sql, values) => {
      statements.push(typeof sql === "string" ? sql : sql.text);
      return queries.query(sql, values);
    },
  });
  return { factory: counting, log, driver };
}

/** The database with every statement it sends counted, through the client or straight through the driver. */
export function countingDatabase(database: Database): { database: Database; log: QueryLog } {
  const counting = countingQueries(database.adapterFactory);
  const prisma = new PrismaClient({ adapter: counting.factory });
  const counted: Database = { ...database, prisma, priority: counting.driver(database.priority), direct: counting.driver(database.direct) };
  return { database: counted, log: counting.log };
}

function recordingInto<T extends SqlQueryable>(queryable: T, statements: string[]): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query: SqlQuery) => {
    statements.push(query.sql);
    return queryRaw(query);
  };
  queryable.executeRaw = (query: SqlQuery) => {
    statements.push(query.sql);
    return executeRaw(query);
  };
  return queryable;
}
