// The database goes away for 10 seconds (a TCP proxy in front of PostgreSQL is stopped, cutting
// every open connection, then started again) while people are mid-conversation. During the outage
// they get a polite message with an error reference and /healthz says 503; nothing is half-written;
// afterwards the same service, not restarted, carries on where everyone left off.
import net from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { startService, type RunningService } from "../../src/service.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { createStore } from "../../src/store/store.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { localPeople, postTurn, savedReference, whereReplyLeaves, type LocalPerson, type TurnResult } from "../support/localChatApi.js";
import { freePort } from "../support/processes.js";
import { eventCallback, postToSlackEndpoint } from "../support/slackRequests.js";
import { signingSecret, slackUsers } from "../support/slackService.js";
import { createPostgresDatabase } from "../support/testDatabase.js";

const adminUrl = process.env.TEST_DATABASE_URL;
const outageMs = 10_000;

/** A TCP proxy to the PostgreSQL server that can be cut (every connection dropped) and restored. */
async function startCuttableProxy(target: { host: string; port: number }) {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await open();
  return {
    port,
    async cut() {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    restore: open,
  };
}

describe.skipIf(!adminUrl)("a 10-second database outage (PostgreSQL)", () => {
  let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
  let drop: () => Promise<void>;
  let database: Database;
  let service: RunningService;
  let fake: FakeSlackApi;
  let people: LocalPerson[];
  const outageEvent = eventCallback({ type: "message", channel_type: "im", channel: `D${slackUsers.member.id}`, user: slackUsers.member.id, text: "report an incident", ts: "1830000000.000001" }, { eventId: "EvOUTAGE1" });
  const duringOutage: { confirm?: TurnResult; typed?: TurnResult; slackAck?: number; slackReply?: string } = {};

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    const direct = new URL(created.url);
    proxy = await startCuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(created.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    database = await openDatabase({ kind: "postgresql", url: viaProxy.toString() });
    await database.migrate();
    // Slack is configured, so the service loads no demo organisation itself: the test brings its people.
    await loadDemoOrganisation(createStore(database.prisma));
    fake = await startFakeSlackApi();
    fake.addUser(slackUsers.member.id, { realName: "Tom Gallagher", email: slackUsers.member.email });
    const config = loadConfig({ LOCAL_CHAT: "on", SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.url });
    service = await startService({ ...config, port: 0 }, pino({ level: "silent" }), { database });
    people = await localPeople(service.url);
  });
  afterAll(async () => {
    await service?.stop();
    await database?.close();
    await fake?.close();
    await drop?.();
  });

  const health = async () => (await fetch(`${service.url}/healthz`)).status;
  const turn = (person: LocalPerson, conversationId: string, input: Parameters<typeof postTurn>[3]) => postTurn(service.url, person.id, conversationId, input);
  /** Walks a registration to its review summary, ready to confirm. */
  const registrationReadyToConfirm = async (person: LocalPerson, conversationId: string, name: string) => {
    await turn(person, conversationId, { kind: "start", flowId: "register_ai_system" });
    for (const text of [name, "Sorts incoming post", "Mailroom staff"]) await turn(person, conversationId, { kind: "text", text });
    await turn(person, conversationId, { kind: "choice", stepId: "kind", value: "internal_model" });
    for (const text of ["skip", "me"]) await turn(person, conversationId, { kind: "text", text });
    await turn(person, conversationId, { kind: "choice", stepId: "dataCategories", value: ["public_only"] });
    await turn(person, conversationId, { kind: "choice", stepId: "affectedParties", value: ["employees"] });
    await turn(person, conversationId, { kind: "choice", stepId: "autonomyLevel", value: "advises_human" });
    await turn(person, conversationId, { kind: "choice", stepId: "regulatedDomain", value: "none" });
    await turn(person, conversationId, { kind: "choice", stepId: "lifecycleStage", value: "proposed" });
    const last = await turn(person, conversationId, { kind: "choice", stepId: "inAimsScope", value: "yes" });
    expect(whereReplyLeaves(last)).toBe("summary");
  };
  /** Records whose create entry is missing from the change history: must always be none. */
  const recordsWithoutHistory = async () => {
    const rows = await database.prisma.$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) AS count FROM (
         SELECT id FROM "AiSystem" UNION ALL SELECT id FROM "Incident"
       ) record WHERE NOT EXISTS (SELECT 1 FROM "ChangeLog" entry WHERE entry."entityId" = record.id AND entry.action = 'create')`,
    );
    return Number(rows[0]!.count);
  };

  it("answers politely during the outage, writes nothing by halves, and recovers without a restart", async () => {
    const [owner, other] = [people.find((person) => person.persona === "owner")!, people.find((person) => person.persona === "member")!];
    const stamp = Date.now();
    await registrationReadyToConfirm(owner, "outage-a", `Outage Model A ${stamp}`);
    await registrationReadyToConfirm(other, "outage-b", `Outage Model B ${stamp}`);
    expect(await health()).toBe(200);

    // The cut lands while a confirm is in flight: it commits whole or not at all.
    const inFlight = turn(other, "outage-b", { kind: "command", command: "confirm" }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 15));
    const cutAt = Date.now();
    await proxy.cut();

    expect(await health()).toBe(503);
    // What people see during the outage: asserted in the tests after this one.
    duringOutage.confirm = await turn(owner, "outage-a", { kind: "command", command: "confirm" });
    duringOutage.typed = await turn(owner, "outage-a", { kind: "text", text: "hello" });
    const mark = fake.calls.length;
    duringOutage.slackAck = (await postToSlackEndpoint(`${service.url}/slack/events`, signingSecret, outageEvent)).status;
    duringOutage.slackReply = await fake
      .waitFor((call) => fake.calls.indexOf(call) >= mark && call.method === "chat.postMessage" && call.args.channel === `D${slackUsers.member.id}`, 5_000)
      .then((call) => String(call.args.text), () => "(no message)");

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageMs - (Date.now() - cutAt))));
    expect(await health()).toBe(503);
    await proxy.restore();

    // Back without a restart: health first, then every conversation where it was.
    const deadline = Date.now() + 15_000;
    while ((await health()) !== 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await health()).toBe(200);
    await inFlight;
    expect(await recordsWithoutHistory()).toBe(0);

    const confirmedA = await turn(owner, "outage-a", { kind: "command", command: "confirm" });
    expect(confirmedA.status).toBe(200);
    const confirmedB = await turn(other, "outage-b", { kind: "command", command: "confirm" }); // done now, or "Already saved" if the cut came after the commit
    expect(confirmedB.status).toBe(200);
    for (const [name, reply] of [[`Outage Model A ${stamp}`, confirmedA], [`Outage Model B ${stamp}`, confirmedB]] as const) {
      const systems = await database.prisma.aiSystem.findMany({ where: { name } });
      expect(systems.map((system) => system.reference)).toEqual([savedReference(reply)]);
      expect(await database.prisma.changeLog.count({ where: { entityId: systems[0]!.id, action: "create" } })).toBe(1);
    }
    expect(await recordsWithoutHistory()).toBe(0);
    const slackAgain = fake.calls.length;
    // Slack retries the event it could not deliver: now it is written, acknowledged and answered.
    const retried = await postToSlackEndpoint(`${service.url}/slack/events`, signingSecret, { ...outageEvent, extraHeaders: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_error" } });
    expect(retried.status).toBe(200);
    const resumed = await fake.waitFor((call) => fake.calls.indexOf(call) >= slackAgain && call.method === "chat.postMessage" && call.args.channel === `D${slackUsers.member.id}`, 10_000);
    expect(JSON.stringify(resumed.args)).toMatch(/Which AI system was involved/);
  }, 90_000);

  // The person look-up is inside the handler's try, so an outage there is a 503 with a reference too.
  it("told local chat users politely, with an error reference, during the outage", () => {
    for (const reply of [duringOutage.confirm!, duringOutage.typed!]) {
      expect(reply.status).toBe(503);
      expect(reply.error).toMatch(/Something went wrong on our side \(error E-[0-9A-F]{6}\)/);
    }
  });

  // An event that cannot be written to the inbox is not acknowledged, so Slack keeps it and retries
  // (answered above once the database is back); nothing was half-processed meanwhile.
  it("did not acknowledge Slack's event during the outage, so Slack retried it", () => {
    expect(duringOutage.slackAck).toBe(503);
    expect(duringOutage.slackReply).toBe("(no message)");
  });
});
