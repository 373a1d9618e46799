import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { lifecycleCommandPattern } from "../lifecycleUseCases.js";

export const lifecycleRecords = defineCommand({
  name: "lifecycle",
  group: "Risks and systems",
  usage: "lifecycle AIS-0001 (add requirements | design decision | verification | deployment plan | monitoring plan | technical documentation | event logging AIS-0001; update LCR-0001; accept LCR-0001)",
  help: "an AI system's life-cycle records (requirements, design, test results, deployment and monitoring plans, technical documentation, logging) and what its tier still needs",
  verbs: ["lifecycle", "add", "accept", "update"],
  allowed: (viewer) => couldAct(viewer, "view", "lifecycle_record"),
  matches: (text) => lifecycleCommandPattern.test(text),
  run: viaUseCase((use) => use.lifecycle),
});
