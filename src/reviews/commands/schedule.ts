import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const schedule = defineCommand({
  name: "schedule",
  group: "Audits, reviews and evidence",
  usage: "schedule [audit [<date> <scope>] | review <date> <scope>]",
  help: "planned audits and reviews; governance schedules one (an audit with its criteria, auditors and their independence)",
  verbs: ["schedule"],
  matches: (text) => /^(schedule|scheduled|calendar)$/.test(text) || /^schedule (audit|review) .+$/.test(text) || /^schedule (an? )?(internal )?audit$/.test(text),
  run: viaUseCase((use) => use.schedule),
});
