import { defineCommand } from "./chatCommand.js";
import { helpFor } from "./commandHelp.js";
import { viewerOf } from "../useCaseOutcome.js";
import { askedAs } from "./askedFor.js";

export const help = defineCommand({
  name: "help",
  group: "Getting around",
  usage: "help",
  help: "the commands you can use",
  verbs: ["help"],
  askedFor: [askedAs(/\b(list of (the )?commands|(the |your |available )?commands|what (can|should) i type)\b/, "help", 50)],
  matches: (text) => /^(help|\?|commands|list commands|show commands|help me)$/.test(text),
  run: async (_text, turn, use) => ({ messages: [{ kind: "text", text: helpFor(use.commands(), viewerOf(turn)) }, use.menu("Or start here:", turn.speaker)] }),
});
