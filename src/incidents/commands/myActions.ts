import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const myActions = defineCommand({
  name: "actions",
  group: "Incidents and actions",
  usage: "actions",
  help: "your open corrective actions",
  verbs: ["actions"],
  askedFor: [askedAs(/\b(corrective actions|actions)\b/, "actions", 140)],
  matches: (text) => /^(my )?(open )?(corrective )?actions$/.test(text),
  run: viaUseCase((use) => use.incidents),
});
