import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { objectiveCommandWords } from "../objectiveUseCases.js";

export const measureObjective = defineCommand({
  name: "measure",
  group: "Compliance",
  usage: "measure OBJ-0001 87%",
  help: "record a result of an AI objective's measure (its owner or governance); met or not against the target",
  verbs: ["measure"],
  allowed: (viewer) => couldAct(viewer, "edit", "objective"),
  matches: (text) => objectiveCommandWords.measure.test(text),
  run: viaUseCase((use) => use.objectives),
});
