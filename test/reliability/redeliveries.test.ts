// Platforms deliver at least once: Slack retries an event it thinks timed out (same event_id,
// X-Slack-Retry-Num), Bot Framework can resend an activity (same activity id), people double-click.
// Whatever arrives twice must count once: one reply, one stored answer, one record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config/config.js";
import { encodeValue } from "../../src/channels/slack/actionIds.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { startService, type RunningService } from "../../src/service.js";
import { createStore } from "../../src/store/store.js";
import { linkTeamsAccounts, startFakeBotConnector, type FakeBotConnector } from "../support/fakeBotConnector.js";
import { blockAction, eventCallback, interaction } from "../support/slackRequests.js";
import { buttonValue, messageText, messageTs, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

// The server database when there is one: that is where concurrent duplicates really race.
const backend = backends.at(-1)!;
const retryHeaders = (retry: number) => (retry === 0 ? undefined : { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" });
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe(`Slack retries (${backend})`, () => {
  let slack: SlackTestService;
  beforeAll(async () => {
    slack = await startSlackTestService(backend);
  });
  afterAll(() => slack.stop());

  const user = slackUsers.member.id;
  const dmChannel = `D${user}`;
  let ts = 0;
  /** The same DM event, delivered `times` times at once with Slack's retry headers: as when Slack times out on us. */
  const dmDeliveredRepeatedly = async (text: string, times: number) => {
    const request = eventCallback({ type: "message", channel_type: "im", channel: dmChannel, user, text, ts: `1810000000.${String(++ts).padStart(6, "0")}` });
    const responses = await Promise.all(Array.from({ length: times }, (_, retry) => slack.send(request, retryHeaders(retry))));
    expect(responses.map((response) => response.status)).toEqual(Array(times).fill(200));
  };
  const postsToUserSince = (mark: number) => slack.fake.calls.slice(mark).filter((call) => !call.failure && call.method === "chat.postMessage" && call.args.channel === dmChannel && !/^\*\* /.test(String(call.args.text ?? "")));
  const conversation = () => slack.database.prisma.conversationState.findFirstOrThrow({ where: { platform: "slack", userId: user, status: { in: ["active", "completed"] } }, orderBy: { updatedAt: "desc" } });

  it("applies a retried answer once and confirms a retried confirm into one record", async () => {
    const description = `Retry test: the Claims Fraud Scoring model wrongly flagged every claim from postcode ${Date.now()}`;
    let reply = await slack.dm(user, description);
    expect(messageText(reply)).toMatch(/What kind of incident is it/);
    for (const text of ["inaccurate", "yesterday"]) reply = await slack.dm(user, text);
    expect(messageText(reply)).toMatch(/Who was affected/);

    // A free-text answer carries no step id: only the event id keeps a retry from answering the next question too.
    let mark = slack.mark();
    await dmDeliveredRepeatedly("claimants in one postcode", 3);
    await slack.nextMessageTo(dmChannel, mark);
    await settle();
    expect(postsToUserSince(mark)).toHaveLength(1);
    expect(messageText(postsToUserSince(mark)[0]!)).toMatch(/Was anyone harmed/);
    expect(await conversation()).toMatchObject({ stepId: "anyoneHarmed", answers: expect.objectContaining({ affectedParties: "claimants in one postcode" }) });
    expect((await conversation()).answers).not.toHaveProperty("anyoneHarmed");

    for (const text of ["no", "sev3", "skip", "no", "no"]) reply = await slack.dm(user, text);
    expect(messageText(reply)).toMatch(/Please check your AI incident report/);

    mark = slack.mark();
    await dmDeliveredRepeatedly("confirm", 4);
    const done = await slack.nextMessageTo(dmChannel, mark);
    await settle();
    const reference = /your report is (INC-\d{4})/.exec(messageText(done))?.[1];
    expect(reference, messageText(done)).toBeDefined();
    expect(postsToUserSince(mark)).toHaveLength(1);
    const incidents = await slack.database.prisma.incident.findMany({ where: { description } });
    expect(incidents.map((incident) => incident.reference)).toEqual([reference]);
    const history = await slack.database.prisma.changeLog.findMany({ where: { entityId: incidents[0]!.id } });
    expect(history.map((entry) => entry.action)).toEqual(["create"]);
  });

  it("saves one record when Confirm and save is clicked twice at once", async () => {
    const owner = slackUsers.owner.id;
    const name = `Double Click Model ${Date.now()}`;
    let reply = await slack.dm(owner, "register a new AI system");
    for (const text of [name, "Scores leads", "Sales reps see a score", "in-house", "skip", "me", "public data only", "none", "advises", "none", "proposed", "yes"]) {
      reply = await slack.dm(owner, text);
    }
    expect(messageText(reply)).toMatch(/Please check your AI system registration/);
    const click = interaction(blockAction({ userId: owner, channelId: `D${owner}`, messageTs: messageTs(reply), actionId: "aims_command", value: buttonValue(reply, "Confirm and save") }));
    const responses = await Promise.all([slack.send(click), slack.send(click)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    await slack.fake.waitFor((call) => /Registered AIS-\d{4}/.test(messageText(call)), 10_000);
    await settle();
    const systems = await slack.database.prisma.aiSystem.findMany({ where: { name } });
    expect(systems).toHaveLength(1);
    expect(await slack.database.prisma.changeLog.count({ where: { entityId: systems[0]!.id } })).toBe(1);
  });

  it("applies a retried button click (same choice) once", async () => {
    const governance = slackUsers.governance.id;
    let reply = await slack.dm(governance, "register a new AI system");
    for (const text of [`Choice Retry Model ${Date.now()}`, "Sorts post", "Mailroom staff"]) reply = await slack.dm(governance, text);
    expect(messageText(reply)).toMatch(/What kind of AI system is it/);
    const click = interaction(blockAction({ userId: governance, channelId: `D${governance}`, messageTs: messageTs(reply), actionId: "aims_choice", value: encodeValue({ stepId: "kind", value: "internal_model" }) }));
    await Promise.all([slack.send(click), slack.send(click), slack.send(click)]);
    await settle();
    const state = await slack.database.prisma.conversationState.findFirstOrThrow({ where: { platform: "slack", userId: governance, status: "active" } });
    expect(state).toMatchObject({ stepId: "businessUnit", answers: expect.objectContaining({ kind: "internal_model" }) });
  });
});

describe(`Teams redeliveries (${backend})`, () => {
  const tenant = "tenant-1";
  const bot = { id: "28:aims-bot", name: "AIMS Assistant" };
  const member = { id: "29:tom", name: "Tom Gallagher", aadObjectId: "aad-tom", email: "tom.gallagher@northwind.example" };
  const personal = { id: `a:personal-${member.id}`, conversationType: "personal", tenantId: tenant };
  let connector: FakeBotConnector;
  let database: TestDatabase;
  let service: RunningService;
  let sequence = 0;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    connector.roster.set(member.id, member);
    database = await openTestDatabase(backend);
    await loadDemoOrganisation(createStore(database.prisma));
    await linkTeamsAccounts(database.prisma, [member]);
    service = await startService({ ...loadConfig({ LOCAL_CHAT: "off", TEAMS_EMULATOR: "on" }), port: 0 }, pino({ level: "silent" }), { database });
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
    await connector.close();
  });

  const message = (fields: Record<string, unknown>) => ({
    type: "message",
    id: `redelivery-${++sequence}`,
    channelId: "msteams",
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { id: member.id, name: member.name, aadObjectId: member.aadObjectId },
    recipient: bot,
    conversation: personal,
    channelData: { tenant: { id: tenant } },
    ...fields,
  });
  const post = async (body: unknown) => {
    const response = await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    await service.teams!.settled(); // acknowledged once stored; the reply follows from the inbox
    return response.status;
  };
  const say = async (text: string) => {
    const sent = message({ text });
    expect(await post(sent)).toBe(200);
    return connector.replyTo(sent.id);
  };
  const repliesSince = (mark: number) => connector.calls.slice(mark).filter((call) => call.conversationId === personal.id);
  const state = () => database.prisma.conversationState.findFirstOrThrow({ where: { platform: "teams", conversationId: personal.id }, orderBy: { updatedAt: "desc" } });

  /** Walks a report up to "Who was affected?". */
  const reportUpToAffectedParties = async (description: string) => {
    expect(await say(description)).toMatch(/What kind of incident is it/);
    await say("inaccurate");
    expect(await say("yesterday")).toMatch(/Who was affected/);
  };

  it("saves one record from a confirm delivered three times", async () => {
    const description = `Teams confirm redelivered: the Claims Fraud Scoring model wrongly flagged claim ${Date.now()}`;
    await reportUpToAffectedParties(description);
    for (const text of ["two claimants", "no", "sev4", "skip", "no", "no"]) await say(text);
    expect((await state()).stepId).toBeNull();
    const confirm = message({ text: "confirm" });
    expect(await Promise.all([post(confirm), post(confirm), post(confirm)])).toEqual([200, 200, 200]);
    const incidents = await database.prisma.incident.findMany({ where: { description } });
    expect(incidents).toHaveLength(1);
    expect(await database.prisma.changeLog.count({ where: { entityId: incidents[0]!.id } })).toBe(1);
  });

  it("applies a card answer delivered twice once (it names its step)", async () => {
    await reportUpToAffectedParties(`Teams card redelivered: the Claims Fraud Scoring model wrongly flagged claim ${Date.now()}`);
    await say("claimants");
    const submit = message({ value: { aims: "answer", stepId: "anyoneHarmed", aims_answer: "no" }, replyToId: "card-harmed" });
    await post(submit);
    await post(submit);
    expect(await state()).toMatchObject({ stepId: "severity", answers: expect.objectContaining({ anyoneHarmed: false }) });
    await say("cancel");
  });

  // A redelivered activity id is dropped, as Slack's event_id is: otherwise one typed answer would
  // answer the current question and the next.
  it("applies a typed answer delivered twice once, with one reply", async () => {
    expect(await say("register a new AI system")).toMatch(/What is the AI system called/);
    const answer = message({ text: "Redelivered Name Model" });
    const mark = connector.calls.length;
    await post(answer);
    await post(answer);
    const replies = repliesSince(mark);
    const after = await state();
    await say("cancel");
    expect(after).toMatchObject({ stepId: "purpose", answers: { name: "Redelivered Name Model" } });
    expect(replies).toHaveLength(1);
  });
});
