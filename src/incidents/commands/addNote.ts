import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const addNote = defineCommand({
  name: "note",
  group: "Incidents and actions",
  usage: "note INC-0007 <text or link>",
  help: "adds to an incident's timeline; a link becomes its evidence",
  verbs: ["note"],
  allowed: (viewer) => couldAct(viewer, "edit", "incident"),
  matches: typedAs(String.raw`^(note|evidence) ${ref("inc")}\b`),
  run: viaUseCase((use) => use.incidents),
});
