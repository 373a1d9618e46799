import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { can } from "../../domain/accessPolicy.js";
import { datasetRequest } from "../datasetUseCases.js";

export const datasets = defineCommand({
  name: "datasets",
  group: "Risks and systems",
  usage: "datasets [AIS-0001] | add dataset | dataset DS-0001 | edit DS-0001 | DS-0001 reviewed | quality DS-0001 <results>",
  help: "the dataset register: source, lawful basis, provenance, quality, preparation, retention, the systems using each",
  verbs: ["datasets", "dataset"],
  allowed: (viewer) => can(viewer, "view", "dataset"),
  matches: (text) => datasetRequest.test(text),
  run: viaUseCase((use) => use.datasets),
});
