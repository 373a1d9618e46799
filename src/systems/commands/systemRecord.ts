import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedByReference } from "../../conversations/commands/askedFor.js";

export const systemRecord = defineCommand({
  name: "system",
  group: "Risks and systems",
  usage: "system AIS-0001 (approve | reject | complete | decline AIS-0001)",
  help: "one AI system; approve, reject or complete a registration, or decline being named its owner",
  verbs: ["system", "approve", "reject", "complete", "decline"],
  askedFor: [askedByReference("AIS", (reference) => `system ${reference}`, 20)],
  matches: typedAs(String.raw`^(system|approve|reject|complete|decline) ${ref("ais")}$`),
  run: viaUseCase((use) => use.approvals),
});
