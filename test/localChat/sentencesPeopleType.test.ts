// Commands asked for in whole sentences, and stories followed by a question, through the local
// chat's HTTP API: each reaches what the person asked for; a question about a thing stays a question.
import { describe, expect, it } from "vitest";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

describe("sentences people type instead of commands", () => {
  const chat = useLocalChat();
  const { people } = chat;
  const { say } = chat;

  it("lists an owner's systems when she asks in a sentence", async () => {
    const list = firstOfKind(await say("priya", "could you show me all the AI systems I own?"), "record_list");
    expect(list?.title).toBe("Your AI systems");
    expect(list?.items.length).toBeGreaterThan(0);
  });

  it("opens the incident or the system a question or a bare reference names", async () => {
    expect(firstOfKind(await say("amara", "what's the status of INC-0001?"), "incident")?.title).toMatch(/^INC-0001\b/);
    expect(firstOfKind(await say("amara", "AIS-0001"), "notice")?.subject).toMatch(/^AIS-0001 /);
  });

  it("shows the commands for \"help please\", and answers what a statement of applicability is", async () => {
    expect(firstOfKind(await say("tom", "help please"), "text")?.text).toMatch(/^You can type:/);
    const answer = await say("tom", "what is a statement of applicability?");
    expect(firstOfKind(answer, "answer")).toBeDefined();
    expect(firstOfKind(answer, "record_list")).toBeUndefined();
  });

  it("starts an incident report from a story that ends in \"how do I report this?\"", async () => {
    const text = "Copilot suggested code with a hardcoded api key from another repo and it got merged. how do i report this?";
    const reply = await say("tom", text);
    expect(firstOfKind(reply, "question")?.flowId).toBe("report_incident");
    const draft = await chat.database.prisma.conversationState.findFirst({ where: { userId: people.get("tom")!, status: "active" } });
    expect((draft?.answers as Record<string, unknown>).description).toBe(text);
    await say("tom", "cancel");
  });
});
