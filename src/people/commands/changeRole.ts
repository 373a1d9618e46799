import { can } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const changeRole = defineCommand({
  name: "grant_revoke",
  group: "Getting around",
  usage: "grant | revoke @someone auditor",
  help: "give someone a role (member, owner, manager, auditor, governance) or take it away",
  verbs: ["grant", "revoke"],
  matches: (text) => /^(grant|revoke) .+ (the )?(owner|manager|auditor|governance)( role)?$/.test(text),
  allowed: (viewer) => can(viewer, "edit", "people"),
  run: viaUseCase((use) => use.people),
});
