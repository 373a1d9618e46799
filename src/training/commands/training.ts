import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const training = defineCommand({
  name: "training",
  group: "Audits, reviews and evidence",
  usage: "training [all | record]",
  help: "your training records; governance: everyone's, and record one",
  verbs: ["training"],
  askedFor: [askedAs(/\btraining\b/, "training", 150)],
  matches: (text) => /^(my )?trainings?( records?)?$/.test(text) || /^trainings? (all|record|add)$/.test(text) || /^(record|add|log) (a )?trainings?$/.test(text),
  run: viaUseCase((use) => use.training),
});
