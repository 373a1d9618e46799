// The lean-step baseline: the least a conversation step with real work can cost here. A bare Bolt
// app that, per DM, runs one transaction with `pg` (upsert the person's state, insert a history
// row), then calls chat.postMessage, and acknowledges after that work. Started as a child process
// by bench/chatSteps.ts; reads PORT, SLACK_SIGNING_SECRET, SLACK_API_URL and LEAN_DATABASE_URL.
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.LEAN_DATABASE_URL!, max: 10 });
await pool.query(`
  CREATE TABLE IF NOT EXISTS lean_state (user_id text PRIMARY KEY, turns integer NOT NULL, last_text text NOT NULL, updated_at timestamptz NOT NULL);
  CREATE TABLE IF NOT EXISTS lean_history (id bigserial PRIMARY KEY, user_id text NOT NULL, text text NOT NULL, at timestamptz NOT NULL DEFAULT now());`);

async function recordStep(userId: string, text: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ turns: number }>(
      `INSERT INTO lean_state (user_id, turns, last_text, updated_at) VALUES ($1, 1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET turns = lean_state.turns + 1, last_text = $2, updated_at = now() RETURNING turns`,
      [userId, text],
    );
    await client.query("INSERT INTO lean_history (user_id, text) VALUES ($1, $2)", [userId, text]);
    await client.query("COMMIT");
    return rows[0]!.turns;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET!, endpoints: "/slack/events", processBeforeResponse: true });
receiver.app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});
const app = new App({ token: "xoxb-bench-token", receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: process.env.SLACK_API_URL! } });
app.message(async ({ message, client }) => {
  if (message.subtype !== undefined) return;
  const turns = await recordStep(message.user, message.text ?? "");
  await client.chat.postMessage({ channel: message.channel, text: `Step ${turns} recorded.` });
});
await app.start(Number(process.env.PORT));
process.on("SIGTERM", () => void app.stop().then(() => pool.end()).then(() => process.exit(0)));
