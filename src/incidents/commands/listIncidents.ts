import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const listIncidents = defineCommand({
  name: "incidents",
  group: "Incidents and actions",
  usage: "incidents [sev1…sev4] [status] [AIS-0003] [all]",
  help: "the open incidents you may see",
  verbs: ["incidents"],
  askedFor: [askedAs(/\bincidents\b/, "incidents", 180)],
  matches: (text) => /^(open |all |my )?incidents\b/.test(text),
  run: viaUseCase((use) => use.incidents),
});
