// Through the local chat's HTTP API: the main menu offers each person only the flows they could
// finish, and a reported shadow-AI draft completed by its owner is sent for approval like a new
// registration.
import { describe, expect, it } from "vitest";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

describe("menus and shadow-AI drafts in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;

  const { turn, say } = chat;
  const find = firstOfKind;
  const menuOf = async (person: string) => find(await turn(person, { kind: "command", command: "menu" }), "menu")!.options.map((option) => option.label);
  const subjects = async (person: string) =>
    ((await (await fetch(`${chat.service.url}/chat/api/notifications?personId=${people.get(person)}`)).json()) as { subject: string }[]).map((notice) => notice.subject);

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

  it("sends a shadow-AI draft for approval once its owner completes the entry", async () => {
    const draft = await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { status: "draft", name: { startsWith: "ChatGPT" } } });
    // The governance team found its owner.
    await chat.database.prisma.aiSystem.update({ where: { id: draft.id }, data: { ownerId: people.get("sofia")! } });
    expect(await subjects("amara")).not.toContain(`New AI system awaiting review: ${draft.reference}`);

    expect(find(await say("tom", `complete ${draft.reference}`), "error")!.text).toBe(`Only its owner, Sofia Alvarez, or the governance team can complete ${draft.reference}.`);
    expect(find(await say("sofia", `system ${draft.reference}`), "notice")!.actions.map((action) => action.label)).toEqual(["Complete registration"]);
    let reply = await turn("sofia", { kind: "record_action", reference: draft.reference, action: "complete" });
    expect(find(reply, "question") ?? find(reply, "summary"), JSON.stringify(reply)).toBeDefined();
    for (const [question, answer] of [
      ["intendedUse", "Handlers draft decline letters; a handler edits and sends each one"],
      ["affectedParties", "customers"],
      ["autonomyLevel", "advises"],
      ["regulatedDomain", "none"],
      ["lifecycleStage", "in production"],
      ["inAimsScope", "yes"],
    ] as const) {
      const asked = find(reply, "question");
      if (asked?.stepId !== question) continue;
      reply = await say("sofia", answer);
    }
    expect(find(reply, "summary"), JSON.stringify(reply)).toBeDefined();
    const done = find(await say("sofia", "confirm"), "done")!;
    expect(done.title).toBe(`Completed ${draft.reference}: ${draft.name}`);
    expect(done.lines).toContain("Status: pending review by the governance team, who have been notified.");

    const stored = await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.status).toBe("pending_review");
    expect(await subjects("amara")).toContain(`New AI system awaiting review: ${draft.reference}`);
    // Governance can now decide on it: the notice carries Approve and Reject.
    const notice = await chat.database.prisma.notification.findFirstOrThrow({ where: { recordRef: draft.reference, kind: "system_registered" } });
    expect(JSON.stringify(notice.actions)).toContain("approve");
  });
});
