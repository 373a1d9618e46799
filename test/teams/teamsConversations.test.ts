// Teams end to end: Bot Framework activities POSTed to /api/messages on the real service, the real
// CloudAdapter, and a fake Bot Connector (the activities' serviceUrl) that records the bot's replies.
import { createSerializer } from "@azure/core-client";
import { ConnectorMappers } from "botframework-connector/lib/connectorApi/connectorClient.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config/config.js";
import { startService, type RunningService } from "../../src/service.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { createStore } from "../../src/store/store.js";
import { enqueueNotice, personAudience } from "../../src/store/notifications.js";
import { linkTeamsAccounts, startFakeBotConnector, type FakeBotConnector } from "../support/fakeBotConnector.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const tenant = "tenant-1";
const bot = { id: "28:aims-bot", name: "AIMS Assistant" };
const owner = { id: "29:sofia", name: "Sofia Alvarez", aadObjectId: "aad-sofia", email: "sofia.alvarez@northwind.example" };
const member = { id: "29:tom", name: "Tom Gallagher", aadObjectId: "aad-tom", email: "tom.gallagher@northwind.example" };
const governance = { id: "29:amara", name: "Amara Okafor", aadObjectId: "aad-amara", email: "amara.okafor@northwind.example" };
const channelConversation = { id: "19:ai-team@thread.tacv2;messageid=1700000000000", conversationType: "channel", tenantId: tenant };

describe("the Teams channel", () => {
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
    // Monday 00:00: this week's digest is always due, whatever day the tests run.
    const config = loadConfig({ LOCAL_CHAT: "off", TEAMS_EMULATOR: "on", AIMS_DIGEST_HOUR: "0" });
    service = await startService({ ...config, port: 0 }, pino({ level: "silent" }), { database });
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
    await connector.close();
  });

  const personal = (user: typeof owner) => ({ id: `a:personal-${user.id}`, conversationType: "personal", tenantId: tenant });
  const activity = (user: typeof owner, conversation: object, fields: Record<string, unknown>) => ({
    type: "message",
    id: `incoming-${++sequence}`,
    channelId: "msteams",
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    localTimezone: "Europe/Berlin",
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: bot,
    conversation,
    channelData: { tenant: { id: tenant } },
    ...fields,
  });
  const post = async (body: unknown) => {
    const response = await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await response.text();
    await service.teams!.settled(); // acknowledged once stored; the reply follows from the inbox
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
  const lastTo = (conversationId: string) => {
    const call = connector.calls.filter((candidate) => candidate.conversationId === conversationId).at(-1);
    return JSON.stringify(call?.body ?? null);
  };
  const say = async (user: typeof owner, text: string) => {
    const message = activity(user, personal(user), { text });
    expect((await post(message)).status).toBe(200);
    return connector.replyTo(message.id);
  };
  const submit = async (user: typeof owner, data: Record<string, unknown>, replyToId = "card-1") => {
    expect((await post(activity(user, personal(user), { value: data, replyToId }))).status).toBe(200);
    return connector.calls.filter((call) => call.conversationId === personal(user).id).at(-1)!;
  };

  it("greets a team with a welcome card when the bot is added", async () => {
    const added = activity(owner, channelConversation, { type: "conversationUpdate", membersAdded: [bot] });
    expect((await post(added)).status).toBe(200);
    expect(lastTo(channelConversation.id)).toMatch(/Hello! I'm AIMS Assistant[\s\S]*Register an AI system/);
    expect(lastTo(channelConversation.id)).toContain("application/vnd.microsoft.card.adaptive");
  });

  it("registers an AI system in personal chat, with Action.Submit updating the card and Action.Execute confirming", async () => {
    expect(await say(owner, "register a new AI system")).toMatch(/What is the AI system called/);
    for (const text of ["Teams Meeting Summariser", "Summarises meetings", "Staff read the summaries"]) await say(owner, text);
    const kind = await submit(owner, { aims: "answer", stepId: "kind", aims_answer: "embedded_in_purchased_software" }, "card-kind");
    expect(kind).toMatchObject({ kind: "update", activityId: "card-kind" });
    expect(JSON.stringify(kind.body)).toMatch(/Which vendor provides it/);
    for (const text of ["Microsoft", "skip", "me"]) await say(owner, text);
    const data = await submit(owner, { aims: "answer", stepId: "dataCategories", aims_answer: "personal,confidential_business" });
    expect(JSON.stringify(data.body)).toMatch(/Whose lives or work/);
    const refused = await submit(owner, { aims: "answer", stepId: "affectedParties", aims_answer: "martians" });
    expect(JSON.stringify(refused.body)).toMatch(/didn't recognise/);
    await submit(owner, { aims: "answer", stepId: "affectedParties", aims_answer: "employees" });
    for (const text of ["advises", "none", "in production", "yes"]) await say(owner, text);
    expect(lastTo(personal(owner).id)).toMatch(/Please check your AI system registration/);

    const execute = activity(owner, personal(owner), { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: "aims", data: { aims: "command", command: "confirm" } } } });
    const response = await post(execute);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    const reference = /Registered (AIS-\d{4})/.exec(JSON.stringify(response.json))?.[1];
    expect(reference).toBeDefined();
    const system = await database.prisma.aiSystem.findUniqueOrThrow({ where: { reference: reference! }, include: { owner: true } });
    expect(system).toMatchObject({ createdVia: "teams", kind: "embedded_in_purchased_software", vendor: "Microsoft", dataCategories: ["personal", "confidential_business"] });
    expect(system.owner).toMatchObject({ email: owner.email, teamsAadObjectId: owner.aadObjectId });
  });

  it("moves an incident reported in a channel to personal chat, and the channel never sees its details", async () => {
    const mention = activity(member, channelConversation, {
      text: "<at>AIMS Assistant</at> the Claims Fraud Scoring model rejected every claim from one postcode",
      entities: [{ type: "mention", mentioned: bot, text: "<at>AIMS Assistant</at>" }],
    });
    expect((await post(mention)).status).toBe(200);
    expect(lastTo(channelConversation.id)).toMatch(/I've sent you a personal message/);
    expect(connector.calls.some((call) => call.kind === "createConversation")).toBe(true);
    expect(lastTo(personal(member).id)).toMatch(/What kind of incident is it/);
    await submit(member, { aims: "answer", stepId: "type", aims_answer: "bias" });
    await submit(member, { aims: "answer", stepId: "occurredAt", aims_answer: "2026-11-24" });
    for (const text of ["claimants in one postcode", "yes", "sev2", "skip", "skip", "no", "confirm"]) await say(member, text);
    const done = lastTo(personal(member).id);
    const reference = /your report is (INC-\d{4})/.exec(done)?.[1];
    expect(reference, done).toBeDefined();
    await expect(database.prisma.incident.findUniqueOrThrow({ where: { reference: reference! } })).resolves.toMatchObject({ type: "bias", confidential: true, createdVia: "teams" });
    expect(connector.textIn(channelConversation.id)).not.toMatch(/postcode|Fraud Scoring/);
  });

  it("lists open incidents in a card and triages one with its card buttons, recorded as done in Teams", async () => {
    const waiting = await database.prisma.incident.findFirstOrThrow({ where: { status: "reported", confidential: false }, orderBy: { reference: "asc" } });
    const list = await say(governance, "incidents");
    expect(list).toContain(JSON.stringify({ aims: "incident", reference: waiting.reference, action: "view" }).slice(1, -1));
    const opened = JSON.stringify((await submit(governance, { aims: "incident", reference: waiting.reference, action: "view" })).body);
    expect(opened).toMatch(/Timeline/);
    expect(opened).toContain(JSON.stringify({ aims: "incident", reference: waiting.reference, action: "acknowledge" }).slice(1, -1));
    const acknowledged = JSON.stringify((await submit(governance, { aims: "incident", reference: waiting.reference, action: "acknowledge" })).body);
    expect(acknowledged).toMatch(new RegExp(`${waiting.reference}: Acknowledged; handled by`));
    const history = await database.prisma.changeLog.findMany({ where: { entityId: waiting.id }, orderBy: { id: "desc" }, take: 1 });
    expect(history[0]).toMatchObject({ actorLabel: "Amara Okafor", channel: "teams", changes: expect.objectContaining({ status: { from: "reported", to: "triaged" } }) });
    // A member who is neither governance nor the assignee is refused, in words.
    const refused = JSON.stringify((await submit(member, { aims: "incident", reference: waiting.reference, action: "start_investigation" })).body);
    expect(refused).toContain(`Only the governance team or the incident's assignee can start investigation ${waiting.reference}.`);
  });

  it("subscribes a channel to the Monday digest from inside it, and delivers the digest there", async () => {
    const inChannel = (user: typeof owner, text: string) =>
      post(activity(user, channelConversation, { text: `<at>AIMS Assistant</at> ${text}`, entities: [{ type: "mention", mentioned: bot, text: "<at>AIMS Assistant</at>" }] }));
    await inChannel(member, "digest subscribe");
    expect(lastTo(channelConversation.id)).toContain("Only managers and the governance team can subscribe");
    await inChannel(governance, "digest subscribe");
    expect(lastTo(channelConversation.id)).toContain("will receive the AI governance digest every Monday");
    await service.runScheduledWork();
    await service.delivery.kick();
    expect(lastTo(channelConversation.id)).toMatch(/AI governance digest, week of .*Needs attention/);
  });

  it("delivers notices as cards in the person's personal chat, whose buttons act", async () => {
    const waiting = await database.prisma.incident.findFirstOrThrow({ where: { status: "reported" }, orderBy: { reference: "desc" } });
    const amara = await database.prisma.person.findUniqueOrThrow({ where: { email: governance.email } });
    await database.prisma.$transaction((tx) =>
      enqueueNotice(tx, personAudience(amara.id), {
        kind: "test_triage",
        subject: `Please triage ${waiting.reference}`,
        text: "It has waited long enough.",
        recordRef: waiting.reference,
        actions: [{ label: "Acknowledge", input: { kind: "incident_action", reference: waiting.reference, action: "acknowledge" } }],
      }),
    );
    await service.delivery.kick();
    const card = lastTo(personal(governance).id);
    expect(card).toContain(`Please triage ${waiting.reference}`);
    const button = { aims: "notice", input: { kind: "incident_action", reference: waiting.reference, action: "acknowledge" } };
    expect(card).toContain(JSON.stringify(button).slice(1, -1));
    await submit(governance, button);
    await expect(database.prisma.incident.findUniqueOrThrow({ where: { id: waiting.id } })).resolves.toMatchObject({ status: "triaged" });
    await service.delivery.kick(); // the reporter's "acknowledged" notice goes out now, not during the next test
  });

  it("delivers a proactive message to a stored personal conversation", async () => {
    const person = await database.prisma.person.findUniqueOrThrow({ where: { teamsAadObjectId: member.aadObjectId } });
    const before = connector.calls.length;
    expect(await service.teams!.sendToPerson(person.id, [{ kind: "text", text: "Reminder: AIS-0001 is due for review." }])).toBe(true);
    const sent = connector.calls.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: "send", conversationId: personal(member).id });
    expect(JSON.stringify(sent[0]!.body)).toContain("Reminder: AIS-0001 is due for review.");
  });

  it("answers 400 to a malformed activity and stores nothing", async () => {
    const people = await database.prisma.person.count();
    const references = await database.prisma.conversationReference.count();
    for (const body of [{ text: "no type" }, { type: "message", from: { id: "x" } }, [1, 2, 3]]) {
      expect((await post(body)).status).toBe(400);
    }
    const broken = await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    expect(broken.status).toBe(400);
    expect(await database.prisma.person.count()).toBe(people);
    expect(await database.prisma.conversationReference.count()).toBe(references);
  });

  it("sends every activity exactly as the SDK's models would have written it", async () => {
    await say(member, "help");
    // Activities reach the connector as JSON as written (reusedClients.ts): the Bot Framework models,
    // which drop any property they do not know and rewrite dates, would have sent the same.
    const activities = connector.calls.filter((call) => call.kind !== "createConversation").map((call) => call.body);
    expect(activities.length).toBeGreaterThan(10);
    const models = createSerializer(ConnectorMappers);
    for (const sent of activities) expect(sent).toEqual(JSON.parse(JSON.stringify(models.serialize(ConnectorMappers.Activity, sent, "activity"))));
  });
});

describe("the Teams channel with an app id", () => {
  it("refuses an activity without a valid Bot Framework token with 401", async () => {
    const database = await openTestDatabase("embedded");
    const config = loadConfig({ LOCAL_CHAT: "off", MicrosoftAppId: "00000000-0000-0000-0000-0000000000aa", MicrosoftAppPassword: "secret" });
    const service = await startService({ ...config, port: 0 }, pino({ level: "silent" }), { database });
    try {
      const body = { type: "message", channelId: "msteams", serviceUrl: "http://127.0.0.1:9/", from: { id: "29:x" }, recipient: { id: "28:bot" }, conversation: { id: "a:1" }, text: "hi" };
      const unsigned = await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(unsigned.status).toBe(401);
      const forged = await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer not.a.jwt" }, body: JSON.stringify(body) });
      expect(forged.status).toBe(401);
      expect(await database.prisma.person.count()).toBe(0);
    } finally {
      await service.stop();
      await database.dispose();
    }
  });
});
