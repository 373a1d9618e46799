import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const myActions = defineCommand({
  name: "actions",
  group: "Incidents and actions",
  usage: "actions",
  help: "your open corrective actions",
  verbs: ["actions"],
  matches: (text) => /^(my )?(open )?(corrective )?actions$/.test(text),
  run: viaUseCase((use) => use.incidents),
});
