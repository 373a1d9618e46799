import { couldCreate } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const assessRisk = defineCommand({
  name: "assess_risk",
  group: "Risks and systems",
  usage: "assess risk [AIS-0001]",
  help: "assess a risk of a system you own (governance: any system)",
  verbs: ["assess"],
  matches: typedAs(String.raw`^(assess( an?)?( ai)? risks?|risk assessment|new risk)( (for|of|on))?( ${ref("ais")})?$`),
  allowed: (viewer) => couldCreate(viewer, "risk"),
  run: viaUseCase((use) => use.risks),
});
