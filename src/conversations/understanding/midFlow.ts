// Inside a conversation: a question or a command typed where a free-text answer is expected is not
// saved silently; the person is asked which they meant. And a number picks from the options that
// were just offered (several people or systems matched), not a search for "1".
import type { ChatCommand } from "../commands/chatCommand.js";
import { findCommand } from "../commands/chatCommand.js";
import type { Answers } from "../flowDefinition.js";
import type { Choice } from "../messages.js";
import { plain } from "./routingVocabulary.js";

/** The step id of the "your answer, or a question?" choice; never a real step's id. */
export const pendingAnswerStepId = "answer_or_question";

export interface PendingAnswer {
  stepId: string;
  text: string;
  kind: "question" | "command";
  /** The command to run when that is what was meant (for a bare reference, the one that shows it). */
  command?: string;
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

/** A record reference as people type it: "INC-0007", "AIS-0014", "LCR-0003". */
const referencePattern = /\b([a-z]{2,4})-\d{1,6}\b/gi;
/** What a bare reference opens when no command takes it alone ("AIS-0014" shows the system). */
const showVerbs = ["system", "objective", "lifecycle", "document", "campaign", "change"];

/** The command a typed text runs: itself, or for a bare reference the command that shows that record. */
export function commandFor(text: string, commands: readonly ChatCommand[]): string | null {
  if (findCommand(text, commands)) return text.trim();
  const bare = /^\s*([a-z]{2,4}-\d{1,6})\s*$/i.exec(text)?.[1];
  if (!bare) return null;
  return showVerbs.map((verb) => `${verb} ${bare.toUpperCase()}`).find((typed) => findCommand(typed, commands)) ?? null;
}

/** The question being answered: its wording says which references it expects ("e.g. AIS-0003"). */
export interface AskedText {
  prompt: string;
  help: string;
}

/**
 * Whether text typed at a free-text question is plainly something else: a question, or a command
 * (a command word, possibly with a record: "incident INC-0007", "my systems"; or a bare reference).
 * A reference is the answer when the question itself asks for one of its kind ("AIS-0003, AIS-0007").
 */
export function looksMisplaced(text: string, commands: readonly ChatCommand[], asked: AskedText): Omit<PendingAnswer, "stepId" | "text"> | null {
  const typed = plain(text);
  const words = typed.split(" ");
  if ((/\?\s*$/.test(text.trim()) && words.length >= 3) || (questionOpening.test(typed) && words.length >= 4)) return { kind: "question" };
  const command = commandFor(text, commands);
  if (!command) return null;
  const prefixes = [...text.matchAll(referencePattern)].map((match) => match[1]!.toUpperCase());
  if (prefixes.length === 0) return words.length <= 4 ? { kind: "command", command } : null;
  const expected = [...`${asked.prompt} ${asked.help}`.matchAll(referencePattern)].map((match) => match[1]!.toUpperCase());
  if (prefixes.some((prefix) => expected.includes(prefix))) return null;
  // "note INC-0007 <a long text>" is still a command: the reference comes right after the command word.
  const leading = words.slice(0, 3).some((word) => /^[a-z]{2,4}-\d{1,6}$/i.test(word));
  return leading ? { kind: "command", command } : null;
}

/** The buttons for "your answer, or …?". */
export function pendingAnswerChoices(pending: PendingAnswer): Choice[] {
  return [
    { value: "answer", label: "It's my answer" },
    pending.kind === "question" ? { value: "ask", label: "Ask the policy assistant" } : { value: "command", label: `Run "${pending.command ?? pending.text.trim()}"` },
  ];
}

/** What a typed reply to "your answer, or …?" chose, or null when it is something new. */
export function pendingReply(text: string): "answer" | "other" | null {
  const typed = plain(text).replace(/\?$/, "");
  if (/^(1|answer|my answer|it's my answer|its my answer|it is my answer|the answer|yes)$/.test(typed)) return "answer";
  if (/^(2|ask|question|a question|the question|policy|ask the policy assistant|run|command|run it|no)$/.test(typed)) return "other";
  return null;
}
