// The first read of every conversation step: the speaker and their conversation in one statement
// must give exactly what the two separate reads give (dates as dates, answers as written), and
// each half on its own when the other is missing (a newcomer, a conversation never started).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConversationStateStore } from "../../src/store/conversationStates.js";
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

  it("gives the speaker and the conversation as the separate reads do", async () => {
    const read = await readTurnStart(database.prisma, { slackUserId: "U-ada" }, key);
    const person = await database.prisma.person.findUniqueOrThrow({ where: { slackUserId: "U-ada" } });
    expect(read.person).toEqual({ id: person.id, displayName: person.displayName, roles: person.roles });
    expect(read.conversation).toEqual(await new ConversationStateStore(database.prisma).find(key));
    expect(read.conversation?.expiresAt).toBeInstanceOf(Date);
  });

  it("finds a Teams speaker by their Entra object id", async () => {
    const read = await readTurnStart(database.prisma, { teamsAadObjectId: "aad-ada" }, { ...key, platform: "teams" });
    expect(read.person?.displayName).toBe("Ada Quinn");
    expect(read.conversation).toBeNull();
  });

  it("gives each half when the other is missing", async () => {
    const newcomer = await readTurnStart(database.prisma, { slackUserId: "U-new" }, key);
    expect(newcomer.person).toBeNull();
    expect(newcomer.conversation?.stepId).toBe("severity");
    const notStarted = await readTurnStart(database.prisma, { slackUserId: "U-ada" }, { ...key, conversationId: "D-other" });
    expect(notStarted.person?.displayName).toBe("Ada Quinn");
    expect(notStarted.conversation).toBeNull();
  });
});
