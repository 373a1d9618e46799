import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viewerOf } from "../../conversations/useCaseOutcome.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const mySystems = defineCommand({
  name: "my_systems",
  group: "Risks and systems",
  usage: "my systems",
  help: "the AI systems you own (governance and auditors: the whole inventory)",
  verbs: ["systems", "inventory"],
  askedFor: [askedAs(/\b((ai )?systems|(ai )?inventory)\b/, "my systems", 190)],
  matches: (text) => /^(my|(my |our |all |the )?(ai )?(systems|system inventory|inventory))$/.test(text) || /^(what's|what is) in (the|my|our) (ai )?inventory$/.test(text),
  run: async (_text, turn, use) => ({ messages: [await use.inventory.systemsFor(viewerOf(turn))] }),
});
