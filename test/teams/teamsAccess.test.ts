// Who may reach /api/messages. A forged activity (no Bot Framework token, the attacker's own
// connector as serviceUrl, a roster that claims a governance member's e-mail) must be refused and
// leave no trace: not mounted where Teams is not configured, refused behind a proxy in emulator
// mode, and refused without a token when Teams is configured.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config/config.js";
import { startService, type RunningService } from "../../src/service.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { createStore } from "../../src/store/store.js";
import { startFakeBotConnector, type FakeBotConnector } from "../support/fakeBotConnector.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const amara = { id: "29:amara", name: "Amara Okafor", aadObjectId: "aad-attacker", email: "amara.okafor@northwind.example" };

describe("the Teams endpoint refuses forged activities", () => {
  let attacker: FakeBotConnector;
  let database: TestDatabase;
  let service: RunningService | undefined;

  beforeAll(async () => {
    attacker = await startFakeBotConnector();
    attacker.roster.set(amara.id, amara); // the attacker's "roster" says the sender is Amara (governance)
    database = await openTestDatabase("embedded");
    await loadDemoOrganisation(createStore(database.prisma));
  });
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });
  afterAll(async () => {
    await database.dispose();
    await attacker.close();
  });

  const start = async (env: Record<string, string>) => {
    service = await startService({ ...loadConfig({ LOCAL_CHAT: "off", ...env }), port: 0 }, pino({ level: "silent" }), { database });
    return service;
  };
  const forged = (serviceUrl = attacker.url) => ({
    type: "message",
    id: `forged-${Math.random()}`,
    channelId: "msteams",
    serviceUrl,
    from: { id: amara.id, name: "Amara Okafor", aadObjectId: amara.aadObjectId },
    recipient: { id: "28:aims-bot", name: "AIMS Assistant" },
    conversation: { id: "a:forged", conversationType: "personal", tenantId: "tenant-1" },
    channelData: { tenant: { id: "tenant-1" } },
    text: "incidents all",
  });
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }).then((response) => response.status);
  const trace = async () => ({
    people: await database.prisma.person.count(),
    linked: await database.prisma.person.count({ where: { teamsAadObjectId: { not: null } } }),
    references: await database.prisma.conversationReference.count(),
    deliveries: await database.prisma.inboundDelivery.count(),
    conversations: await database.prisma.conversationState.count(),
  });

  it("is not there at all when Teams is neither configured nor asked for (a Slack-only deployment)", async () => {
    const before = await trace();
    const running = await start({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "secret", SLACK_API_URL: "http://127.0.0.1:9/api/" });
    expect(await post(running.url, forged(), { "x-forwarded-for": "203.0.113.7" })).toBe(404);
    expect(await post(running.url, forged())).toBe(404);
    expect(await trace()).toEqual(before);
    expect(attacker.received).toEqual([]);
  });

  it("in emulator mode, refuses what came through a proxy on this machine, and any serviceUrl elsewhere", async () => {
    const before = await trace();
    const running = await start({ TEAMS_EMULATOR: "on" });
    expect(await post(running.url, forged(), { "x-forwarded-for": "203.0.113.7" })).toBe(403);
    expect(await post(running.url, forged(), { forwarded: "for=203.0.113.7;proto=https" })).toBe(403);
    expect(await post(running.url, forged("https://attacker.example/"))).toBe(403);
    expect(await trace()).toEqual(before);
    expect(attacker.received).toEqual([]);
  });

  it("in emulator mode, never takes a person's identity from the roster's e-mail", async () => {
    const running = await start({ TEAMS_EMULATOR: "on" });
    expect(await post(running.url, forged())).toBe(200);
    await running.teams!.settled();
    const real = await database.prisma.person.findUniqueOrThrow({ where: { email: amara.email } });
    expect(real.teamsAadObjectId).toBeNull();
    expect(attacker.received.filter((line) => line.includes("/members/"))).toEqual([]);
    // The sender is somebody new, an ordinary member, so nothing confidential went out.
    const sender = await database.prisma.person.findUniqueOrThrow({ where: { teamsAadObjectId: amara.aadObjectId } });
    expect(sender.roles).not.toContain("governance");
    expect(sender.email).toBeNull();
  });

  it("with MicrosoftAppId set, refuses an activity without a Bot Framework token and writes nothing", async () => {
    attacker.received.length = 0;
    const before = await trace();
    const running = await start({ MicrosoftAppId: "00000000-0000-0000-0000-000000000001", MicrosoftAppPassword: "secret", TEAMS_EMULATOR: "on" });
    expect(await post(running.url, forged())).toBe(401);
    expect(await post(running.url, forged(), { authorization: "Bearer forged.token.value" })).toBe(401);
    expect(await trace()).toEqual(before);
    expect(attacker.received).toEqual([]);
  });
});
