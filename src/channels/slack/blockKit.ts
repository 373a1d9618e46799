// Renders the engine's neutral messages as Slack Block Kit: buttons for short choice lists,
// a select for long ones, checkboxes for multiple choice, a date picker, and a review summary
// with an Edit button per answer.
import type { KnownBlock, Button, PlainTextOption, StaticSelect } from "@slack/types";
import type { Choice, OutgoingMessage } from "../../conversations/messages.js";
import { renderPlainText } from "../terminal/plainText.js";
import { actionIds, checksBlockId, dateBlockId, encodeValue, withUniqueActionIds } from "./actionIds.js";

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const maxButtons = 5;
const maxBlocks = 50;

export function renderSlackMessage(messages: OutgoingMessage[]): SlackMessage {
  // A review summary gets whatever the other messages leave of Slack's block limit, so its
  // Confirm and Edit controls are never the blocks that get cut.
  const otherBlocks = messages.filter((message) => message.kind !== "summary").flatMap((message) => blocksFor(message)).length;
  const summaryBudget = Math.max(maxBlocks - otherBlocks, minSummaryBlocks);
  const blocks = withUniqueActionIds(messages.flatMap((message) => blocksFor(message, summaryBudget)).slice(0, maxBlocks));
  // The top-level text is what Slack shows in notifications and previews: escaped like the blocks,
  // so nobody's own words become a mention or a disguised link there either.
  return { text: escape(truncate(messages.map(renderPlainText).join("\n\n"), 3000)), blocks };
}

function blocksFor(message: OutgoingMessage, summaryBudget = maxBlocks): KnownBlock[] {
  switch (message.kind) {
    case "text":
      return [section(escape(message.text))];
    case "error":
      return [section(`:warning: ${escape(message.text)}`)];
    case "menu":
      return [
        section(escape(message.text)),
        { type: "actions", elements: message.options.map((option) => button(option.label, actionIds.start, option.flowId)) },
      ];
    case "question":
      return questionBlocks(message);
    case "summary":
      return summaryBlocks(message, summaryBudget);
    case "done":
      return [section(`:white_check_mark: *${escape(message.title)}*\n${message.lines.map(escape).join("\n")}`)];
    case "answer":
      return [
        section(escape(message.text)),
        ...(message.citations.length > 0
          ? [{ type: "context", elements: [{ type: "mrkdwn", text: message.citations.map((citation) => escape(citation.label)).join(" · ") }] } as KnownBlock]
          : []),
        ...feedbackBlocks(message),
      ];
    case "incident":
      return incidentBlocks(message);
    case "notice":
      return [
        section(`*${escape(message.subject)}*\n${escape(message.text)}`),
        ...chunk(message.actions.map((action) => button(action.label, actionIds.noticeAction, encodeValue(action.input))), 5).map((elements): KnownBlock => ({ type: "actions", elements })),
      ];
    case "record_list":
      return [
        { type: "header", text: plain(message.title) },
        ...message.items.slice(0, 40).map(
          (item): KnownBlock => ({
            type: "section",
            text: { type: "mrkdwn", text: `*${escape(item.reference)}* ${escape(item.text)}` },
            ...(message.opensIncident ? { accessory: button("Open", actionIds.incidentAction, encodeValue({ reference: item.reference, action: "view" })) } : {}),
          }),
        ),
        ...(message.note ? [{ type: "context", elements: [{ type: "mrkdwn", text: escape(message.note) }] } as KnownBlock] : []),
      ];
  }
}

type Summary = Extract<OutgoingMessage, { kind: "summary" }>;
type SummaryField = Summary["fields"][number];

/** A header, one section and the actions: the least a summary can be shown in. */
const minSummaryBlocks = 3;
/** Slack's limits: 10 fields per section, 100 options per select. */
const fieldsPerSection = 10;
const optionsPerSelect = 100;
const sectionTextLimit = 3000;
/** How much of each answer a long summary shows, longest first, until the summary fits. */
const answerLengths = [1000, 300, 120];

function summaryBlocks(summary: Summary, budget: number): KnownBlock[] {
  const header: KnownBlock = { type: "header", text: plain(summary.title) };
  const confirm: Button = { ...button("Confirm and save", actionIds.command, encodeValue({ command: "confirm" })), style: "primary" };
  const cancel: Button = { ...button("Cancel", actionIds.command, encodeValue({ command: "cancel" })), style: "danger" };
  if (summary.fields.length + 2 <= budget) {
    return [
      header,
      ...summary.fields.map(
        (field): KnownBlock => ({
          type: "section",
          text: { type: "mrkdwn", text: `*${escape(field.label)}*\n${escape(truncate(field.value, 2900))}` },
          accessory: button("Edit", actionIds.command, encodeValue({ command: "edit", stepId: field.stepId })),
        }),
      ),
      { type: "actions", elements: [confirm, cancel] },
    ];
  }
  // A long summary (a gap analysis has dozens of answers): several answers per section, and one
  // select to pick the answer to edit instead of an Edit button on each.
  const [firstSelect, ...moreSelects] = chunk(summary.fields, optionsPerSelect).map(editSelect);
  const actions: KnownBlock[] = [
    { type: "actions", elements: [confirm, firstSelect!, cancel] },
    ...moreSelects.map((select): KnownBlock => ({ type: "actions", elements: [select] })),
  ];
  const room = budget - 1 - actions.length;
  const sections = answerLengths.map((length) => answerSections(summary.fields, length)).find((candidate) => candidate.length <= room) ?? answerSections(summary.fields, answerLengths.at(-1)!).slice(0, room);
  return [header, ...sections, ...actions];
}

function answerSections(fields: SummaryField[], answerLength: number): KnownBlock[] {
  const texts = fields.map((field) => `*${escape(truncate(field.label, 200))}*\n${escape(truncate(field.value, answerLength))}`);
  const sections: string[][] = [];
  for (const text of texts) {
    const current = sections.at(-1);
    const used = current?.reduce((total, item) => total + item.length, 0) ?? 0;
    if (current && current.length < fieldsPerSection && used + text.length <= sectionTextLimit) current.push(text);
    else sections.push([text]);
  }
  return sections.map((items): KnownBlock => ({ type: "section", fields: items.map((item) => ({ type: "mrkdwn", text: item })) }));
}

function editSelect(fields: SummaryField[], index: number): StaticSelect {
  return {
    type: "static_select",
    action_id: actionIds.editAnswer,
    placeholder: plain(index === 0 ? "Edit an answer…" : `Edit an answer (${index + 1})…`),
    options: fields.map((field) => ({ text: plain(field.label), value: encodeValue({ command: "edit", stepId: field.stepId }) })),
  };
}

function questionBlocks(question: Extract<OutgoingMessage, { kind: "question" }>): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: "context", elements: [{ type: "mrkdwn", text: `Question ${question.progress.step} of ${question.progress.of}` }] },
    section(`*${escape(question.prompt)}*${question.currentAnswer ? `\n_Current answer: ${escape(question.currentAnswer)}_` : ""}`),
  ];
  const choices = question.choices ?? [];
  if (question.input === "multi_choice" && choices.length > 0) {
    blocks.push({
      type: "actions",
      block_id: checksBlockId(question.stepId),
      elements: [{ type: "checkboxes", action_id: actionIds.checks, options: choices.slice(0, 10).map(option) }],
    });
    blocks.push({ type: "actions", elements: [{ ...button("Continue", actionIds.checksSubmit, question.stepId), style: "primary" }] });
  } else if (question.input === "date") {
    blocks.push({ type: "actions", block_id: dateBlockId(question.stepId), elements: [{ type: "datepicker", action_id: actionIds.date, placeholder: plain("Pick a date") }] });
  } else if (choices.length > maxButtons) {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "static_select",
          action_id: actionIds.select,
          placeholder: plain("Choose…"),
          options: choices.slice(0, 100).map((choice) => ({ ...option(choice), value: encodeValue({ stepId: question.stepId, value: choice.value }) })),
        },
      ],
    });
  } else if (choices.length > 0) {
    blocks.push({
      type: "actions",
      elements: choices.map((choice) => button(choice.label, actionIds.choice, encodeValue({ stepId: question.stepId, value: choice.value }))),
    });
  } else {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Type your answer as a message." }] });
  }
  const navigation: Button[] = [];
  if (question.canGoBack) navigation.push(button("Back", actionIds.command, encodeValue({ command: "back" })));
  if (question.optional) navigation.push(button("Skip", actionIds.command, encodeValue({ command: "skip" })));
  navigation.push(button("Help", actionIds.command, encodeValue({ command: "help" })));
  navigation.push(button("Cancel", actionIds.command, encodeValue({ command: "cancel" })));
  blocks.push({ type: "actions", elements: navigation });
  return blocks;
}

function incidentBlocks(incident: Extract<OutgoingMessage, { kind: "incident" }>): KnownBlock[] {
  const timeline = incident.timeline.map((entry) => `${escape(entry.at)} · *${escape(entry.who)}*: ${escape(entry.text)}${entry.link && safeLink.test(entry.link) ? ` <${entry.link}|evidence>` : ""}`);
  const actions = incident.actions.map((action) => button(action.label, actionIds.incidentAction, encodeValue({ reference: incident.reference, action: action.action })));
  return [
    { type: "header", text: plain(incident.title) },
    section(incident.lines.map(escape).join("\n")),
    // The most recent entries matter most when a long timeline has to be cut to fit a message.
    { type: "context", elements: [{ type: "mrkdwn", text: truncateStart(`*Timeline*\n${timeline.join("\n")}`, 2900) }] },
    // Slack allows 25 elements per actions block; our actions are fewer, but split for readability.
    ...chunk(actions, 5).map((elements): KnownBlock => ({ type: "actions", elements })),
  ];
}

/** A link Slack's <url|label> markup cannot be broken out of. */
const safeLink = /^https?:\/\/[^\s<>|]+$/;
const chunk = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, index * size + size));
const truncateStart = (text: string, max: number) => (text.length <= max ? text : `…${text.slice(text.length - max + 1)}`);

function feedbackBlocks(message: Extract<OutgoingMessage, { kind: "answer" }>): KnownBlock[] {
  if (!message.questionId) return [];
  const verdict = (label: string, verdict: string) => button(label, actionIds.policyFeedback, encodeValue({ questionId: message.questionId, verdict }));
  if (message.answered) return [{ type: "actions", elements: [verdict("Helpful", "helpful"), verdict("Not helpful", "not_helpful")] }];
  return message.routable ? [{ type: "actions", elements: [verdict("Pass to the governance team", "route")] }] : [];
}

export function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } };
}

export function button(text: string, actionId: string, value: string): Button {
  return { type: "button", text: plain(text), action_id: actionId, value };
}

const plain = (text: string) => ({ type: "plain_text" as const, text: truncate(text, 75), emoji: true });

function option(choice: Choice): PlainTextOption {
  return {
    text: plain(choice.label),
    value: choice.value,
    ...(choice.description ? { description: plain(choice.description) } : {}),
  };
}

/**
 * Slack treats &, < and > as markup (<!channel>, <@U…>, <https://…|label>): escaped, they are shown
 * as typed and never notify anyone or hide a link. Every message the service renders passes here.
 */
export function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
