// The supplier register (A.10.2, A.10.3) through the local chat's HTTP API: governance adds a
// supplier in a conversation, others are refused, the register lists it, it is exported and in the
// evidence pack, and its owner is reminded before the review date.
import { pino } from "pino";
import { displayDate } from "../../src/domain/dateDisplay.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import type { OutgoingMessage, TurnInput } from "../../src/conversations/messages.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { exportText } from "../../src/export/recordExport.js";
import { startService, type RunningService } from "../../src/service.js";
import { createStore } from "../../src/store/store.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

describe("the supplier register", () => {
  let database: TestDatabase;
  let service: RunningService;
  const people = new Map<string, string>();
  let now = new Date();

  beforeAll(async () => {
    database = await openTestDatabase("embedded");
    const demo = await loadDemoOrganisation(createStore(database.prisma));
    for (const [key, id] of demo.personIds) people.set(key, id);
    service = await startService({ ...loadConfig({ LOCAL_CHAT: "on" }), port: 0 }, pino({ level: "silent" }), { database, clock: () => now });
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
  });

  async function say(person: string, text: string): Promise<OutgoingMessage[]> {
    const input: TurnInput = { kind: "text", text };
    const response = await fetch(`${service.url}/chat/api/turn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personId: people.get(person), conversationId: `local-${person}`, input }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: OutgoingMessage[] }).messages;
  }
  const texts = (messages: OutgoingMessage[]) => JSON.stringify(messages);

  it("is kept by governance in a conversation, listed, exported, in the pack, and its review is reminded", async () => {
    const copilot = (await database.prisma.aiSystem.findFirstOrThrow({ where: { name: "GitHub Copilot" } })).reference;
    expect(texts(await say("tom", "add supplier"))).toContain("Only the governance team keeps the supplier register.");
    expect(texts(await say("tom", "suppliers"))).toContain("The supplier register is for the governance team and auditors.");

    for (const answer of ["add supplier", "GitHub (Microsoft)"]) await say("amara", answer);
    expect(texts(await say("amara", "the copilot one"))).toContain("Please give the inventory references of the systems it supplies");
    for (const answer of [copilot, "yes", "2026-09-15", "MSA-2025-114", "They: model updates, uptime, incident notice within 24 h. We: repository settings, human review of suggestions.", "Kenji"]) await say("amara", answer);
    const reviewOn = new Date(now.getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
    await say("amara", reviewOn);
    const done = (await say("amara", "confirm")).find((message) => message.kind === "done") as Extract<OutgoingMessage, { kind: "done" }>;
    // The demo organisation's register holds SUP-0001 to SUP-0004.
    expect(done.reference).toBe("SUP-0005");

    const register = texts(await say("daniel", "suppliers"));
    expect(register).toContain(`GitHub (Microsoft) · supplies ${copilot} GitHub Copilot · due diligence 15 September 2026 · contract MSA-2025-114 · owner Kenji Tan · review ${displayDate(reviewOn)}`);

    const rows = JSON.parse(await exportText(database.prisma, "suppliers", "json")) as Record<string, unknown>[];
    expect(rows.find((row) => row.reference === "SUP-0005")).toMatchObject({ reference: "SUP-0005", systemReferences: [copilot], dueDiligenceDone: true, ownerName: "Kenji Tan", lastChangedBy: "Amara Okafor", responsibilities: expect.stringContaining("incident notice within 24 h") });
    const pack = await buildEvidencePack(database.prisma, now, { timeZone: "UTC", exportedBy: { personId: null, label: "test", channel: "cli" } });
    expect(pack.find((file) => file.path === "README.md")?.content).toMatch(/\| Supplier register \| [^|]+ \| 5 \|/);
    expect(pack.find((file) => file.path === "README.md")?.content).toMatch(/\| A\.10\.2 [^|]+ \| [^|]*supplier-register\.\w+: 4/);

    // Five days before the review date is within the reminder window: Kenji is reminded.
    await service.runScheduledWork();
    const kenji = await database.prisma.notification.findMany({ where: { audience: `person:${people.get("kenji")}` } });
    expect(kenji.map((notice) => `${notice.subject} ${notice.text}`).join("\n")).toContain("The review of supplier SUP-0005 GitHub (Microsoft)");
  });

  it("refuses systems that are not in the inventory, without losing the other answers", async () => {
    for (const answer of ["add supplier", "Acme AI", "AIS-0999", "no", "skip", "They host it; we check the outputs.", "me"]) await say("lukas", answer);
    await say("lukas", new Date(now.getTime() + 200 * 86_400_000).toISOString().slice(0, 10));
    const refused = texts(await say("lukas", "confirm"));
    expect(refused).toContain("AIS-0999 is not in the AI system inventory");
    expect(refused).toContain("Acme AI");
    expect(await database.prisma.supplier.count()).toBe(5);
  });
});
