// With OpenAI configured, a first message the offline rules are unsure of is read by the model
// (structured output checked with zod); a reply outside the schema or a failure keeps the rules' menu.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { startService, type RunningService } from "../../src/service.js";
import { createStore } from "../../src/store/store.js";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fakeOpenAi.js";
import { firstOfKind, localChatTurns } from "../support/localChatSession.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

describe("the optional message classifier", () => {
  let openai: FakeOpenAi;
  let database: TestDatabase;
  let service: RunningService;
  const people = new Map<string, string>();

  beforeAll(async () => {
    openai = await startFakeOpenAi();
    database = await openTestDatabase("embedded");
    const demo = await loadDemoOrganisation(createStore(database.prisma));
    for (const [key, id] of demo.personIds) people.set(key, id);
    const config = loadConfig({ LOCAL_CHAT: "on", OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: openai.url });
    service = await startService({ ...config, port: 0 }, pino({ level: "silent" }), { database });
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
    await openai.close();
  });

  const { say } = localChatTurns(() => service.url, people);
  const routeRequests = () => openai.requests.filter((request) => JSON.stringify(request.response_format ?? {}).includes("message_route"));

  it("asks the model only when the rules are unsure, and follows its checked answer", async () => {
    openai.respondWith(() => ({ content: JSON.stringify({ route: "report_incident" }) }));
    await say("tom", "what can you do?");
    expect(routeRequests()).toHaveLength(0);
    const reply = await say("tom", "the fraud model");
    expect(routeRequests()).toHaveLength(1);
    expect(firstOfKind(reply, "question")?.flowId).toBe("report_incident");
    await say("tom", "cancel");
  });

  it("keeps the menu when the model answers outside the schema or fails", async () => {
    openai.respondWith(() => ({ content: JSON.stringify({ route: "delete_everything" }) }));
    expect(firstOfKind(await say("tom", "customer data"), "menu")?.text).toMatch(/I'm not sure/);
    openai.respondWith(() => ({ status: 500 }));
    expect(firstOfKind(await say("tom", "hmm"), "menu")?.text).toMatch(/I'm not sure/);
  });
});
