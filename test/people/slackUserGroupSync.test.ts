// SLACK_ROLE_USERGROUPS: roles follow Slack user groups, read with usergroups.users.list through the
// real Web API client pointed at the fake.
import { WebClient } from "@slack/web-api";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncRoleUsergroups } from "../../src/people/slackUserGroupSync.js";
import { createStore } from "../../src/store/store.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

describe.each(backends)("roles from Slack user groups (%s)", (backend) => {
  let fake: FakeSlackApi;
  let database: TestDatabase;
  let groups: Record<string, string[]> = {};
  const sync = () => {
    const client = new WebClient("xoxb-test", { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    const store = createStore(database.prisma);
    return syncRoleUsergroups({ client, prisma: database.prisma, people: store.people, logger: pino({ level: "silent" }) }, [{ role: "auditor", usergroupId: "S0AUD" }, { role: "governance", usergroupId: "S0GOV" }], ["boss@acme.example"]);
  };
  const rolesOf = async (email: string) => (await database.prisma.person.findUniqueOrThrow({ where: { email } })).roles;

  beforeAll(async () => {
    fake = await startFakeSlackApi({ handlers: { "usergroups.users.list": (args) => (groups[String(args.usergroup)] ? { ok: true, users: groups[String(args.usergroup)] } : { ok: false, error: "no_such_subteam" }) } });
    fake.addUser("U0ADA", { realName: "Ada Lovelace", email: "ada@acme.example" });
    fake.addUser("U0BOB", { realName: "Bob Marley", email: "bob@acme.example" });
    fake.addUser("U0BOSS", { realName: "The Boss", email: "boss@acme.example" });
    database = await openTestDatabase(backend);
    const people = createStore(database.prisma).people;
    await people.create({ displayName: "Bob Marley", email: "bob@acme.example", slackUserId: "U0BOB", roles: ["member", "auditor"] });
    await people.create({ displayName: "The Boss", email: "boss@acme.example", slackUserId: "U0BOSS", roles: ["member", "governance"] });
  }, 120_000);
  afterAll(async () => {
    await database?.dispose();
    await fake?.close();
  });

  it("gives the group's role to its members (adding people not met yet) and takes it from those who left", async () => {
    groups = { S0AUD: ["U0ADA"], S0GOV: [] };
    expect(await sync()).toEqual({ granted: 1, revoked: 1, failedGroups: [] });
    expect(await rolesOf("ada@acme.example")).toEqual(["member", "auditor"]);
    expect(await rolesOf("bob@acme.example")).toEqual(["member"]);
    // AIMS_GOVERNANCE_EMAILS keep governance even when the group does not list them.
    expect(await rolesOf("boss@acme.example")).toContain("governance");
    const history = await database.prisma.changeLog.findMany({ where: { entityType: "person", action: "update" }, orderBy: { id: "asc" } });
    expect(history.map((entry) => [entry.entityRef, entry.actorLabel, entry.channel, entry.changes])).toEqual([
      ["ada@acme.example", "Slack user group S0AUD", "slack", { roles: { from: ["member"], to: ["member", "auditor"] } }],
      ["bob@acme.example", "Slack user group S0AUD", "slack", { roles: { from: ["member", "auditor"], to: ["member"] } }],
    ]);
    expect(await sync()).toEqual({ granted: 0, revoked: 0, failedGroups: [] });
  });

  it("leaves a role alone when its group cannot be read", async () => {
    groups = { S0GOV: [] };
    expect(await sync()).toEqual({ granted: 0, revoked: 0, failedGroups: ["S0AUD"] });
    expect(await rolesOf("ada@acme.example")).toEqual(["member", "auditor"]);
  });
});
