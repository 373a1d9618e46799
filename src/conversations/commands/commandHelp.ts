// `help`, "I didn't understand" suggestions, `/aims` help and the Slack usage hint, from the registry.
import type { Viewer } from "../../domain/accessPolicy.js";
import { commandGroups, mayUse, type CommandHelpEntry as ChatCommand } from "./commandHelpEntry.js";


const listedFor = (commands: readonly ChatCommand[], viewer: Viewer | null) =>
  commands.filter((command) => !command.hidden && (viewer === null || mayUse(command, viewer)));

/** The commands this person may use, grouped, one line each. */
export function helpFor(commands: readonly ChatCommand[], viewer: Viewer | null, style: { prefix?: string; bold?: (text: string) => string } = {}): string {
  const bold = style.bold ?? ((text: string) => text);
  const lines = ["You can type:"];
  for (const group of commandGroups) {
    const inGroup = listedFor(commands, viewer).filter((command) => command.group === group);
    if (inGroup.length === 0) continue;
    lines.push(bold(group));
    for (const command of inGroup) lines.push(`• ${style.prefix ?? ""}${command.usage}: ${command.help}`);
  }
  lines.push("Or just write what you need: a question about our AI policy, something that went wrong, an AI tool you saw in use.");
  return lines.join("\n");
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{3,}/g) ?? []);

/** "I didn't understand": the commands sharing a word with what was typed first, then all this person may use. */
export function suggestionsFor(commands: readonly ChatCommand[], viewer: Viewer | null, typed: string, style: { prefix?: string; bold?: (text: string) => string } = {}): string {
  const typedWords = words(typed);
  const close = listedFor(commands, viewer).filter((command) => [...words(`${command.usage} ${command.verbs.join(" ")}`)].some((word) => typedWords.has(word)));
  const closest = close.length > 0 && close.length <= 4 ? [`Did you mean ${close.map((command) => `"${style.prefix ?? ""}${command.usage}"`).join(" or ")}?`] : [];
  return [...closest, helpFor(commands, viewer, style)].join("\n");
}

/** The `/aims` usage hint in the Slack app manifest: each listed command's first word, by group. */
export function slashUsageHint(commands: readonly ChatCommand[]): string {
  const listed = listedFor(commands, null);
  const verbs = commandGroups.flatMap((group) => listed.filter((command) => command.group === group).flatMap((command) => command.verbs.slice(0, 1)));
  return [...new Set(verbs)].join(" | ");
}
