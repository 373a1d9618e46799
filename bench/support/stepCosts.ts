// What one conversation step costs outside the service: database transactions (each statement
// outside a transaction is one, and one round trip), and calls to Slack's Web API, counted over a
// measured run and divided by the steps answered in it.
import pg from "pg";

export interface StepCosts {
  /** Committed or rolled-back transactions per step, from the server's own statistics. */
  transactions: number;
  usersInfo: number;
  postMessages: number;
}

interface Counters {
  transactions: number;
  calls: Map<string, number>;
}

export class StepCostMeter {
  private before: Counters | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly slackCalls: Map<string, number>,
  ) {}

  async start(): Promise<void> {
    this.before = await this.read();
  }

  async stop(steps: number): Promise<StepCosts> {
    const after = await this.read();
    const before = this.before!;
    const calls = (method: string) => (after.calls.get(method) ?? 0) - (before.calls.get(method) ?? 0);
    const per = (count: number) => (steps > 0 ? count / steps : NaN);
    return { transactions: per(after.transactions - before.transactions), usersInfo: per(calls("users.info")), postMessages: per(calls("chat.postMessage") + calls("chat.update")) };
  }

  private async read(): Promise<Counters> {
    // A backend reports its counts when idle for a second (PostgreSQL 15+): let the last ones arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ transactions: string }>("SELECT xact_commit + xact_rollback AS transactions FROM pg_stat_database WHERE datname = current_database()");
      // This very query is a transaction too; it is counted on both sides of the difference.
      return { transactions: Number(rows[0]!.transactions), calls: new Map(this.slackCalls) };
    } finally {
      await client.end();
    }
  }
}
