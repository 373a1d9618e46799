// Inside a conversation: a question or a command typed where a free-text answer is expected is not
// saved silently; the person is asked which they meant. And a number picks from the options that
// were just offered (several people or systems matched), not a search for "1".
import type { ChatCommand } from "../commands/chatCommand.js";
import { findCommand } from "../commands/chatCommand.js";
import type { Answers } from "../flowDefinition.js";
import type { Choice } from "../messages.js";
import { plain } from "./firstMessage.js";

/** The step id of the "your answer, or a question?" choice; never a real step's id. */
export const pendingAnswerStepId = "answer_or_question";

export interface PendingAnswer {
  stepId: string;
  text: string;
  kind: "question" | "command";
}

// Kept with the draft's answers so that a restart or another replica still knows; never a step id.
const pendingKey = "__pendingAnswer";
const offeredKey = "__offeredChoices";

export const pendingOf = (answers: Answers): PendingAnswer | null => (answers[pendingKey] as PendingAnswer | undefined) ?? null;
export const withPending = (answers: Answers, pending: PendingAnswer): Answers => ({ ...answers, [pendingKey]: pending });

/** The answers without what was only held for the next message. */
export function withoutPending(answers: Answers): Answers {
  const { [pendingKey]: _pending, [offeredKey]: _offered, ...rest } = answers;
  return rest;
}

export const withOffered = (answers: Answers, stepId: string, choices: Choice[]): Answers => ({ ...answers, [offeredKey]: { stepId, values: choices.map((choice) => choice.value) } });

/** "2" after a list of options for this step: the second option's value. */
export function offeredValue(answers: Answers, stepId: string, typed: string): string | null {
  const offered = answers[offeredKey] as { stepId: string; values: string[] } | undefined;
  if (!offered || offered.stepId !== stepId || !/^\s*\d{1,2}\s*$/.test(typed)) return null;
  return offered.values[Number(typed) - 1] ?? null;
}

const questionOpening = /^(can|may|could|should|must) (i|we|you|they|people|staff)\b|^(is|are) (it|this|that|there|we|our|my)\b|^(do|does|did) (i|we|you|the|our|my|this|that)\b|^how (do|can|should|much|many|long|often|quickly|soon)\b|^what (is|are|should|do|does|happens|if)\b|^(who|which|when|where|why) (is|are|do|does|should|can|approves|decides)\b|^am i\b/;

/** Whether text typed at a free-text question is plainly something else: a question, or a command. */
export function looksMisplaced(text: string, commands: readonly ChatCommand[]): PendingAnswer["kind"] | null {
  const typed = plain(text);
  const wordCount = typed.split(" ").length;
  if ((/\?\s*$/.test(text.trim()) && wordCount >= 3) || (questionOpening.test(typed) && wordCount >= 4)) return "question";
  // A record's reference ("INC-0007") is a likely answer (which incident, which system), not a command.
  if (wordCount <= 4 && !/\b[a-z]{2,4}-\d{1,6}\b/i.test(text) && findCommand(text, commands)) return "command";
  return null;
}

/** The buttons for "your answer, or …?". */
export function pendingAnswerChoices(pending: PendingAnswer): Choice[] {
  return [
    { value: "answer", label: "It's my answer" },
    pending.kind === "question" ? { value: "ask", label: "Ask the policy assistant" } : { value: "command", label: `Run "${pending.text.trim()}"` },
  ];
}

/** What a typed reply to "your answer, or …?" chose, or null when it is something new. */
export function pendingReply(text: string): "answer" | "other" | null {
  const typed = plain(text).replace(/\?$/, "");
  if (/^(1|answer|my answer|it's my answer|its my answer|it is my answer|the answer|yes)$/.test(typed)) return "answer";
  if (/^(2|ask|question|a question|the question|policy|ask the policy assistant|run|command|run it|no)$/.test(typed)) return "other";
  return null;
}
