import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const treatmentActions = defineCommand({
  name: "treatment_actions",
  group: "Risks and systems",
  usage: "treatment actions (TRA-0001 done)",
  help: "open risk treatment actions; mark one done",
  verbs: ["treatment"],
  matches: typedAs(String.raw`^((my )?treatment actions|${ref("tra")} done)$`),
  run: viaUseCase((use) => use.treatment),
});
