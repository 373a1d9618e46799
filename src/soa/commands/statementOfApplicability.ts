import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const statementOfApplicability = defineCommand({
  name: "soa",
  group: "Compliance",
  usage: "soa [A.6.2.4]",
  help: "the Statement of Applicability, or one control",
  verbs: ["soa"],
  askedFor: [askedAs(/\b(statement of applicability|soa)\b/, "soa", 80)],
  matches: (text) => /^(soa|statement of applicability)( .+)?$/.test(text),
  run: viaUseCase((use) => use.soa),
});
