import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { can } from "../../domain/accessPolicy.js";
import { resourceRequest } from "../resourceUseCases.js";

export const resources = defineCommand({
  name: "resources",
  group: "Risks and systems",
  usage: "resources [AIS-0001] | add resource [AIS-0001]",
  help: "the tooling, computing, and people and skills each AI system uses",
  verbs: ["resources"],
  allowed: (viewer) => can(viewer, "view", "ai_resource"),
  matches: (text) => resourceRequest.test(text),
  run: viaUseCase((use) => use.resources),
});
