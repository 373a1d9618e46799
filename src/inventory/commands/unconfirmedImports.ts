import { can } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const unconfirmedImports = defineCommand({
  name: "unconfirmed",
  group: "Risks and systems",
  usage: "unconfirmed",
  help: "imported AI systems their owners have not confirmed yet",
  verbs: ["unconfirmed"],
  matches: (text) => /^(unconfirmed( systems)?|import status|imported systems)$/.test(text),
  allowed: (viewer) => can(viewer, "export", "ai_system"),
  run: viaUseCase((use) => use.importedSystems),
});
