// Renders the engine's neutral messages as one Adaptive Card (schema 1.5, what Teams supports):
// choice sets, date and text inputs, the review summary with an Edit action per answer.
import type { Choice, NoticeAction, OutgoingMessage } from "../../conversations/messages.js";

export const answerInputId = "aims_answer";

/** What every action of ours carries back (Action.Submit `data`, Action.Execute `data`). */
export type CardActionData =
  | { aims: "answer"; stepId: string }
  | { aims: "command"; command: string; stepId?: string }
  | { aims: "start"; flowId: string }
  | { aims: "feedback"; questionId: string; verdict: "helpful" | "not_helpful" | "route" }
  | { aims: "incident"; reference: string; action: string }
  | { aims: "notice"; input: NoticeAction["input"] };

type Element = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: Element[];
}

export function renderCard(messages: OutgoingMessage[]): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: messages.flatMap(elementsFor),
  };
}

const submit = (title: string, data: CardActionData, style?: "positive" | "destructive"): Element => ({ type: "Action.Submit", title, data, ...(style ? { style } : {}) });
/** Teams reads a TextBlock as Markdown, where one line break is no break: each becomes a paragraph's. */
const text = (value: string, extra: Element = {}): Element => ({ type: "TextBlock", text: value.replace(/\n+/g, "\n\n"), wrap: true, ...extra });

function elementsFor(message: OutgoingMessage): Element[] {
  switch (message.kind) {
    case "text":
      return [text(message.text)];
    case "error":
      return [text(`⚠ ${message.text}`, { color: "Attention", weight: "Bolder" })];
    case "menu":
      return [text(message.text), { type: "ActionSet", actions: message.options.map((option) => submit(option.label, { aims: "start", flowId: option.flowId })) }];
    case "question":
      return questionElements(message);
    case "summary":
      return summaryElements(message);
    case "done":
      return [text(`✅ ${message.title}`, { weight: "Bolder" }), ...message.lines.map((line) => text(line, { spacing: "Small" }))];
    case "answer": {
      const verdict = (title: string, value: "helpful" | "not_helpful" | "route") => submit(title, { aims: "feedback", questionId: message.questionId!, verdict: value });
      const actions = !message.questionId ? [] : message.answered ? [verdict("Helpful", "helpful"), verdict("Not helpful", "not_helpful")] : message.routable ? [verdict("Pass to the governance team", "route")] : [];
      return [
        text(message.text),
        ...message.citations.map((citation) => text(citation.label, { isSubtle: true, size: "Small", spacing: "None" })),
        ...(actions.length > 0 ? [{ type: "ActionSet", actions }] : []),
      ];
    }
    case "incident":
      return [
        text(message.title, { size: "Medium", weight: "Bolder" }),
        ...message.lines.map((line) => text(line, { spacing: "Small" })),
        text("Timeline", { weight: "Bolder", separator: true }),
        ...message.timeline.map((entry) => text(`${entry.at} · ${entry.who}: ${entry.text}${entry.link ? ` [evidence](${entry.link})` : ""}`, { size: "Small", spacing: "None" })),
        ...(message.actions.length > 0
          ? [{ type: "ActionSet", actions: message.actions.map((action) => submit(action.label, { aims: "incident", reference: message.reference, action: action.action })) }]
          : []),
      ];
    case "notice":
      return [
        text(message.subject, { weight: "Bolder" }),
        text(message.text),
        ...(message.actions.length > 0 ? [{ type: "ActionSet", actions: message.actions.map((action) => submit(action.label, { aims: "notice", input: action.input })) }] : []),
      ];
    case "record_list":
      return [
        text(message.title, { size: "Medium", weight: "Bolder" }),
        ...message.items.map((item) =>
          message.opensIncident
            ? { type: "ColumnSet", columns: [{ type: "Column", width: "stretch", items: [text(`**${item.reference}** ${item.text}`)] }], selectAction: submit("Open", { aims: "incident", reference: item.reference, action: "view" }) }
            : text(`**${item.reference}** ${item.text}`),
        ),
        ...(message.note ? [text(message.note, { isSubtle: true })] : []),
      ];
  }
}

type Summary = Extract<OutgoingMessage, { kind: "summary" }>;

/** The input a long summary's "Edit" reads the chosen answer from. */
export const editStepInputId = "aims_edit_step";
/** Teams refuses cards past about 28 KB; a summary keeps well under it, leaving room for the rest. */
const summaryByteBudget = 20_000;
/** How much of each answer a long summary shows, longest first, until the card fits. */
const answerLengths = [1000, 300, 120];

function summaryElements(summary: Summary): Element[] {
  const confirm = submit("Confirm and save", { aims: "command", command: "confirm" }, "positive");
  const cancel = submit("Cancel", { aims: "command", command: "cancel" }, "destructive");
  const full = [
    text(summary.title, { size: "Medium", weight: "Bolder" }),
    ...summary.fields.map((field) => ({
      type: "ColumnSet",
      separator: true,
      columns: [
        { type: "Column", width: "stretch", items: [text(field.label, { isSubtle: true, spacing: "None" }), text(field.value, { spacing: "None" })] },
        { type: "Column", width: "auto", verticalContentAlignment: "Center", items: [{ type: "ActionSet", actions: [submit("Edit", { aims: "command", command: "edit", stepId: field.stepId })] }] },
      ],
    })),
    { type: "ActionSet", actions: [confirm, cancel] },
  ];
  if (byteSize(full) <= summaryByteBudget) return full;
  // A long summary (a gap analysis has dozens of answers): the answers as facts, and one list to
  // pick the answer to edit instead of an Edit button on each.
  const compact = (answerLength: number): Element[] => [
    text(summary.title, { size: "Medium", weight: "Bolder" }),
    { type: "FactSet", facts: summary.fields.map((field) => ({ title: field.label, value: truncate(field.value, answerLength) })) },
    {
      type: "Input.ChoiceSet",
      id: editStepInputId,
      label: "Change an answer",
      style: "compact",
      isRequired: false,
      placeholder: "Pick the answer to change",
      choices: summary.fields.map((field) => ({ title: field.label, value: field.stepId })),
    },
    { type: "ActionSet", actions: [confirm, submit("Edit", { aims: "command", command: "edit" }), cancel] },
  ];
  const fitting = answerLengths.map(compact).find((elements) => byteSize(elements) <= summaryByteBudget);
  return fitting ?? compact(answerLengths.at(-1)!);
}

const byteSize = (elements: Element[]) => Buffer.byteLength(JSON.stringify(elements));
const truncate = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

function questionElements(question: Extract<OutgoingMessage, { kind: "question" }>): Element[] {
  const elements: Element[] = [
    text(`Question ${question.progress.step} of ${question.progress.of}`, { isSubtle: true, size: "Small" }),
    text(question.prompt, { weight: "Bolder" }),
  ];
  if (question.currentAnswer) elements.push(text(`Current answer: ${question.currentAnswer}`, { isSubtle: true }));
  elements.push(inputFor(question));
  const actions = [submit("Next", { aims: "answer", stepId: question.stepId }, "positive")];
  if (question.canGoBack) actions.push(submit("Back", { aims: "command", command: "back" }));
  if (question.optional) actions.push(submit("Skip", { aims: "command", command: "skip" }));
  actions.push(submit("Help", { aims: "command", command: "help" }), submit("Cancel", { aims: "command", command: "cancel" }));
  elements.push({ type: "ActionSet", actions });
  return elements;
}

function inputFor(question: Extract<OutgoingMessage, { kind: "question" }>): Element {
  const choices = (question.choices ?? []).map((choice: Choice) => ({ title: choice.description ? `${choice.label} — ${choice.description}` : choice.label, value: choice.value }));
  const common = { id: answerInputId, label: "Your answer", isRequired: !question.optional, errorMessage: "Please answer, or choose Skip." };
  if (question.input === "date") return { type: "Input.Date", ...common };
  if (choices.length > 0) {
    const multi = question.input === "multi_choice";
    return { type: "Input.ChoiceSet", ...common, choices, isMultiSelect: multi, style: multi || choices.length <= 5 ? "expanded" : "compact", ...(multi ? { isRequired: false } : {}) };
  }
  return { type: "Input.Text", ...common, placeholder: "Type your answer", isMultiline: question.input === "text" };
}
