// A user-documentation link per AI system (A.8.2), through the local chat's HTTP API: recorded by its
// owner, refused to others, shown on the system, kept in the history and in the inventory export.
import { beforeAll, describe, expect, it } from "vitest";
import { exportText } from "../../src/export/recordExport.js";
import { localChatTurns, useLocalChat } from "../support/localChatSession.js";

describe("user documentation of an AI system", () => {
  const chat = useLocalChat();
  const { people } = chat;
  let reference = "";

  beforeAll(async () => {
    // Commercial Submission Triage is Priya's.
    reference = (await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { name: "Commercial Submission Triage" } })).reference;
  });

  const turns = localChatTurns(() => chat.service.url, people);
  /** What the person reads in the reply. */
  const say = async (person: string, text: string): Promise<string> =>
    (await turns.say(person, text)).map((message) => ("text" in message ? String(message.text) : "")).join("\n");

  it("is recorded by the system's owner and shown on the system, in its history and in the inventory export", async () => {
    expect(await say("tom", `docs ${reference}`)).toMatch(/User documentation: none recorded/);
    expect(await say("tom", `docs ${reference} https://help.northwind.example/ai/submissions`)).toMatch(/Only its owner, Priya .*, or the governance team can record/);
    expect(await say("priya", `docs ${reference} the help centre page`)).toMatch(/"the help centre page" is not a link\. Please give the full address/);

    expect(await say("priya", `docs ${reference} https://help.northwind.example/ai/submissions`)).toMatch(/user documentation recorded/);
    expect(await say("tom", `system ${reference}`)).toContain("User documentation: https://help.northwind.example/ai/submissions");

    const system = await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference } });
    const history = await chat.database.prisma.changeLog.findMany({ where: { entityId: system.id }, orderBy: { id: "desc" }, take: 1 });
    expect(history[0]).toMatchObject({ actorLabel: expect.stringMatching(/^Priya/), channel: "local_chat", changes: { userDocumentationUrl: { from: null, to: "https://help.northwind.example/ai/submissions" } } });

    const rows = JSON.parse(await exportText(chat.database.prisma, "systems", "json")) as Record<string, unknown>[];
    expect(rows.find((row) => row.reference === reference)).toMatchObject({ userDocumentationUrl: "https://help.northwind.example/ai/submissions" });
    const csv = await exportText(chat.database.prisma, "systems", "csv");
    expect(csv.split("\n")[0]).toContain("userDocumentationUrl");
  });

  it("may be recorded by governance for any system", async () => {
    expect(await say("amara", `system ${reference} docs https://help.northwind.example/ai/submissions-v2`)).toMatch(/user documentation recorded/);
    expect(await say("amara", `docs ${reference}`)).toContain("User documentation: https://help.northwind.example/ai/submissions-v2");
  });
});
