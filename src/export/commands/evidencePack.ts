import { can, refusalText } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const evidencePack = defineCommand({
  name: "evidence_pack",
  group: "Audits, reviews and evidence",
  usage: "evidence pack",
  help: "the auditor's evidence pack as a file",
  verbs: ["evidence", "pack"],
  askedFor: [askedAs(/\b(evidence|audit|auditor'?s?) pack\b/, "evidence pack", 60)],
  matches: (text) => /^((send (me )?(the )?|export (the )?)?(evidence )?pack)$/.test(text),
  allowed: (viewer) => can(viewer, "export", "evidence_pack"),
  refusal: refusalText("export", "evidence_pack"),
  run: viaUseCase((use) => use.evidencePack),
});
