import { can, refusalText } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { readinessWords } from "../readinessUseCases.js";

export const readiness = defineCommand({
  name: "readiness",
  group: "Compliance",
  usage: "readiness",
  help: "the road to ISO/IEC 42001 certification: each phase, what the records show done and missing",
  verbs: ["readiness"],
  matches: (text) => readinessWords.test(text),
  allowed: (viewer) => can(viewer, "view", "readiness"),
  refusal: refusalText("view", "readiness"),
  run: viaUseCase((use) => use.readiness),
});
