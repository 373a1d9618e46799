// The first read of every conversation step: the speaker and their conversation in one statement
// must give exactly what the two separate reads give (dates as dates, answers as written), and
// each half on its own when the other is missing (a newcomer, a conversation never started). The
// service sends it straight through the driver, a CLI run through the Prisma client: both the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConversationStateStore } from "../../src/store/conversationStates.js";
import { driverQueriesThrough } from "../../src/store/driverQueries.js";
import { readTurnStart } from "../../src/store/turnStart.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

describe.each(backends)("a step's first read (%s)", (backend) => {
  let database: TestDatabase;
  const key = { platform: "slack", workspaceId: "T1", userId: "U-ada", conversationId: "D-ada" };
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await database.prisma.person.create({ data: { displayName: "Ada Quinn", slackUserId: "U-ada", teamsAadObjectId: "aad-ada", roles: ["governance", "manager"] } });
    await database.prisma.conversationState.create({
      data: { ...key, flowId: "report_incident", stepId: "severity", answers: { summary: 'He said "stop" — Zoë', systems: ["SYS-0001"], pending: null }, version: 4, expiresAt: new Date(Date.now() + 60_000) },
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it.each(["driver", "client"] as const)("gives the speaker and the conversation as the separate reads do (through the %s)", async (through) => {
    const sql = through === "driver" ? database.direct : driverQueriesThrough(database.prisma);
    const read = await readTurnStart(sql, { slackUserId: "U-ada" }, key);
    const person = await database.prisma.person.findUniqueOrThrow({ where: { slackUserId: "U-ada" } });
    expect(read.person).toEqual({ id: person.id, displayName: person.displayName, roles: person.roles });
    expect(read.conversation).toEqual(await new ConversationStateStore(database.prisma).find(key));
    expect(read.conversation?.expiresAt).toBeInstanceOf(Date);
  });

  it("reads the conversation's times as written when the process runs in another time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const read = await readTurnStart(database.direct, { slackUserId: "U-ada" }, key);
      const row = await database.prisma.conversationState.findUniqueOrThrow({ where: { platform_workspaceId_userId_conversationId: key } });
      expect(read.conversation?.expiresAt.toISOString()).toBe(row.expiresAt.toISOString());
      expect(read.conversation?.updatedAt.toISOString()).toBe(row.updatedAt.toISOString());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("finds a Teams speaker by their Entra object id", async () => {
    const read = await readTurnStart(database.direct, { teamsAadObjectId: "aad-ada" }, { ...key, platform: "teams" });
    expect(read.person?.displayName).toBe("Ada Quinn");
    expect(read.conversation).toBeNull();
  });

  it("gives each half when the other is missing", async () => {
    const newcomer = await readTurnStart(database.direct, { slackUserId: "U-new" }, key);
    expect(newcomer.person).toBeNull();
    expect(newcomer.conversation?.stepId).toBe("severity");
    const notStarted = await readTurnStart(database.direct, { slackUserId: "U-ada" }, { ...key, conversationId: "D-other" });
    expect(notStarted.person?.displayName).toBe("Ada Quinn");
    expect(notStarted.conversation).toBeNull();
  });
});
