// What `help` needs to know of a command: its group, how to type it, what it does, and who may use it.
import type { Viewer } from "../../domain/accessPolicy.js";

export type CommandGroup = "Report and register" | "Incidents and actions" | "Risks and systems" | "Compliance" | "Audits, reviews and evidence" | "Getting around";

export const commandGroups: CommandGroup[] = ["Report and register", "Incidents and actions", "Risks and systems", "Compliance", "Audits, reviews and evidence", "Getting around"];

export interface CommandHelpEntry {
  name: string;
  group: CommandGroup;
  /** How to type it, e.g. "incidents [sev1…sev4] [status] [AIS-0003]". */
  usage: string;
  /** What it does, for `help`: "the open incidents you may see". */
  help: string;
  /** First words that select it after `/aims` (each lower case). */
  verbs: string[];
  /** Who may use it, from the access policy; absent means everyone. */
  allowed?(viewer: Viewer): boolean;
  /** Not shown in `help` (buttons' own words, aliases). */
  hidden?: boolean;
}

/** Whether this person may use the command (the access policy decides). */
export const mayUse = (command: CommandHelpEntry, viewer: Viewer) => !command.allowed || command.allowed(viewer);

/** A suggestion to type a command, only for someone the command allows ("" otherwise): never point to a refusal. */
export const suggestIfAllowed = (command: CommandHelpEntry, viewer: Viewer, suggestion: string) => (mayUse(command, viewer) ? suggestion : "");
