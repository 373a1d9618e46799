import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const schedule = defineCommand({
  name: "schedule",
  group: "Audits, reviews and evidence",
  usage: "schedule [audit [<date> <scope>] | review <date> <scope>]",
  help: "planned audits and reviews; governance schedules one (an audit with its criteria, auditors and their independence)",
  verbs: ["schedule"],
  askedFor: [askedAs(/\b(internal audit|audit|management review)s?\b/, "schedule", 120)],
  matches: (text) => /^(schedule|scheduled|calendar)$/.test(text) || /^schedule (audit|review) .+$/.test(text) || /^schedule (an? )?(internal )?audit$/.test(text),
  run: viaUseCase((use) => use.schedule),
});
