import { can } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const context = defineCommand({
  name: "context",
  group: "Compliance",
  usage: "context (add issue, add interested party, edit CTX-0001, edit IP-0001)",
  help: "internal and external issues and interested parties with their requirements",
  verbs: ["context", "add"],
  matches: (text) => /^(context|interested parties|context issues|add (context )?issue|add interested party|(edit|update|review) (ctx|ip)[-\s]?\d{1,6})$/.test(text),
  allowed: (viewer) => can(viewer, "view", "context"),
  run: viaUseCase((use) => use.context),
});
