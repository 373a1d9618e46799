import { can } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const people = defineCommand({
  name: "people",
  group: "Getting around",
  usage: "people",
  help: "everyone's roles and managers",
  verbs: ["people", "roles"],
  matches: (text) => /^(people|roles|who has which role)$/.test(text),
  allowed: (viewer) => can(viewer, "view", "people"),
  run: viaUseCase((use) => use.people),
});
