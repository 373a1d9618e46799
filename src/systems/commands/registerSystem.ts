import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { flowIds } from "../../conversations/flowIds.js";

export const registerSystem = defineCommand({
  name: "register",
  group: "Report and register",
  usage: "register",
  help: "register an AI system you own",
  verbs: ["register"],
  route: "register_system",
  matches: (text) => /^(register|register (an? |my |our )?(new )?(ai )?(system|model|tool)|start (a )?registration|new (ai )?(system|model)|add (an? |my |our )?(new )?(ai )?(system|model))$/.test(text),
  run: async () => ({ start: { flowId: flowIds.registerSystem, prefill: {} } }),
});
