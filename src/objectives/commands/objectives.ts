import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { objectiveCommandWords } from "../objectiveUseCases.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const objectives = defineCommand({
  name: "objectives",
  group: "Compliance",
  usage: "objectives [add | OBJ-0001 | update OBJ-0001]",
  help: "the AI objectives and how each stands; governance: add them, owners: record progress",
  verbs: ["objectives", "objective"],
  askedFor: [askedAs(/\b(ai )?objectives\b/, "objectives", 160)],
  matches: (text) => Object.values(objectiveCommandWords).some((words) => words.test(text)),
  run: viaUseCase((use) => use.objectives),
});
