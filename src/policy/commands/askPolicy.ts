import { defineCommand } from "../../conversations/commands/chatCommand.js";

const asked = /^ask\s+(?<question>.+)$/is;

export const askPolicy = defineCommand({
  name: "ask",
  group: "Report and register",
  usage: "ask <question>",
  help: "ask about our AI policy (or just type your question)",
  verbs: ["ask"],
  route: "ask_policy",
  matches: (text) => asked.test(text),
  run: async (text) => ({ ask: asked.exec(text.trim())?.groups?.question ?? text }),
});
