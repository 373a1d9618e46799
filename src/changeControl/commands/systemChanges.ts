import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const systemChanges = defineCommand({
  name: "changes",
  group: "Risks and systems",
  usage: "changes [AIS-0001] (change CHG-0001)",
  help: "material changes to AI systems and the approvals they reopened",
  verbs: ["changes", "change"],
  matches: typedAs(String.raw`^(changes( ${ref("ais")})?|change ${ref("chg")})$`),
  run: viaUseCase((use) => use.changeControl),
});
