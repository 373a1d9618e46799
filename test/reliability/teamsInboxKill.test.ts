// The Bot Framework connector considers an acknowledged activity delivered. 100 messages from 100
// people are acknowledged by a real service process (Teams in emulator mode) while the connector is
// down (so none can be answered), the process is killed with SIGKILL, and a new one is started:
// every person gets exactly one reply, and a retried activity id is processed once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { openDatabase } from "../../src/store/database.js";
import { startFakeBotConnector, type FakeBotConnector } from "../support/fakeBotConnector.js";
import { freePort, startServiceProcess, type ServiceProcess } from "../support/processes.js";
import { createPostgresDatabase } from "../support/testDatabase.js";

const people = 100;
const personId = (index: number) => `29:kill-${String(index).padStart(3, "0")}`;
const personalChat = (index: number) => `a:personal-${personId(index)}`;

describe("acknowledged Teams activities across a kill -9", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it(`answers each of ${people} acknowledged messages exactly once after the process is killed and restarted`, async () => {
    const connector: FakeBotConnector = await startFakeBotConnector();
    cleanups.push(() => connector.close());
    const env: Record<string, string> = { TEAMS_EMULATOR: "on", LOCAL_CHAT: "off", LOG_LEVEL: "warn", PORT: String(await freePort()) };
    if (process.env.TEST_DATABASE_URL) {
      const { url, drop } = await createPostgresDatabase();
      env.DATABASE_URL = url;
      cleanups.push(drop);
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-teams-kill-"));
      env.AIMS_DATA_DIR = path.join(dir, "data");
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    }
    let service: ServiceProcess = await startServiceProcess(env);
    cleanups.push(() => service.stop());

    // The connector is down: the service can acknowledge, but not answer anyone.
    connector.hold(true);
    const message = (index: number) => ({
      type: "message",
      id: `kill-activity-${index}`,
      channelId: "msteams",
      serviceUrl: connector.url,
      timestamp: new Date().toISOString(),
      from: { id: personId(index), name: `Person ${index}`, aadObjectId: `aad-kill-${index}` },
      recipient: { id: "28:aims-bot", name: "AIMS Assistant" },
      conversation: { id: personalChat(index), conversationType: "personal", tenantId: "tenant-1" },
      channelData: { tenant: { id: "tenant-1" } },
      text: "help",
    });
    const post = (index: number) => fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message(index)) });
    const statuses: number[] = [];
    for (let batch = 0; batch < people; batch += 20) {
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, (_, offset) => post(batch + offset)))).map((response) => response.status));
    }
    // The connector retries one it thinks was lost: written once, so answered once.
    statuses.push((await post(0)).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(people + 1);
    const exited = new Promise((resolve) => service.child.once("exit", resolve));
    service.child.kill("SIGKILL");
    await exited;

    connector.hold(false);
    service = await startServiceProcess(env);
    const replied = () => {
      const byConversation = new Map<string, number>();
      for (const call of connector.calls) if (call.kind === "send") byConversation.set(call.conversationId, (byConversation.get(call.conversationId) ?? 0) + 1);
      return byConversation;
    };
    // What a dead worker had claimed waits for its lease (a minute) to run out; the rest is answered at once.
    const deadline = Date.now() + 150_000;
    while (replied().size < people) {
      if (Date.now() > deadline) throw new Error(`after restart: ${replied().size} of ${people} answered\n${service.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await service.stop()).toBe(0);
    const counts = replied();
    expect([...counts.keys()].sort()).toEqual(Array.from({ length: people }, (_, index) => personalChat(index)).sort());
    expect([...counts.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    // Every activity was written before it was acknowledged, once, and each is now marked processed.
    const database = await openDatabase(loadConfig(env).database);
    try {
      expect(await database.prisma.inboxMessage.count({ where: { platform: "teams" } })).toBe(people);
      expect(await database.prisma.inboxMessage.count({ where: { processedAt: null } })).toBe(0);
    } finally {
      await database.close();
    }
  }, 240_000);
});
