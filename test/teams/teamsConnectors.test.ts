// A tenant's activities can come through more than one Bot Connector (Teams has one per region);
// the clients that reply are built once and reused, and each reply must still go back to the
// connector its activity came from, turn after turn.
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
const inEurope = { id: "29:sofia", name: "Sofia Alvarez", aadObjectId: "aad-sofia", email: "sofia.alvarez@northwind.example" };
const inAmerica = { id: "29:tom", name: "Tom Gallagher", aadObjectId: "aad-tom", email: "tom.gallagher@northwind.example" };

describe("Teams replies through more than one connector", () => {
  let europe: FakeBotConnector;
  let america: FakeBotConnector;
  let database: TestDatabase;
  let service: RunningService;
  let sequence = 0;

  beforeAll(async () => {
    [europe, america] = await Promise.all([startFakeBotConnector(), startFakeBotConnector()]);
    database = await openTestDatabase("embedded");
    await loadDemoOrganisation(createStore(database.prisma));
    await linkTeamsAccounts(database.prisma, [inEurope, inAmerica]);
    const config = loadConfig({ LOCAL_CHAT: "off", TEAMS_EMULATOR: "on", AIMS_DELIVERY_INTERVAL_SECONDS: "3600" });
    service = await startService({ ...config, port: 0 }, pino({ level: "silent" }), { database });
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
    await Promise.all([europe.close(), america.close()]);
  });

  const say = async (person: typeof inEurope, connector: FakeBotConnector, text: string) => {
    const conversation = { id: `a:personal-${person.id}`, conversationType: "personal", tenantId: tenant };
    const body = { type: "message", id: `incoming-${++sequence}`, channelId: "msteams", serviceUrl: connector.url, timestamp: new Date().toISOString(), from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId }, recipient: bot, conversation, channelData: { tenant: { id: tenant } }, text };
    const response = await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    await service.teams!.settled();
  };
  const repliesTo = (connector: FakeBotConnector, person: typeof inEurope) => connector.calls.filter((call) => call.conversationId === `a:personal-${person.id}`).length;

  it("answers each person through the connector their message came from, every time", async () => {
    for (let round = 0; round < 3; round++) {
      await say(inEurope, europe, "help");
      await say(inAmerica, america, "help");
    }
    expect(repliesTo(europe, inEurope)).toBeGreaterThanOrEqual(3);
    expect(repliesTo(america, inAmerica)).toBeGreaterThanOrEqual(3);
    expect(repliesTo(europe, inAmerica)).toBe(0);
    expect(repliesTo(america, inEurope)).toBe(0);
  });
});
