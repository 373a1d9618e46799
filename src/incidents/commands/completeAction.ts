import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const completeAction = defineCommand({
  name: "action_done",
  group: "Incidents and actions",
  usage: "CA-0001 done",
  help: "marks a corrective action done",
  verbs: [],
  allowed: (viewer) => couldAct(viewer, "edit", "corrective_action"),
  matches: typedAs(String.raw`^(action )?${ref("ca")} (is )?(done|complete|completed)$`),
  run: viaUseCase((use) => use.incidents),
});
