// Adaptive Card rendering of long review summaries: under Teams' card size limit (about 28 KB),
// with Confirm, Cancel and a way to edit every answer.
import { describe, expect, it } from "vitest";
import { editStepInputId, renderCard } from "../../src/channels/teams/adaptiveCards.js";
import { inputFromCard } from "../../src/channels/teams/teamsTurns.js";
import type { OutgoingMessage } from "../../src/conversations/messages.js";

const summary = (count: number, value = (index: number) => `Answer ${index}`): OutgoingMessage => ({
  kind: "summary",
  flowId: "gap_analysis",
  title: "Please check your gap analysis",
  fields: Array.from({ length: count }, (_, index) => ({ stepId: `step_${index}`, label: `Clause ${index} with a fairly long title`, value: value(index) })),
});

const actionTitles = (card: unknown) => [...JSON.stringify(card).matchAll(/"type":"Action.Submit","title":"([^"]+)"/g)].map((match) => match[1]);

describe("a review summary in Teams", () => {
  it("keeps one Edit action per answer while the card is small", () => {
    const card = renderCard([summary(5)]);
    expect(actionTitles(card).filter((title) => title === "Edit")).toHaveLength(5);
    expect(actionTitles(card)).toEqual(expect.arrayContaining(["Confirm and save", "Cancel"]));
  });

  it.each([
    ["80 short answers", (index: number) => `Answer ${index}`],
    ["80 answers of 1000 characters", (index: number) => `${index} `.padEnd(1000, "x")],
  ])("fits %s under 28 KB with Confirm, Cancel and a list of every answer to edit", (_what, value) => {
    const card = renderCard([summary(80, value)]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
    expect(actionTitles(card)).toEqual(["Confirm and save", "Edit", "Cancel"]);
    const picker = card.body.find((element) => element.id === editStepInputId) as { choices: { value: string }[] };
    expect(picker.choices.map((choice) => choice.value)).toEqual(Array.from({ length: 80 }, (_, index) => `step_${index}`));
  });

  it("turns Edit with a picked answer into editing that answer, and without one into a plain edit", () => {
    expect(inputFromCard({ aims: "command", command: "edit", [editStepInputId]: "step_7" })).toEqual({ kind: "command", command: "edit", stepId: "step_7" });
    expect(inputFromCard({ aims: "command", command: "edit" })).toEqual({ kind: "command", command: "edit" });
    expect(inputFromCard({ aims: "command", command: "confirm", [editStepInputId]: "step_7" })).toEqual({ kind: "command", command: "confirm" });
  });
});

describe("text on several lines in Teams", () => {
  it("keeps each line of an answer on a line of its own (Markdown needs a blank line for a break)", () => {
    const answer: OutgoingMessage = {
      kind: "answer",
      answered: true,
      routable: false,
      text: "I'm not certain; these sections look closest:\n• Approvals [rules.md §2]: Ask first.\n• Tools [rules.md §3]: Use the approved ones.",
      citations: [{ document: "rules.md", section: "2", heading: "Approvals", label: "Rules (Version 1) §2 Approvals" }],
    };
    const blocks = renderCard([answer]).body as { type: string; text?: string }[];
    expect(blocks[0]!.text!.split("\n\n")).toEqual(["I'm not certain; these sections look closest:", "• Approvals [rules.md §2]: Ask first.", "• Tools [rules.md §3]: Use the approved ones."]);
    expect(blocks[1]!.text).toBe("Rules (Version 1) §2 Approvals");
  });
});
