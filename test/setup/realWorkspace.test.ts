// Putting the bot into service: no demo organisation once Slack or Teams is configured, and the open
// setup checklist for a governance member's first Teams chat (Teams has no App Home).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { startService, type RunningService } from "../../src/service.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { createStore } from "../../src/store/store.js";
import { startFakeBotConnector, type FakeBotConnector } from "../support/fakeBotConnector.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const backend = backends.at(-1)!;

describe(`a real workspace (${backend})`, () => {
  const running: { service?: RunningService; database?: TestDatabase; fake?: FakeSlackApi; connector?: FakeBotConnector } = {};
  afterEach(async () => {
    await running.service?.stop();
    await running.database?.dispose();
    await running.fake?.close();
    await running.connector?.close();
    Object.keys(running).forEach((key) => delete running[key as keyof typeof running]);
  });

  const start = async (env: Record<string, string>, prepare?: (database: TestDatabase) => Promise<unknown>) => {
    running.database = await openTestDatabase(backend);
    await prepare?.(running.database);
    running.service = await startService({ ...loadConfig({ LOCAL_CHAT: "on", ...env }), port: 0 }, pino({ level: "silent" }), { database: running.database });
    return running.service;
  };

  it("loads the demo organisation for the local chat on an empty folder", async () => {
    const service = await start({});
    expect((await service.store.people.list()).length).toBeGreaterThan(5);
  }, 120_000);

  it("never loads it when Slack is configured, even with the local chat on", async () => {
    running.fake = await startFakeSlackApi();
    const service = await start({ SLACK_BOT_TOKEN: "xoxb-real", SLACK_SIGNING_SECRET: "secret", SLACK_API_URL: running.fake.url });
    expect(await service.store.people.list()).toEqual([]);
    expect(await service.store.aiSystems.search("a")).toEqual([]);
  }, 120_000);

  it("never loads it when Teams is configured, even with the local chat on", async () => {
    const service = await start({ MicrosoftAppId: "00000000-0000-4000-8000-000000000001", MicrosoftAppPassword: "secret" });
    expect(await service.store.people.list()).toEqual([]);
  }, 120_000);

  it("makes the people of AIMS_GOVERNANCE_EMAILS who are already known governance members at start, with a history entry", async () => {
    running.database = await openTestDatabase(backend);
    await loadDemoOrganisation(createStore(running.database.prisma));
    const config = loadConfig({ LOCAL_CHAT: "off", AIMS_GOVERNANCE_EMAILS: "Tom.Gallagher@northwind.example, nobody@northwind.example" });
    running.service = await startService({ ...config, port: 0 }, pino({ level: "silent" }), { database: running.database });
    const tom = (await running.service.store.people.byEmail("tom.gallagher@northwind.example"))!;
    expect(tom.roles).toEqual(["member", "governance"]);
    const [entry] = await running.service.store.history.of("person", tom.id);
    expect([entry!.actorLabel, entry!.channel, entry!.changes]).toEqual(["AIMS_GOVERNANCE_EMAILS", "system", { roles: { from: ["member"], to: ["member", "governance"] } }]);
  }, 120_000);

  it("shows a governance member the open setup checklist when they first talk to the bot in Teams, once", async () => {
    running.connector = await startFakeBotConnector();
    const emptyPolicyFolder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-policies-"));
    const lead = { id: "29:gwen", name: "Gwen Lead", aadObjectId: "aad-gwen", email: "gwen@acme.example" };
    const staff = { id: "29:sam", name: "Sam Staff", aadObjectId: "aad-sam", email: "sam@acme.example" };
    for (const person of [lead, staff]) running.connector.roster.set(person.id, person);
    // Emulator mode links nobody by the roster's e-mail (it is unauthenticated): the organisation's
    // people import has linked their Teams accounts, and AIMS_GOVERNANCE_EMAILS applies at start.
    const service = await start({ LOCAL_CHAT: "off", TEAMS_EMULATOR: "on", AIMS_GOVERNANCE_EMAILS: lead.email, POLICY_DIR: emptyPolicyFolder }, (database) =>
      database.prisma.person.createMany({ data: [lead, staff].map((person) => ({ displayName: person.name, email: person.email, teamsAadObjectId: person.aadObjectId })) }),
    );
    let sequence = 0;
    const say = async (user: typeof lead, text: string) => {
      const conversation = { id: `a:personal-${user.id}`, conversationType: "personal", tenantId: "tenant-1" };
      const before = running.connector!.calls.length;
      const body = { type: "message", id: `in-${++sequence}`, channelId: "msteams", serviceUrl: running.connector!.url, timestamp: new Date().toISOString(), from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId }, recipient: { id: "28:bot", name: "AIMS Assistant" }, conversation, channelData: { tenant: { id: "tenant-1" } }, text };
      expect((await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).status).toBe(200);
      await service.teams!.settled();
      return running.connector!.calls.slice(before).map((call) => JSON.stringify(call.body));
    };
    const first = await say(lead, "hello");
    expect(first[0]).toMatch(/Setup checklist[\s\S]*Policy documents: no policy documents in /);
    expect(first[0]).not.toMatch(/Governance team:/); // AIMS_GOVERNANCE_EMAILS made them governance at start
    expect((await say(lead, "hello")).join()).not.toMatch(/Setup checklist/);
    expect((await say(staff, "hello")).join()).not.toMatch(/Setup checklist/);
  }, 120_000);
});
