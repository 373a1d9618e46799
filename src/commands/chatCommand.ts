// A typed command ("incidents sev1", "soa A.6.2.4", "my systems"): what it is called, who may use
// it, how it is described, and what it does. Routing, `help`, the `/aims` verbs, the "I didn't
// understand" suggestions and the Slack manifest's usage hint are all generated from these.
import type { Viewer } from "../domain/accessPolicy.js";
import type { Answers } from "../conversations/flowDefinition.js";
import type { OutgoingMessage, Turn } from "../conversations/messages.js";
import type { UseCases } from "./useCases.js";

export type CommandGroup = "Report and register" | "Incidents and actions" | "Risks and systems" | "Compliance" | "Audits, reviews and evidence" | "Getting around";

export const commandGroups: CommandGroup[] = ["Report and register", "Incidents and actions", "Risks and systems", "Compliance", "Audits, reviews and evidence", "Getting around"];

/** What running a command gives: messages, a flow to start (with answers filled in), or a policy question. */
export type CommandOutcome = { messages: OutgoingMessage[] } | { start: { flowId: string; prefill: Answers } } | { ask: string };

export interface ChatCommand {
  /** Unique, stable: "incidents", "my_systems". */
  name: string;
  group: CommandGroup;
  /** How to type it, e.g. "incidents [sev1…sev4] [status] [AIS-0003]". */
  usage: string;
  /** What it does, for `help`: "the open incidents you may see". */
  help: string;
  /** First words that select it after `/aims` (each lower case). */
  verbs: string[];
  /** True when the typed text (trimmed, lower case, no leading "/" or trailing ".!?") is this command. */
  matches(text: string): boolean;
  /** Who may use it, from the access policy; absent means everyone. */
  allowed?(viewer: Viewer): boolean;
  /** Said to someone who may not use it. */
  refusal?: string;
  /** Not shown in `help` (buttons' own words, aliases). */
  hidden?: boolean;
  /** For the routing evaluation: where a first message naming this command goes (default `command:<name>`). */
  route?: string;
  run(text: string, turn: Turn, use: UseCases): Promise<CommandOutcome>;
}

export const defineCommand = (command: ChatCommand): ChatCommand => command;

/** The typed text as commands read it. */
export const commandText = (text: string) =>
  text.trim().replace(/^\//, "").replace(/^aims\s+/i, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ").trim().toLowerCase();

/** An outcome of only messages. */
export const say = (...messages: OutgoingMessage[]): CommandOutcome => ({ messages });

/** Whether this person may use the command (the access policy decides). */
export const mayUse = (command: ChatCommand, viewer: Viewer) => !command.allowed || command.allowed(viewer);
