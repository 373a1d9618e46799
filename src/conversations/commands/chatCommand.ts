// A typed command ("incidents sev1", "soa A.6.2.4", "my systems"): what it is called, who may use
// it, how it is described, and what it does. Routing, `help`, the `/aims` verbs, the "I didn't
// understand" suggestions and the Slack manifest's usage hint are all generated from these.
import type { AskedFor } from "./askedFor.js";
import type { CommandHelpEntry } from "./commandHelpEntry.js";
import type { Answers } from "../flowDefinition.js";
import type { OutgoingMessage, Turn } from "../messages.js";
import type { UseCases } from "./useCases.js";

export { commandGroups, mayUse, type CommandGroup } from "./commandHelpEntry.js";

/** What running a command gives: messages, a flow to start (with answers filled in), or a policy question. */
export type CommandOutcome = { messages: OutgoingMessage[] } | { start: { flowId: string; prefill: Answers } } | { ask: string };

export interface ChatCommand extends CommandHelpEntry {
  /** Unique, stable: "incidents", "my_systems". */
  name: string;
  /** True when the typed text (trimmed, lower case, no leading "/" or trailing ".!?") is this command. */
  matches(text: string): boolean;
  /**
   * What this command shows, in the words people use when they ask for it in a sentence ("can you
   * show me the open incidents?"), each with the command text it becomes. Unlike `matches`, which
   * must read the whole text as this command, these are looked for inside a longer sentence, and
   * only when it asks to see or get something. Absent: the command is only ever typed.
   */
  askedFor?: AskedFor[];
  /**
   * Said to someone `allowed` refuses, before the command runs. Without it the command runs and its
   * use cases refuse with what they know (e.g. "you don't own any AI system"); `allowed` then only
   * decides whether `help` lists it.
   */
  refusal?: string;
  /** For the routing evaluation: where a first message naming this command goes (default `command:<name>`). */
  route?: string;
  run(text: string, turn: Turn, use: UseCases): Promise<CommandOutcome>;
}

export const defineCommand = (command: ChatCommand): ChatCommand => command;

/**
 * A `matches` for a command typed in one of these forms (a pattern, or a pattern's source built
 * from parts such as `ref("ais")`). Each is compiled once: every message is tried against every
 * command, several times a turn, so patterns built per call cost more than the turn's own work.
 */
export function typedAs(...forms: (RegExp | string)[]): (text: string) => boolean {
  const patterns = forms.map((form) => (typeof form === "string" ? new RegExp(form) : form));
  return (text) => patterns.some((pattern) => pattern.test(text));
}

/** The typed text as commands read it. */
export const commandText = (text: string) =>
  text.trim().replace(/^\//, "").replace(/^aims\s+/i, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ").trim().toLowerCase();

/** An outcome of only messages. */
export const say = (...messages: OutgoingMessage[]): CommandOutcome => ({ messages });

/** The command a text is, if any, with the text as commands read it. */
export function findCommand(text: string, commands: readonly ChatCommand[]): { command: ChatCommand; text: string } | null {
  const typed = commandText(text);
  const command = commands.find((candidate) => candidate.matches(typed));
  return command ? { command, text: text.trim().replace(/^\//, "").replace(/^aims\s+/i, "") } : null;
}
