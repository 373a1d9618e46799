// A gap analysis against clauses 4–10 through the local chat's HTTP API, run twice to show progress.
import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { gapAnalysisPrefill } from "../../src/gap/flows/gapAnalysisFlow.js";
import { gapChange } from "../../src/domain/gapAnalysis.js";
import { buildTable, exportText } from "../../src/export/recordExport.js";
import type { GapStatus } from "../../src/generated/prisma/enums.js";
import { clauseGroupOf, requirementClauses } from "../../src/iso42001/catalog.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

describe("reading one analysis against the one before", () => {
  it.each([
    ["missing", "partial", "improved"],
    ["partial", "in_place", "improved"],
    ["missing", "in_place", "improved"],
    ["in_place", "partial", "worsened"],
    ["partial", "missing", "worsened"],
    ["partial", "partial", "unchanged"],
  ] as [GapStatus, GapStatus, string][])("%s → %s is %s", (before, after, change) => {
    expect(gapChange(before, after)).toBe(change);
  });
});

describe("a gap analysis in the local chat", () => {
  const chat = useLocalChat();

  const { turn, say } = chat;
  const find = firstOfKind;
  const texts = (messages: OutgoingMessage[]) => messages.map((message) => ("text" in message ? message.text : "")).join("\n");

  // Every third clause in place, then partial, then missing; gaps get a note and alternately an owner.
  const statusOf = (index: number): GapStatus => (["in_place", "partial", "missing"] as const)[index % 3]!;
  const words: Record<GapStatus, string> = { in_place: "in place", partial: "partial", missing: "missing" };

  it("walks all 32 clauses, and the report counts what was answered", async () => {
    expect(requirementClauses).toHaveLength(32);
    const opened = await say("amara", "gap analysis");
    expect(find(opened, "question")).toMatchObject({ flowId: "gap_analysis", stepId: "status_4_1", progress: { step: 1 } });
    expect(find(opened, "question")!.prompt).toBe("4.1 Organizational context and relevant issues: is this in place?");
    let last: OutgoingMessage[] = opened;
    for (const [index, clause] of requirementClauses.entries()) {
      const status = statusOf(index);
      last = await say("amara", words[status]);
      if (status === "in_place") continue;
      expect(find(last, "question")!.stepId).toBe(`note_${clause.id.replace(/\./g, "_")}`);
      last = await say("amara", `Nothing written down for ${clause.id} yet`, index % 2 === 0 ? "Lukas" : "skip");
    }
    expect(find(last, "summary")).toBeDefined();
    const done = find(await say("amara", "confirm"), "done")!;
    expect(done.reference).toBe("GAP-0001");
    expect(done.lines[0]).toBe("11 in place, 11 partial, 10 missing of 32 clauses.");
    const analysis = await chat.database.prisma.gapAnalysis.findUniqueOrThrow({ where: { reference: "GAP-0001" }, include: { findings: true } });
    expect(analysis.findings).toHaveLength(32);
    expect(await chat.database.prisma.changeLog.count({ where: { entityType: "GapAnalysis", entityId: analysis.id, action: "create" } })).toBe(1);

    const report = await say("priya", "gap report");
    const expected = (group: string) => {
      const statuses = requirementClauses.flatMap((clause, index) => (clauseGroupOf(clause.id) === group ? [statusOf(index)] : []));
      const count = (status: GapStatus) => statuses.filter((candidate) => candidate === status).length;
      return `${count("in_place")} in place, ${count("partial")} partial, ${count("missing")} missing`;
    };
    for (const group of ["4", "5", "6", "7", "8", "9", "10"]) expect(texts(report)).toMatch(new RegExp(`^${group} [^:]+: ${expected(group)}$`, "m"));
    expect(texts(report)).toContain("This is the first gap analysis: nothing to compare with yet.");
    const gaps = find(report, "record_list")!;
    expect(gaps.items).toHaveLength(21);
    expect(gaps.items[0]).toEqual({ reference: "4.2", text: "partial · Interested parties and their requirements · Nothing written down for 4.2 yet · no owner yet" });
    expect(gaps.items[1]).toEqual({ reference: "4.3", text: "missing · Defining the boundaries of the AIMS · Nothing written down for 4.3 yet · owner Lukas Brandt" });
  });

  it("starts a re-run from the previous answers and reports the progress", async () => {
    const opened = await say("amara", "gap analysis");
    expect(texts(opened)).toContain("I have filled in the answers from GAP-0001");
    const summary = find(opened, "summary")!;
    expect(summary.fields.find((field) => field.stepId === "status_4_2")!.value).toBe("partial");
    // 4.2 is now in place; 4.1 slipped back to missing and needs a note and an owner.
    await turn("amara", { kind: "command", command: "edit", stepId: "status_4_2" });
    expect(find(await say("amara", "in place"), "summary")).toBeDefined();
    await turn("amara", { kind: "command", command: "edit", stepId: "status_4_1" });
    const note = await say("amara", "missing");
    expect(find(note, "question")!.stepId).toBe("note_4_1");
    expect(find(await say("amara", "The context review lapsed", "me"), "summary")).toBeDefined();
    expect(find(await say("amara", "confirm"), "done")!.reference).toBe("GAP-0002");

    const report = texts(await say("daniel", "gap report"));
    expect(report).toContain("Gap analysis GAP-0002");
    expect(report).toContain("Since GAP-0001: 1 improved: 4.2 partial → in place. 1 worsened: 4.1 in place → missing.");
    expect(report).toMatch(/^4 [^:]+: 2 in place, 0 partial, 2 missing$/m);

    const markdown = await exportText(chat.database.prisma, "gap", "md");
    expect(markdown).toContain("# Gap analysis GAP-0002");
    expect(markdown).toContain("| 4.1 Organizational context and relevant issues | missing | The context review lapsed | Amara Okafor |");
    const table = await buildTable(chat.database.prisma, "gap");
    expect(table.rows).toHaveLength(32);
    expect(table.rows.find((row) => row.clause === "4.2")).toMatchObject({ status: "in_place", previousStatus: "partial", change: "improved" });
  });

  it("refuses members both the analysis and the report", async () => {
    expect(find(await say("tom", "gap analysis"), "error")!.text).toBe("Only the governance team can record the gap analysis.");
    expect(find(await say("tom", "gap report"), "error")!.text).toBe("Only the governance team, auditors or managers can see the gap analysis.");
    // Starting it some other way (a forged button) is refused at the start, before any question.
    const prefill = gapAnalysisPrefill({ reference: "GAP-0002", findings: requirementClauses.map((clause) => ({ clauseId: clause.id, status: "in_place" as const, note: null, owner: null })) });
    const started = await turn("tom", { kind: "start", flowId: "gap_analysis", prefill });
    expect(find(started, "summary")).toBeUndefined();
    expect(find(started, "error")!.text).toBe("Only the governance team can record the gap analysis.");
    expect(await chat.database.prisma.gapAnalysis.count()).toBe(2);
  });
});
