// The organisation's context (4.1) and interested parties (4.2) through the local chat's HTTP API,
// over the demo organisation: recorded by governance, read by oversight, fed into the management review.
import { describe, expect, it } from "vitest";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { queueReminders } from "../../src/reminders/reminderScan.js";
import { firstOfKind as find, useLocalChat } from "../support/localChatSession.js";

describe("context and interested parties in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;

  const { say } = chat;

  it("shows the demo organisation's issues and parties to oversight, and not to members", async () => {
    const list = find(await say("daniel", "context"), "record_list")!;
    // Internal issues first, then external ones, then the parties.
    expect(list.items.map((item) => item.reference)).toEqual(["CTX-0002", "CTX-0001", "IP-0001", "IP-0002"]);
    expect(list.items[2]!.text).toMatch(/^Policyholders and claimants · requires: .* · source: .*Article 22.* · review 31 March 2027$/);
    expect(find(await say("tom", "context"), "error")!.text).toBe("Only the governance team, auditors and managers can see the organisation's context.");
  });

  it("records an external issue and an interested party in conversation, governance only", async () => {
    expect(find(await say("sofia", "add issue"), "error")!.text).toBe("Only the governance team can record the organisation's context and interested parties.");
    await say("amara", "add issue", "external", "The insurance regulator expects model risk management for all pricing models", "Pricing models need validation reports the AIMS must hold", "2027-04-30");
    const issue = find(await say("amara", "confirm"), "done")!;
    expect(issue).toMatchObject({ reference: "CTX-0003", title: "Recorded CTX-0003: external issue" });
    await say("amara", "add interested party", "Employees", "Training before using AI tools, and a safe way to raise concerns", "AI acceptable use policy; works council agreement", "2027-05-31");
    expect(find(await say("amara", "confirm"), "done")!.reference).toBe("IP-0003");
    expect(await chat.database.prisma.changeLog.count({ where: { entityRef: { in: ["CTX-0003", "IP-0003"] }, action: "create", channel: "local_chat" } })).toBe(2);
    expect(await chat.database.prisma.interestedParty.findUniqueOrThrow({ where: { reference: "IP-0003" } })).toMatchObject({ name: "Employees", source: "AI acceptable use policy; works council agreement" });
  });

  it("puts them in the management review inputs and the evidence pack", async () => {
    const scheduled = find(await say("amara", "schedule review 2027-01-20 Q4 management review"), "text")!.text;
    const review = /(REV-\d{4})/.exec(scheduled)![1]!;
    const inputs = (await say("amara", `review inputs ${review}`)).map((message) => ("text" in message ? message.text : "")).join("\n");
    expect(inputs).toContain("Changes in context: internal and external issues, interested parties");
    expect(inputs).toMatch(/CTX-0003 external issue: The insurance regulator expects .*\. Effect: .*\. Review 30 April 2027 \[new\]/);
    expect(inputs).toMatch(/IP-0003 Employees requires: Training before using AI tools.* \(source: AI acceptable use policy; works council agreement\)\. Review 31 May 2027 \[new\]/);

    const pack = await buildEvidencePack(chat.database.prisma, new Date(), { timeZone: "UTC", exportedBy: { personId: null, label: "test", channel: "cli" } });
    const index = (pack.find((file) => file.path === "README.md")!.content as string);
    expect(index).toContain("| Internal and external issues | issues, their effect on the AIMS, review dates | 3 | context-issues.md");
    expect(index).toContain("| Interested parties and their requirements | parties, requirements and where they come from | 3 | interested-parties.md");
    expect((pack.find((file) => file.path === "management-review-inputs.md")!.content as string)).toContain("IP-0003 Employees requires");
  });

  it("lets governance edit an issue or a party, which is how it is reviewed, and reminds governance before a review date", async () => {
    expect(find(await say("sofia", "edit CTX-0003"), "error")!.text).toBe("Only the governance team can record the organisation's context and interested parties.");
    expect(find(await say("amara", "edit CTX-0099"), "error")!.text).toBe('There is no context issue CTX-0099. Type "context" to see them.');
    const started = await say("amara", "edit CTX-0003");
    expect(started.map((message) => ("text" in message ? message.text : "")).join("\n")).toContain("Editing CTX-0003: the answers are as recorded; when should it be reviewed next?");
    expect(find(started, "question")!.stepId).toBe("reviewOn");
    const summary = find(await say("amara", "2027-10-31"), "summary")!;
    const effectStep = summary.fields.findIndex((field) => field.label === "Effect") + 1;
    await say("amara", `edit ${effectStep}`, "Pricing models need validation reports; the first two are planned for Q1");
    expect(find(await say("amara", "confirm"), "done")).toMatchObject({ reference: "CTX-0003", title: "CTX-0003 updated", lines: ["Next review by 31 October 2027; the change is in its history."] });
    expect(await chat.database.prisma.contextIssue.findUniqueOrThrow({ where: { reference: "CTX-0003" } })).toMatchObject({ effect: "Pricing models need validation reports; the first two are planned for Q1", reviewOn: new Date("2027-10-31T00:00:00Z"), kind: "external" });
    const history = await chat.database.prisma.changeLog.findMany({ where: { entityRef: "CTX-0003" }, orderBy: { id: "asc" } });
    expect(history.map((entry) => [entry.action, entry.actorLabel, Object.keys(entry.changes as object).sort().join(",")])).toEqual([["create", "Amara Okafor", expect.any(String)], ["update", "Amara Okafor", "effect,reviewOn"]]);

    await say("amara", "edit IP-0003", "2027-11-30", "confirm");
    expect((await chat.database.prisma.interestedParty.findUniqueOrThrow({ where: { reference: "IP-0003" } })).reviewOn).toEqual(new Date("2027-11-30T00:00:00Z"));

    // The demo's parties fall due for review on 31 March 2027: every governance member is reminded a week before.
    await queueReminders(chat.database.prisma, new Date("2027-03-24T10:00:00Z"), { daysBefore: [14, 7, 1], workingHours: { start: 9, end: 17 }, attestationMonths: 6, escalateAfterDays: 7 });
    const reminders = await chat.database.prisma.notification.findMany({ where: { recordRef: "context:IP-0001", kind: "reminder" } });
    expect(reminders.map((notice) => notice.audience).sort()).toEqual([`person:${people.get("amara")}`, `person:${people.get("lukas")}`].sort());
    expect(reminders[0]!.subject).toBe('Reminder: The review of interested party IP-0001 Policyholders and claimants ("edit IP-0001")');
    expect(await chat.database.prisma.notification.count({ where: { recordRef: "context:CTX-0003" } })).toBe(0);
  });
});
