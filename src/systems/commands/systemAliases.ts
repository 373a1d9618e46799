import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const systemAliases = defineCommand({
  name: "aliases",
  group: "Risks and systems",
  usage: 'aliases AIS-0001 (add "CV screener" | remove "CV screener")',
  help: "the other names an AI system is found by; its owner or the governance team changes them",
  verbs: ["aliases"],
  matches: typedAs(String.raw`^aliases? ${ref("ais")}\b`, /^aliases?$/),
  run: viaUseCase((use) => use.aliases),
});
