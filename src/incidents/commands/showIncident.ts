import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedByReference } from "../../conversations/commands/askedFor.js";

export const showIncident = defineCommand({
  name: "incident",
  group: "Incidents and actions",
  usage: "incident INC-0007 [acknowledge | assign | investigate | contain | resolve | close | reopen …]",
  help: "one incident, its timeline and the steps you may take",
  verbs: ["incident"],
  askedFor: [askedByReference("INC", (reference) => `incident ${reference}`, 10)],
  matches: typedAs(String.raw`^(incident )?${ref("inc")}\b`),
  run: viaUseCase((use) => use.incidents),
});
