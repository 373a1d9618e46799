import { can, refusalText } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { readinessWords } from "../readinessUseCases.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const readiness = defineCommand({
  name: "readiness",
  group: "Compliance",
  usage: "readiness",
  help: "the road to ISO/IEC 42001 certification: each phase, what the records show done and missing",
  verbs: ["readiness"],
  askedFor: [askedAs(/\b(readiness|ready for (\S+ )?certification|road to certification|certification progress)\b/, "readiness", 100)],
  matches: (text) => readinessWords.test(text),
  allowed: (viewer) => can(viewer, "view", "readiness"),
  refusal: refusalText("view", "readiness"),
  run: viaUseCase((use) => use.readiness),
});
