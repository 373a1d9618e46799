// `help` lists only the commands the person may use: every command an auditor or a member is shown is
// typed as they would type it, through the local chat's HTTP API over the demo organisation, and none
// is refused by the access policy; governance sees its own commands, owners theirs.
import { beforeAll, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

/** How the access policy words a refusal: "Only the governance team can …", "… is for managers and …". */
const refusedByPolicy = /^Only |\bis for (the |managers|system owners)|You don't own any AI system/;

describe("help by role in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  let openIncident = "";

  beforeAll(async () => {
    openIncident = (await chat.database.prisma.incident.findFirstOrThrow({ where: { confidential: false }, orderBy: { reference: "asc" } })).reference;
  });

  const { say } = chat;
  const helpOf = async (person: string) => firstOfKind(await say(person, "help"), "text")!.text;

  /** Each listed command's first form as a person types it ("note INC-0003 x", "risks", "schedule"). */
  function examplesIn(help: string): string[] {
    return help
      .split("\n")
      .filter((line) => line.startsWith("• "))
      .map((line) => line.slice(2).split(/: /)[0]!)
      .map((usage) => usage.split(/ \(| \| | · | \[/)[0]!.replace(/<[^>]+>/g, "checked").replace(/INC-0007/g, openIncident).trim());
  }

  const firstWords = (messages: OutgoingMessage[]) => {
    const first = messages[0] as { kind: string; text?: string; title?: string };
    return first.kind === "error" ? (first.text ?? "") : "";
  };

  it.each([
    ["an auditor", "daniel"],
    ["a member of staff", "tom"],
  ])("%s is shown no command the access policy refuses them", async (_who, person) => {
    const examples = examplesIn(await helpOf(person));
    expect(examples.length).toBeGreaterThan(10);
    for (const example of examples) {
      const reply = await say(person, example);
      expect(firstWords(reply), `${person} typed "${example}": ${JSON.stringify(reply[0])}`).not.toMatch(refusedByPolicy);
      await say(person, "cancel");
    }
  });

  it("an auditor is not offered the commands of owners and governance; a member not the registers of oversight", async () => {
    const auditor = await helpOf("daniel");
    for (const usage of ["note INC-0007", "notified INC-0007", "CA-0001 done", "update AIS-0001", "stage AIS-0001", "treat RSK-0001", "sign off RSK-0001", "measure OBJ-0001", "approve POL-0001", "edit POL-0001", "assess risk", "evidence pack"]) {
      expect(auditor, usage).not.toContain(`• ${usage}`);
    }
    for (const usage of ["risks", "lifecycle AIS-0001", "gap report", "nonconformities", "review inputs REV-0001", "people"]) expect(auditor, usage).toContain(`• ${usage}`);

    const member = await helpOf("tom");
    for (const usage of ["risks", "lifecycle AIS-0001", "impact AIS-0001", "gap report", "nonconformities", "review inputs REV-0001", "measure OBJ-0001", "CA-0001 done", "note INC-0007"]) {
      expect(member, usage).not.toContain(`• ${usage}`);
    }
    for (const usage of ["register", "report", "incidents", "my systems", "policy documents"]) expect(member, usage).toContain(`• ${usage}`);
  });

  it("a system owner sees what owners do, and governance sees the governance commands", async () => {
    const owner = await helpOf("kenji");
    for (const usage of ["update AIS-0001", "stage AIS-0001 proposed | development | pilot | production | retired", "treat RSK-0001", "CA-0001 done", "note INC-0007", "assess risk"]) expect(owner, usage).toContain(`• ${usage}`);
    expect(owner).not.toContain("• evidence pack");

    const governance = await helpOf("amara");
    for (const usage of ["evidence pack", "gap analysis", "policy questions", "people", "digest", "readiness", "approve POL-0001", "measure OBJ-0001"]) expect(governance, usage).toContain(`• ${usage}`);
  });

  it("moves a system an owner owns to the pilot stage", async () => {
    const system = await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { ownerId: people.get("kenji")!, lifecycleStage: { not: "pilot" }, status: "approved" }, orderBy: { reference: "asc" } });
    const reply = firstOfKind(await say("kenji", `stage ${system.reference} pilot`), "text")!.text;
    expect(reply).toBe(`${system.reference} ${system.name} is now in pilot (recorded in its change history).`);
    expect((await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } })).lifecycleStage).toBe("pilot");
  });
});
