import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { scopeCommandWords } from "../scopeUseCases.js";

export const scope = defineCommand({
  name: "scope",
  group: "Compliance",
  usage: "scope [edit]",
  help: "what the AI management system covers, with its history; governance: edit it",
  verbs: ["scope"],
  matches: (text) => scopeCommandWords.show.test(text) || scopeCommandWords.edit.test(text),
  run: viaUseCase((use) => use.scope),
});
