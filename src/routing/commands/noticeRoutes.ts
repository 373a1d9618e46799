import { can } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const noticeRoutes = defineCommand({
  name: "routes",
  group: "Getting around",
  usage: "routes",
  help: "where each kind of notice is posted (change it with /aims route KIND here in a channel)",
  verbs: ["routes"],
  matches: (text) => /^(notice )?routes?$/.test(text),
  allowed: (viewer) => can(viewer, "edit", "people"),
  run: viaUseCase((use) => use.routes),
});
