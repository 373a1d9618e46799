// A flow is data: ordered steps, each with its prompt, input kind, validation and conditions.
// The engine walks any flow the same way; a flow only adds how its answers become a record.
import type { z } from "zod";
import type { Transaction } from "../store/recordWriter.js";
import type { Choice, InputKind, Speaker } from "./messages.js";
import type { Channel } from "../generated/prisma/enums.js";
import type { Lookups } from "./lookups.js";

export type Answers = Record<string, unknown>;

export interface StepDefinition {
  id: string;
  /** Short label used in the review summary. */
  label: string;
  prompt: string | ((answers: Answers) => string);
  help: string;
  input: InputKind;
  choices?: Choice[];
  /** Validates the parsed value; its messages are shown to the user, so write them for people. */
  schema: z.ZodType;
  optional?: boolean;
  /** Asked only when this returns true for the answers so far. */
  when?: (answers: Answers) => boolean;
  /** Why a required step can't be skipped, when the general "needs an answer" would not say enough. */
  skipRefusal?: string;
  /** The value used when an optional step is skipped. */
  defaultValue?: (answers: Answers, speaker: Speaker) => unknown;
  /** For a date: only past dates (when something happened) or only future ones (a due date), by the engine's clock. */
  dates?: { only: "past" | "future"; message: string };
  /** How the answer reads in the summary. */
  display?: (value: unknown) => string;
}

export interface CompletionContext {
  tx: Transaction;
  speaker: Speaker;
  channel: Channel;
  now: Date;
}

export interface CompletionResult {
  reference: string;
  title: string;
  lines: string[];
  /** An anonymous report: the conversation must not keep the link between its user and the record. */
  forgetReporter?: boolean;
}

export interface FlowDefinition {
  id: string;
  title: string;
  /** What an unfinished conversation is called: "AI system registration". */
  noun: string;
  /** One line for menus. */
  description: string;
  /** False for flows started from a record (closing an incident), not from the menu. */
  listed?: boolean;
  /** For listed flows only some people could finish: whether to offer it to this person. */
  listedFor?(speaker: Speaker): boolean;
  /** Why this person may not start it (checked at the start, not only when saving), or null. */
  refusesToStart?(speaker: Speaker): string | null;
  steps: StepDefinition[];
  /** An opening line for a special start (updating an existing record), instead of the usual one. */
  introFor?(answers: Answers): string | undefined;
  /** Completes answers given up front (e.g. a system named in an opening sentence). */
  prepare?(prefill: Answers, context: { lookups: Lookups; now: Date }): Promise<Answers>;
  /** A few words the review summary adds to its title, computed from the answers (e.g. a risk's score). */
  summaryNote?(answers: Answers): string | undefined;
  /** Saves the record; runs inside the transaction that closes the conversation. */
  complete(answers: Answers, context: CompletionContext): Promise<CompletionResult>;
}

export function isVisible(step: StepDefinition, answers: Answers): boolean {
  return step.when ? step.when(answers) : true;
}

export function visibleSteps(flow: FlowDefinition, answers: Answers): StepDefinition[] {
  return flow.steps.filter((step) => isVisible(step, answers));
}

/** Only the answers to questions that still apply (a vendor is dropped when the kind becomes in-house). */
export function effectiveAnswers(flow: FlowDefinition, answers: Answers): Answers {
  return Object.fromEntries(visibleSteps(flow, answers).map((step) => [step.id, answers[step.id] ?? null]));
}
