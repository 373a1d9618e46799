import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const treatRisk = defineCommand({
  name: "treat_risk",
  group: "Risks and systems",
  usage: "treat RSK-0001 (treatment RSK-0001)",
  help: "plan a risk's treatment actions (control, owner, due date) and see the plan",
  verbs: ["treat", "treatment"],
  allowed: (viewer) => couldAct(viewer, "edit", "risk"),
  matches: typedAs(String.raw`^(treat|treatment) ${ref("rsk")}$`),
  run: viaUseCase((use) => use.treatment),
});
