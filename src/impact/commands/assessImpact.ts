import { couldCreate } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const assessImpact = defineCommand({
  name: "assess_impact",
  group: "Risks and systems",
  usage: "assess impact [AIS-0001]",
  help: "assess a system's impact on people and society",
  verbs: ["assess", "impact"],
  matches: typedAs(String.raw`^(assess|start) (an? )?impact( assessment)?( (of|for))?( ${ref("ais")})?$`),
  allowed: (viewer) => couldCreate(viewer, "impact_assessment"),
  run: viaUseCase((use) => use.impact),
});
