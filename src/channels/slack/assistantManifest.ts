// The app manifest's `assistant_view`: what Slack says of the assistant before anyone writes, and the
// prompts it offers until the app sets its own (the questions colleagues ask, see assistantThreads.ts).
// Made from the command registry, so the prompts are commands the bot has; `npm run slack:manifest`
// writes it.
import { commandGroups, type CommandHelpEntry } from "../../conversations/commands/commandHelpEntry.js";

export interface AssistantView {
  assistant_description: string;
  suggested_prompts: { title: string; message: string }[];
}

export const assistantDescription =
  "Answers questions about our AI policy from the organisation's own policy documents, citing the sections it used, and takes AI incident reports and AI system registrations in the same thread.";

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Each command of the first group that needs nothing typed after it ("report", "register"), then "help". */
export function assistantView(commands: readonly CommandHelpEntry[]): AssistantView {
  const firstGroup = commands.filter((command) => !command.hidden && !command.allowed && command.group === commandGroups[0] && !command.usage.includes("<"));
  const prompts = firstGroup.map((command) => ({ title: capitalised(command.help), message: command.usage.replace(/\s*\[[^\]]*\]/g, "").trim() }));
  const help = commands.find((command) => command.name === "help");
  return {
    assistant_description: assistantDescription,
    suggested_prompts: [...prompts.slice(0, help ? 3 : 4), ...(help ? [{ title: "What else can you do?", message: help.verbs[0] ?? "help" }] : [])],
  };
}
