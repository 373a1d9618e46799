// Through the local chat's HTTP API: the main menu offers each person only the flows they could
// finish.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import type { OutgoingMessage, TurnInput } from "../../src/conversations/messages.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { startService, type RunningService } from "../../src/service.js";
import { createStore } from "../../src/store/store.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

describe("menus and shadow-AI drafts in the local chat", () => {
  let database: TestDatabase;
  let service: RunningService;
  const people = new Map<string, string>();

  beforeAll(async () => {
    database = await openTestDatabase("embedded");
    const demo = await loadDemoOrganisation(createStore(database.prisma));
    for (const [key, id] of demo.personIds) people.set(key, id);
    service = await startService({ ...loadConfig({ LOCAL_CHAT: "on" }), port: 0 }, pino({ level: "silent" }), { database });
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
  });

  async function turn(person: string, input: TurnInput): Promise<OutgoingMessage[]> {
    const response = await fetch(`${service.url}/chat/api/turn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personId: people.get(person), conversationId: `local-${person}`, input }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: OutgoingMessage[] }).messages;
  }
    const find = <K extends OutgoingMessage["kind"]>(messages: OutgoingMessage[], kind: K) => messages.find((message) => message.kind === kind) as Extract<OutgoingMessage, { kind: K }> | undefined;
  const menuOf = async (person: string) => find(await turn(person, { kind: "command", command: "menu" }), "menu")!.options.map((option) => option.label);

  it.each([
    ["tom", "a member", false],
    ["daniel", "an auditor", false],
    ["sofia", "an owner", true],
    ["amara", "governance", true],
  ])("offers %s (%s) the risk and impact assessments: %s", async (person, _who, offered) => {
    const menu = await menuOf(person);
    expect(menu).toContain("Register an AI system");
    expect(menu.includes("Assess an AI risk")).toBe(offered);
    expect(menu.includes("Assess an AI system's impact")).toBe(offered);
  });
});
