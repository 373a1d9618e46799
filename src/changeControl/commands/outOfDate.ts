import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const outOfDate = defineCommand({
  name: "out_of_date",
  group: "Risks and systems",
  usage: "out of date",
  help: "AI systems whose approval, assessments or review are out of date",
  verbs: ["out"],
  matches: (text) => /^(out of date|inventory out of date|what is out of date|out-of-date)$/.test(text),
  run: viaUseCase((use) => use.changeControl),
});
