import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const schedule = defineCommand({
  name: "schedule",
  group: "Audits, reviews and evidence",
  usage: "schedule [audit | review <date> <scope>]",
  help: "planned audits and reviews; governance schedules one",
  verbs: ["schedule"],
  matches: (text) => /^(schedule|scheduled|calendar)$/.test(text) || /^schedule (audit|review) .+$/.test(text),
  run: viaUseCase((use) => use.schedule),
});
