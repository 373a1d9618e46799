// The Statement of Applicability through the local chat's HTTP API, as the browser page drives it.
import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { buildWeeklyDigest } from "../../src/digest/buildWeeklyDigest.js";
import { renderDigestMarkdown } from "../../src/digest/digestMarkdown.js";
import { exclusionNeedsJustification, parseEvidenceLinks, soaCsvRowSchema } from "../../src/domain/controlApplicability.js";
import { buildTable } from "../../src/export/recordExport.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

describe("evidence links and SoA spreadsheet rows", () => {
  it.each([
    ["https://docs.example/a, https://docs.example/b", ["https://docs.example/a", "https://docs.example/b"]],
    ["https://docs.example/a https://docs.example/a\nhttps://tickets.example/T-1", ["https://docs.example/a", "https://tickets.example/T-1"]],
    ["", []],
  ])("reads %j as links", (text, links) => {
    expect(parseEvidenceLinks(text)).toEqual({ ok: true, links });
  });

  it.each([["docs/procedure"], ["http://docs.example/a"], ["https://localhost"], ["https://docs.example/a, see the wiki"]])("refuses %j with a message naming what is wrong", (text) => {
    const result = parseEvidenceLinks(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/is not a full link|are not full links/);
  });

  it.each([
    [{ control: "A.6.2.4", applicable: "yes" }, { applicable: true, implementation: "not_started", justification: null, owner_email: null, evidence_links: [] }],
    [{ control: "a.6.2.4", applicable: "No", justification: " Not relevant ", implementation: "" }, { applicable: false, justification: "Not relevant" }],
    [{ control: "A.7.2", applicable: "TRUE", implementation: "In progress", owner_email: "Kenji.Tan@northwind.example" }, { implementation: "in_progress", owner_email: "kenji.tan@northwind.example" }],
  ])("reads the row %j", (row, expected) => {
    expect(soaCsvRowSchema.parse(row)).toMatchObject(expected);
  });

  it.each([
    [{ control: "A.6.2.4", applicable: "maybe" }, /Write yes or no/],
    [{ control: "A.6.2.4", applicable: "yes", implementation: "done" }, /not started, in progress or implemented/],
    [{ control: "A.6.2.4", applicable: "yes", owner_email: "kenji" }, /not an e-mail address/],
  ])("refuses the row %j", (row, message) => {
    const parsed = soaCsvRowSchema.safeParse(row);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join(" ")).toMatch(message);
  });
});

describe("the Statement of Applicability in the local chat", () => {
  const chat = useLocalChat();

  const { turn, say } = chat;
  const find = firstOfKind;
  const texts = (messages: OutgoingMessage[]) => messages.map((message) => ("text" in message ? message.text : "")).join("\n");
  const decision = (reference: string) => chat.database.prisma.controlApplicability.findUnique({ where: { reference }, include: { owner: true } });
  const historyOf = async (reference: string) => {
    const record = await chat.database.prisma.controlApplicability.findUniqueOrThrow({ where: { reference } });
    return chat.database.prisma.changeLog.findMany({ where: { entityType: "ControlApplicability", entityId: record.id }, orderBy: { id: "asc" } });
  };

  it("shows all 38 controls by objective, undecided at first", async () => {
    const reply = await say("tom", "soa");
    expect(texts(reply)).toContain("0 of 38 controls decided: 0 applicable (0 implemented, 0 in progress, 0 not started), 0 excluded.");
    const lists = reply.filter((message) => message.kind === "record_list");
    expect(lists.map((list) => list.title.split(" ")[0])).toEqual(["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"]);
    const items = lists.flatMap((list) => list.items);
    expect(items).toHaveLength(38);
    expect(items.find((item) => item.reference === "A.6.2.4")?.text).toMatch(/ · not yet decided$/);
  });

  it("lets governance decide on a control, with its change history", async () => {
    const opened = await say("amara", "soa a.6.2.4");
    expect(texts(opened)).toMatch(/^A\.6\.2\.4 \(.+\) is not yet decided/);
    expect(find(opened, "question")).toMatchObject({ flowId: "edit_soa_control", stepId: "applicable" });
    await say("amara", "yes", "Every model release is verified against its requirements", "in progress", "Kenji");
    const badLink = await say("amara", "the validation wiki page");
    expect(find(badLink, "error")!.text).toMatch(/not a full link.*https:\/\//);
    expect(find(badLink, "question")!.stepId).toBe("evidenceLinks");
    const summary = find(await say("amara", "https://docs.example/validation-procedure, https://tickets.example/VAL-12"), "summary")!;
    expect(summary.fields.map((field) => `${field.label}: ${field.value}`)).toEqual([
      expect.stringMatching(/^Control: A\.6\.2\.4 /),
      "Applicable: Yes",
      "Justification: Every model release is verified against its requirements",
      "Implementation: in progress",
      "Owner: Kenji Tan",
      "Evidence links: https://docs.example/validation-procedure, https://tickets.example/VAL-12",
    ]);
    const done = find(await say("amara", "confirm"), "done")!;
    expect(done).toMatchObject({ reference: "A.6.2.4", title: "Saved A.6.2.4: applicable · in progress · owner Kenji Tan" });
    expect(done.lines[0]).toContain("1 of 38 controls decided");
    expect(await decision("A.6.2.4")).toMatchObject({
      applicable: true,
      implementation: "in_progress",
      owner: { displayName: "Kenji Tan" },
      evidenceLinks: ["https://docs.example/validation-procedure", "https://tickets.example/VAL-12"],
      createdVia: "local_chat",
    });
    expect(await historyOf("A.6.2.4")).toMatchObject([{ action: "create", actorLabel: "Amara Okafor", entityRef: "A.6.2.4", channel: "local_chat" }]);

    // Opening it again starts from what is stored: one edit and a confirm change it.
    const reopened = await say("amara", "soa A.6.2.4");
    expect(texts(reopened)).toContain("is currently applicable · in progress · owner Kenji Tan");
    expect(find(reopened, "summary")).toBeDefined();
    await say("amara", "edit Implementation", "implemented");
    expect(find(await say("amara", "confirm"), "done")!.title).toBe("Saved A.6.2.4: applicable · implemented · owner Kenji Tan");
    const history = await historyOf("A.6.2.4");
    expect(history.map((entry) => entry.action)).toEqual(["create", "update"]);
    expect(history[1]!.changes).toEqual({ implementation: { from: "in_progress", to: "implemented" } });
  });

  it("refuses an exclusion without a justification and keeps the answers", async () => {
    await say("amara", "soa A.10.3", "no", "skip", "skip", "skip");
    const refused = await say("amara", "confirm");
    expect(find(refused, "error")!.text).toBe(exclusionNeedsJustification);
    expect(find(refused, "summary")!.fields.find((field) => field.label === "Applicable")!.value).toBe("No");
    expect(await decision("A.10.3")).toBeNull();

    await say("amara", "edit Justification", "We build no AI for customers and share none with suppliers");
    const done = find(await say("amara", "confirm"), "done")!;
    expect(done.title).toBe("Saved A.10.3: excluded");
    expect(await decision("A.10.3")).toMatchObject({ applicable: false, justification: "We build no AI for customers and share none with suppliers" });
    expect(await historyOf("A.10.3")).toHaveLength(1);
  });

  it("shows a member the control read-only and refuses their changes", async () => {
    const reply = await say("tom", "soa A.6.2.4");
    expect(find(reply, "question")).toBeUndefined();
    expect(texts(reply)).toMatch(/A\.6\.2\.4 [\s\S]*Applicable: yes[\s\S]*Implementation: implemented[\s\S]*Owner: Kenji Tan/);
    expect(texts(reply)).toContain("Only the governance team can change the Statement of Applicability.");

    // Starting the questions some other way (a forged button) is refused at the start.
    const started = await turn("tom", { kind: "start", flowId: "edit_soa_control", prefill: { control: "A.2.2" } });
    expect(find(started, "question")).toBeUndefined();
    expect(find(started, "error")!.text).toBe("Only the governance team can change the Statement of Applicability.");
    expect(await decision("A.2.2")).toBeNull();
  });

  it("explains what control identifiers look like", async () => {
    const reply = await say("amara", "soa A.99.1");
    expect(find(reply, "error")!.text).toBe('I don\'t know the control "A.99.1". Annex A identifiers look like A.2.2, A.6.2.4 or A.10.3; type "soa" to see all 38.');
  });

  it("counts the decisions in the coverage, the digest and the export", async () => {
    expect(texts(await say("amara", "soa"))).toContain("2 of 38 controls decided: 1 applicable (1 implemented, 0 in progress, 0 not started), 1 excluded.");
    const digest = await buildWeeklyDigest(chat.database.prisma, { now: new Date(), timeZone: "UTC" });
    expect(digest.statementOfApplicability).toEqual({ controls: 38, decided: 2, excluded: 1, implemented: 1 });
    expect(renderDigestMarkdown(digest)).toContain("## Statement of Applicability\n2 of 38 Annex A controls decided · 1 implemented · 1 excluded");
    const table = await buildTable(chat.database.prisma, "soa");
    expect(new Set(table.rows.map((row) => row.control)).size).toBe(38);
    expect(table.rows).toHaveLength(38);
    expect(table.rows.find((row) => row.control === "A.6.2.4")).toMatchObject({ decided: true, implementation: "implemented", ownerName: "Kenji Tan", lastChangedBy: "Amara Okafor" });
    expect(table.rows.find((row) => row.control === "A.2.2")).toMatchObject({ decided: false, applicable: null });
  });
});
