import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const updateSystem = defineCommand({
  name: "update_system",
  group: "Risks and systems",
  usage: "update AIS-0001",
  help: "change an AI system's entry (a material change reopens its approval)",
  verbs: ["update"],
  allowed: (viewer) => couldAct(viewer, "edit", "ai_system"),
  matches: typedAs(String.raw`^(update|change) ${ref("ais")}$`),
  run: viaUseCase((use) => use.changeControl),
});
