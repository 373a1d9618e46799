import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const showImpact = defineCommand({
  name: "impact",
  group: "Risks and systems",
  usage: "impact AIS-0001",
  help: "a system's latest impact assessment",
  verbs: ["impact"],
  allowed: (viewer) => couldAct(viewer, "view", "impact_assessment"),
  matches: typedAs(String.raw`^impact( assessment)?( (of|for))? ${ref("ais")}$`),
  run: viaUseCase((use) => use.impact),
});
