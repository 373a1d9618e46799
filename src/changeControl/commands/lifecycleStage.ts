import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const lifecycleStage = defineCommand({
  name: "stage",
  group: "Risks and systems",
  usage: "stage AIS-0001 proposed | development | production | retired",
  help: "move an AI system you own along its life cycle (production once approved)",
  verbs: ["stage"],
  matches: (text) => new RegExp(String.raw`^stage ${ref("ais")}\b`).test(text),
  run: viaUseCase((use) => use.changeControl),
});
