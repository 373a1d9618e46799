// Slack considers an acknowledged event delivered and never sends it again. 200 DMs from 200 people
// are acknowledged by a real service process while Slack's API hangs (so none can be answered), the
// process is killed with SIGKILL, and a new one is started: every person gets exactly one reply.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { openDatabase } from "../../src/store/database.js";
import { startFakeSlackApi, type FakeSlackApi } from "../support/fakeSlackApi.js";
import { freePort, startServiceProcess, type ServiceProcess } from "../support/processes.js";
import { eventCallback, postToSlackEndpoint } from "../support/slackRequests.js";
import { createPostgresDatabase } from "../support/testDatabase.js";

const signingSecret = "kill-test-signing-secret";
const people = 200;
const userId = (index: number) => `U0K${String(index).padStart(4, "0")}`;

describe("acknowledged Slack events across a kill -9", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it(`answers each of ${people} acknowledged DMs exactly once after the process is killed and restarted`, async () => {
    const fake: FakeSlackApi = await startFakeSlackApi();
    cleanups.push(() => fake.close());
    for (let index = 0; index < people; index++) fake.addUser(userId(index), { realName: `Person ${index}`, email: `person${index}@kill.example` });
    const env: Record<string, string> = { SLACK_BOT_TOKEN: "xoxb-kill-test", SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.url, LOCAL_CHAT: "off", LOG_LEVEL: "warn", PORT: String(await freePort()) };
    if (process.env.TEST_DATABASE_URL) {
      const { url, drop } = await createPostgresDatabase();
      env.DATABASE_URL = url;
      cleanups.push(drop);
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-inbox-kill-"));
      env.AIMS_DATA_DIR = path.join(dir, "data");
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    }
    let service: ServiceProcess = await startServiceProcess(env);
    cleanups.push(() => service.stop());

    // Slack's API hangs: the service can acknowledge, but not answer anyone.
    fake.hold("users.info", true);
    const dm = (index: number) =>
      postToSlackEndpoint(`${service.url}/slack/events`, signingSecret, eventCallback({ type: "message", channel_type: "im", channel: `D${userId(index)}`, user: userId(index), text: "hello", ts: `1800000000.${String(index).padStart(6, "0")}` }, { eventId: `EvKILL${index}` }));
    const statuses: number[] = [];
    for (let batch = 0; batch < people; batch += 20) {
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, (_, offset) => dm(batch + offset)))).map((response) => response.status));
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(people);
    const exited = new Promise((resolve) => service.child.once("exit", resolve));
    service.child.kill("SIGKILL");
    await exited;

    fake.hold("users.info", false);
    service = await startServiceProcess(env);
    const replied = () => {
      const byChannel = new Map<string, number>();
      for (const call of fake.callsTo("chat.postMessage")) {
        if (call.failure || /^\*\* /.test(String(call.args.text))) continue;
        byChannel.set(String(call.args.channel), (byChannel.get(String(call.args.channel)) ?? 0) + 1);
      }
      return byChannel;
    };
    // What a dead worker had claimed waits for its lease (a minute) to run out; the rest is answered at once.
    const deadline = Date.now() + 150_000;
    while (replied().size < people) {
      if (Date.now() > deadline) throw new Error(`after restart: ${replied().size} of ${people} answered\n${service.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await service.stop()).toBe(0);
    const counts = replied();
    expect([...counts.keys()].sort()).toEqual(Array.from({ length: people }, (_, index) => `D${userId(index)}`).sort());
    expect([...counts.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    // Every request was written before it was acknowledged, and each is now marked processed.
    const database = await openDatabase(loadConfig(env).database);
    try {
      expect(await database.prisma.inboxMessage.count()).toBe(people);
      expect(await database.prisma.inboxMessage.count({ where: { processedAt: null } })).toBe(0);
    } finally {
      await database.close();
    }
  }, 240_000);
});
