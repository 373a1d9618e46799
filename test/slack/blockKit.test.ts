// Block Kit rendering of long review summaries: they must stay within Slack's limits (50 blocks,
// 3000 characters of text per section) and keep the Confirm, Edit and Cancel controls.
import { describe, expect, it } from "vitest";
import type { KnownBlock } from "@slack/types";
import { renderSlackMessage } from "../../src/channels/slack/blockKit.js";
import { listensTo } from "../../src/channels/slack/actionIds.js";
import type { OutgoingMessage } from "../../src/conversations/messages.js";

const summary = (count: number, value = (index: number) => `Answer ${index}`): OutgoingMessage => ({
  kind: "summary",
  flowId: "gap_analysis",
  title: "Please check your gap analysis",
  fields: Array.from({ length: count }, (_, index) => ({ stepId: `step_${index}`, label: `Clause ${index} with a fairly long title`, value: value(index) })),
});

type Element = { type: string; text?: { text: string }; value?: string; action_id?: string; options?: { value: string }[] };
const elements = (blocks: KnownBlock[]) => blocks.flatMap((block) => ((block as { elements?: Element[] }).elements ?? []).concat((block as { accessory?: Element }).accessory ?? []));
const buttons = (blocks: KnownBlock[]) => elements(blocks).filter((element) => element.type === "button").map((element) => element.text!.text);
const editableSteps = (blocks: KnownBlock[]) =>
  elements(blocks).flatMap((element) =>
    element.type === "static_select" ? element.options!.map((option) => JSON.parse(option.value).stepId) : element.text?.text === "Edit" ? [JSON.parse(element.value!).stepId] : [],
  );
const sectionTextLength = (block: KnownBlock) => {
  const section = block as { text?: { text: string }; fields?: { text: string }[] };
  return (section.text?.text.length ?? 0) + (section.fields ?? []).reduce((total, field) => total + field.text.length, 0);
};

describe("a review summary in Slack", () => {
  it("keeps one Edit button per answer while the summary fits", () => {
    const { blocks } = renderSlackMessage([summary(5)]);
    expect(blocks).toHaveLength(7);
    expect(buttons(blocks).filter((label) => label === "Edit")).toHaveLength(5);
    expect(buttons(blocks)).toEqual(expect.arrayContaining(["Confirm and save", "Cancel"]));
  });

  it.each([
    ["80 short answers", 80, (index: number) => `Answer ${index}`],
    ["80 answers of 1000 characters", 80, (index: number) => `${index} `.padEnd(1000, "x")],
    ["150 answers", 150, (index: number) => `Answer ${index}`],
  ])("fits %s in 50 blocks with Confirm, Cancel and every answer editable", (_what, count, value) => {
    const { blocks } = renderSlackMessage([{ kind: "error", text: "Please confirm or edit." }, summary(count, value)]);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(buttons(blocks)).toEqual(expect.arrayContaining(["Confirm and save", "Cancel"]));
    expect(new Set(editableSteps(blocks)).size).toBe(count);
    for (const block of blocks) {
      expect(sectionTextLength(block)).toBeLessThanOrEqual(3000);
      expect(((block as { fields?: unknown[] }).fields ?? []).length).toBeLessThanOrEqual(10);
    }
    for (const element of elements(blocks)) expect(element.options?.length ?? 0).toBeLessThanOrEqual(100);
  });

  it("never repeats an action_id within one actions block (Slack refuses the message)", () => {
    const question: OutgoingMessage = {
      kind: "question", flowId: "f", stepId: "kind", prompt: "Which kind?", input: "single_choice", optional: true, canGoBack: true, progress: { step: 2, of: 5 },
      choices: [{ value: "a", label: "A" }, { value: "b", label: "B" }, { value: "c", label: "C" }],
    };
    const menu: OutgoingMessage = { kind: "menu", text: "Start here:", options: [{ flowId: "one", label: "One", description: "" }, { flowId: "two", label: "Two", description: "" }] };
    for (const messages of [[summary(5)], [summary(80)], [question], [menu]]) {
      for (const block of renderSlackMessage(messages).blocks.filter((candidate) => candidate.type === "actions")) {
        const ids = elements([block]).map((element) => element.action_id);
        expect(new Set(ids).size, JSON.stringify(ids)).toBe(ids.length);
      }
    }
  });

  it.each([
    ["aims_command", true],
    ["aims_command:2", true],
    ["aims_command:x", false],
    ["aims_command_more", false],
  ])("the listener for aims_command hears %s: %s", (actionId, heard) => {
    expect(listensTo("aims_command").test(actionId)).toBe(heard);
  });

  it("shows every short answer of a long summary", () => {
    const text = JSON.stringify(renderSlackMessage([summary(80)]).blocks);
    for (let index = 0; index < 80; index++) expect(text).toContain(`Answer ${index}"`);
  });
});
