import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { isUserDocumentationRequest } from "../userDocumentationUseCases.js";

export const userDocumentation = defineCommand({
  name: "docs",
  group: "Risks and systems",
  usage: "docs AIS-0004 [link]",
  help: "where a system's users and the people it affects are told about it; its owner or governance records the link",
  verbs: ["docs"],
  matches: isUserDocumentationRequest,
  run: viaUseCase((use) => use.userDocumentation),
});
