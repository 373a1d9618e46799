import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const lifecycleStage = defineCommand({
  name: "stage",
  group: "Risks and systems",
  usage: "stage AIS-0001 proposed | development | pilot | production | retired",
  help: "move an AI system you own along its life cycle (production once approved)",
  verbs: ["stage"],
  allowed: (viewer) => couldAct(viewer, "edit", "ai_system"),
  matches: typedAs(String.raw`^stage ${ref("ais")}\b`),
  run: viaUseCase((use) => use.changeControl),
});
