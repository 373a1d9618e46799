import { can } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const setManager = defineCommand({
  name: "set_manager",
  group: "Getting around",
  usage: "manager of @someone is @other",
  help: "say who manages whom (low-tier approvals and escalations go to the manager)",
  verbs: ["manager"],
  matches: (text) => /^(the )?manager of .+ is .+$/.test(text),
  allowed: (viewer) => can(viewer, "edit", "people"),
  run: viaUseCase((use) => use.people),
});
