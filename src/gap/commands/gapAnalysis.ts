import { can } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../commands/chatCommand.js";
import { viaUseCase } from "../../commands/viaUseCase.js";

export const gapAnalysis = defineCommand({
  name: "gap_analysis",
  group: "Compliance",
  usage: "gap analysis [fresh]",
  help: "assess the management system against clauses 4–10",
  verbs: ["gap"],
  matches: (text) => /^(run |start |new )?(a )?gap analysis( fresh)?$/.test(text),
  allowed: (viewer) => can(viewer, "create", "gap_analysis"),
  refusal: "Only the governance team can run a gap analysis. Type \"gap report\" to see the latest one.",
  run: viaUseCase((use) => use.gap),
});
