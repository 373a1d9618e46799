// Statements that must not wait behind turns: the inbox's write (what an acknowledgement waits for)
// and /healthz. They run on a few connections of their own, straight through the driver: no turn
// holds these connections, and the ack path skips the Prisma client's work.
import type pg from "pg";

export interface PriorityQueries {
  query<Row>(sql: string, values?: unknown[]): Promise<Row[]>;
}

export function priorityQueriesOn(pool: pg.Pool): PriorityQueries {
  return {
    async query<Row>(sql: string, values: unknown[] = []) {
      const result = await pool.query(sql, values);
      return result.rows as Row[];
    },
  };
}
