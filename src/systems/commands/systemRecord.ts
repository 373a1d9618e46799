import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const systemRecord = defineCommand({
  name: "system",
  group: "Risks and systems",
  usage: "system AIS-0001 (approve | reject | complete AIS-0001)",
  help: "one AI system; approve, reject or complete a registration",
  verbs: ["system", "approve", "reject", "complete"],
  matches: (text) => new RegExp(String.raw`^(system|approve|reject|complete) ${ref("ais")}$`).test(text),
  run: viaUseCase((use) => use.approvals),
});
