// Obligations to customers (A.10.4) through Teams: Bot Framework activities POSTed to /api/messages on
// the real service, with a fake Bot Connector recording the replies. Governance records one in
// personal chat; a member may not see them; a system owner may not review one that is not theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config/config.js";
import { startService, type RunningService } from "../../src/service.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { createStore } from "../../src/store/store.js";
import { linkTeamsAccounts, startFakeBotConnector, type FakeBotConnector } from "../support/fakeBotConnector.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const tenant = "tenant-1";
const bot = { id: "28:aims-bot", name: "AIMS Assistant" };
const owner = { id: "29:sofia", name: "Sofia Alvarez", aadObjectId: "aad-sofia", email: "sofia.alvarez@northwind.example" };
const member = { id: "29:tom", name: "Tom Gallagher", aadObjectId: "aad-tom", email: "tom.gallagher@northwind.example" };
const governance = { id: "29:amara", name: "Amara Okafor", aadObjectId: "aad-amara", email: "amara.okafor@northwind.example" };

describe("obligations to customers in Teams", () => {
  let connector: FakeBotConnector;
  let database: TestDatabase;
  let service: RunningService;
  let sequence = 0;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    for (const person of [owner, member, governance]) connector.roster.set(person.id, person);
    database = await openTestDatabase("embedded");
    await loadDemoOrganisation(createStore(database.prisma));
    await linkTeamsAccounts(database.prisma, [owner, member, governance]);
    service = await startService({ ...loadConfig({ LOCAL_CHAT: "off", TEAMS_EMULATOR: "on" }), port: 0 }, pino({ level: "silent" }), { database });
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
    await connector.close();
  });

  const personal = (user: typeof owner) => ({ id: `a:personal-${user.id}`, conversationType: "personal", tenantId: tenant });
  const say = async (user: typeof owner, text: string) => {
    const body = { type: "message", id: `incoming-${++sequence}`, channelId: "msteams", serviceUrl: connector.url, timestamp: new Date().toISOString(), from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId }, recipient: bot, conversation: personal(user), channelData: { tenant: { id: tenant } }, text };
    const response = await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    await service.teams!.settled();
    return connector.replyTo(body.id);
  };

  it("lets governance record one in personal chat, shows it to oversight and refuses others", async () => {
    const email = (await database.prisma.aiSystem.findFirstOrThrow({ where: { name: "ClaimsDesk Email Reply Assistant" } })).reference;
    expect(await say(member, "customer obligations")).toMatch(/Only .* can see obligations to customers\./);
    expect(await say(owner, "add obligation")).toContain("Only the governance team records obligations to customers.");

    expect(await say(governance, `add obligation ${email}`)).toContain("Which customers is it owed to?");
    for (const answer of ["Brokers on the ClaimsDesk Starter plan", "Replies drafted by the assistant are labelled as AI-drafted in the handler's view", "ClaimsDesk Starter terms §7", "Kenji"]) await say(governance, answer);
    expect(await say(governance, "2027-07-31")).toMatch(/Please check/);
    expect(await say(governance, "confirm")).toContain("COB-0004: obligation to Brokers on the ClaimsDesk Starter plan");
    const recorded = await database.prisma.customerObligation.findUniqueOrThrow({ where: { reference: "COB-0004" }, include: { owner: true, system: true } });
    expect(recorded).toMatchObject({ createdVia: "teams", contractReference: "ClaimsDesk Starter terms §7", owner: { displayName: "Kenji Tan" }, system: { reference: email } });

    expect(await say(owner, `customer obligations ${email}`)).toContain("Brokers on the ClaimsDesk Starter plan");
    expect(await say(owner, "COB-0004 reviewed")).toContain("Only the owner of COB-0004 or the governance team can record its review.");
  });
});
