import { can, refusalText } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const gapAnalysis = defineCommand({
  name: "gap_analysis",
  group: "Compliance",
  usage: "gap analysis [fresh]",
  help: "assess the management system against clauses 4–10",
  verbs: ["gap"],
  matches: (text) => /^(run |start |new )?(a )?gap analysis( fresh)?$/.test(text),
  allowed: (viewer) => can(viewer, "create", "gap_analysis"),
  refusal: refusalText("create", "gap_analysis"),
  run: viaUseCase((use) => use.gap),
});
