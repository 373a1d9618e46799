// Counts the SQL statements a Prisma client sends, by wrapping its driver adapter. Used by the
// digest benchmark and tests to show that a report issues the same number of queries at 10 records
// as at 100,000 (a query per record would show up here long before it shows up in production).
import type { SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";
import type { PriorityQueries } from "./priorityQueries.js";

export interface QueryLog {
  /** Statements sent since the last reset (queries and commands, inside transactions too). */
  readonly count: number;
  readonly statements: readonly string[];
  reset(): void;
}

/** `priority`: the same count for the connections kept for acknowledgements (Database.priority). */
export function countingQueries(factory: SqlDriverAdapterFactory): { factory: SqlDriverAdapterFactory; log: QueryLog; priority(queries: PriorityQueries): PriorityQueries } {
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
  const priority = (queries: PriorityQueries): PriorityQueries => ({
    query: (sql, values) => {
      statements.push(sql);
      return queries.query(sql, values);
    },
  });
  return { factory: counting, log, priority };
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
