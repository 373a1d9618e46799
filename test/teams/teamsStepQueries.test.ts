// How many SQL statements one Teams conversation step costs, through /api/messages and the durable
// inbox: every statement is a round trip to the database, so each avoidable one delays every other
// person's reply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config/config.js";
import { startService, type RunningService } from "../../src/service.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { countingDatabase, type QueryLog } from "../../src/store/queryCounting.js";
import { createStore } from "../../src/store/store.js";
import { linkTeamsAccounts, startFakeBotConnector, type FakeBotConnector } from "../support/fakeBotConnector.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const member = { id: "29:tom", name: "Tom Gallagher", aadObjectId: "aad-tom", email: "tom.gallagher@northwind.example" };
const personal = { id: `a:personal-${member.id}`, conversationType: "personal", tenantId: "tenant-1" };

describe("statements per Teams conversation step", () => {
  let connector: FakeBotConnector;
  let database: TestDatabase;
  let service: RunningService;
  let queries: QueryLog;
  let sequence = 0;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    database = await openTestDatabase("embedded");
    await loadDemoOrganisation(createStore(database.prisma));
    await linkTeamsAccounts(database.prisma, [member]);
    const counting = countingDatabase(database);
    queries = counting.log;
    // The outbox's own pass (every 15 s by default) would land inside a step on a busy machine and be
    // counted with it: here it waits an hour, and each step's own sending (afterTurn) is what runs.
    const config = loadConfig({ LOCAL_CHAT: "off", TEAMS_EMULATOR: "on", AIMS_DIGEST_HOUR: "0", AIMS_DELIVERY_INTERVAL_SECONDS: "3600" });
    service = await startService({ ...config, port: 0 }, pino({ level: "silent" }), { database: counting.database });
    // The start-up work (the reminder scan, this week's digest, sending them) runs beside the first
    // requests: let it finish, so the counts below are the steps' own.
    await service.runScheduledWork();
    for (let pass = 0; pass < 3; pass++) await service.delivery.kick();
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
    await connector.close();
  });

  /** The statements of one message and its reply. */
  const stepStatements = async (text: string) => {
    queries.reset();
    const sent = connector.calls.length;
    const body = {
      type: "message",
      id: `step-${++sequence}`,
      channelId: "msteams",
      serviceUrl: connector.url,
      timestamp: new Date().toISOString(),
      from: { id: member.id, name: member.name, aadObjectId: member.aadObjectId },
      recipient: { id: "28:aims-bot", name: "AIMS Assistant" },
      conversation: personal,
      channelData: { tenant: { id: "tenant-1" } },
      text,
    };
    const response = await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    await service.teams!.settled();
    expect(connector.calls.length).toBeGreaterThan(sent); // the step was answered
    // Claims from the inbox that complete nothing (also run when idle, every second) and the test's own
    // "all processed?" look are left out; the completion (which also claims what comes next) is counted.
    const idleClaim = (sql: string) => sql.includes("claimable AS") && !sql.includes("WITH done AS");
    return queries.statements.filter((sql) => !idleClaim(sql) && !/SELECT COUNT\(\*\)/i.test(sql));
  };

  it("answers a mid-flow step (help, an answer, back) in a bounded number of statements", async () => {
    await stepStatements("register a new AI system");
    const steps = { help: await stepStatements("help"), answer: await stepStatements("Teams step counting system"), back: await stepStatements("back") };
    if (process.env.SHOW_STEP_SQL) for (const [name, statements] of Object.entries(steps)) console.log(name, statements.length, statements.map((sql) => sql.slice(0, 140)));
    // The inbox write, the speaker and the conversation (one statement), its one UPDATE … RETURNING when
    // it changed, and the inbox completion (which also claims the next requests).
    expect(steps.help.length).toBe(3);
    expect(steps.answer.length).toBe(4);
    expect(steps.back.length).toBe(4);
    await stepStatements("cancel");
  });
});
