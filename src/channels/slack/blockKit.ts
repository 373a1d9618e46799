// Renders the engine's neutral messages as Slack Block Kit: buttons for short choice lists,
// a select for long ones, checkboxes for multiple choice, a date picker, and a review summary
// with an Edit button per answer.
import type { KnownBlock, Button, PlainTextOption } from "@slack/types";
import type { Choice, OutgoingMessage } from "../../conversations/messages.js";
import { renderPlainText } from "../terminal/plainText.js";
import { actionIds, checksBlockId, dateBlockId, encodeValue } from "./actionIds.js";

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const maxButtons = 5;
const maxBlocks = 50;

export function renderSlackMessage(messages: OutgoingMessage[]): SlackMessage {
  const blocks = messages.flatMap(blocksFor).slice(0, maxBlocks);
  return { text: truncate(messages.map(renderPlainText).join("\n\n"), 3000), blocks };
}

function blocksFor(message: OutgoingMessage): KnownBlock[] {
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
      return [
        { type: "header", text: plain(message.title) },
        ...message.fields.map(
          (field): KnownBlock => ({
            type: "section",
            text: { type: "mrkdwn", text: `*${escape(field.label)}*\n${escape(truncate(field.value, 2900))}` },
            accessory: button("Edit", actionIds.command, encodeValue({ command: "edit", stepId: field.stepId })),
          }),
        ),
        {
          type: "actions",
          elements: [
            { ...button("Confirm and save", actionIds.command, encodeValue({ command: "confirm" })), style: "primary" },
            { ...button("Cancel", actionIds.command, encodeValue({ command: "cancel" })), style: "danger" },
          ],
        },
      ];
    case "done":
      return [section(`:white_check_mark: *${escape(message.title)}*\n${message.lines.map(escape).join("\n")}`)];
    case "answer":
      return [
        section(escape(message.text)),
        ...(message.citations.length > 0
          ? [{ type: "context", elements: [{ type: "mrkdwn", text: message.citations.map((citation) => `${escape(citation.document)} §${escape(citation.section)} ${escape(citation.heading)}`).join(" · ") }] } as KnownBlock]
          : []),
        ...feedbackBlocks(message),
      ];
  }
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

/** Slack treats &, < and > as markup: escape them in anything a person typed. */
export function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
