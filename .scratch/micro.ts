// Micro-measure: CPU per statement through Prisma vs pg directly, for the turn's hot statements.
import pg from "pg";
import { openDatabase } from "../src/store/database.js";
import { createScratchDatabase } from "../src/store/postgresAdapter.js";
import { readTurnStart } from "../src/store/turnStart.js";
import { ConversationStateStore } from "../src/store/conversationStates.js";

const server = "postgresql://aims:aims@127.0.0.1:5433/aims_test";
const scratch = await createScratchDatabase(server, { prefix: "aims_micro" });
const database = await openDatabase({ kind: "postgresql", url: scratch.url });
await database.migrate();
const prisma = database.prisma;
const pool = new pg.Pool({ connectionString: scratch.url, max: 4 });
const key = { platform: "slack", workspaceId: "T1", userId: "U1", conversationId: "D1" };
await prisma.person.create({ data: { displayName: "Ada", slackUserId: "U1", email: "ada@example.com" } as never });
const states = new ConversationStateStore(prisma);
let state = await states.start(key, null, { flowId: "register_system", stepId: "name", answers: { a: 1 }, expiresAt: new Date(Date.now() + 86400000) });

async function measure(name: string, n: number, work: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await work();
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < n; i++) await work();
  const used = process.cpuUsage(cpu);
  console.log(name.padEnd(34), "cpu µs/call", ((used.user + used.system) / n).toFixed(0), " wall µs/call", ((performance.now() - t) * 1000 / n).toFixed(0));
}
const turnSql = `SELECT p.id AS "personId", p."displayName", p.roles::text[] AS roles, c.id AS "stateId", c."flowId", c."stepId", c.answers, c.version, c.status::text AS status, c."resultReference", c."expiresAt", c."updatedAt"
  FROM (SELECT 1) AS one LEFT JOIN "Person" p ON p."slackUserId" = $1
  LEFT JOIN "ConversationState" c ON c.platform = $2 AND c."workspaceId" = $3 AND c."userId" = $4 AND c."conversationId" = $5`;
for (let round = 0; round < 2; round++) {
  await measure("turnStart via prisma raw", 2000, () => readTurnStart(prisma, { slackUserId: "U1" }, key));
  await measure("turnStart via pg", 2000, () => pool.query(turnSql, ["U1", "slack", "T1", "U1", "D1"]));
  await measure("state update via prisma ORM", 2000, async () => { state = (await states.save(state!, { stepId: "name", answers: { a: 2, b: "x" }, expiresAt: new Date(Date.now() + 86400000) }))!; });
  await measure("state update via pg", 2000, async () => {
    const { rows } = await pool.query(`UPDATE "ConversationState" SET "stepId" = $3, answers = $4::jsonb, "expiresAt" = $5, version = version + 1, "updatedAt" = now() WHERE id = $1 AND version = $2 RETURNING *`, [state!.id, state!.version, "name", JSON.stringify({ a: 2, b: "x" }), new Date(Date.now() + 86400000)]);
    state = { ...state!, version: rows[0].version };
  });
  await measure("SELECT 1 via prisma raw", 2000, () => prisma.$queryRawUnsafe("SELECT 1"));
  await measure("SELECT 1 via pg", 2000, () => pool.query("SELECT 1"));
}
await pool.end();
await database.close();
await scratch.drop();
