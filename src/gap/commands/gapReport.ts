import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const gapReport = defineCommand({
  name: "gap_report",
  group: "Compliance",
  usage: "gap report",
  help: "the latest gap analysis, clause by clause",
  verbs: ["gap", "gaps"],
  allowed: (viewer) => couldAct(viewer, "view", "gap_analysis"),
  askedFor: [askedAs(/\bgap (report|analysis)\b/, "gap report", 70)],
  matches: (text) => /^(gap report|gaps|gap analysis report)$/.test(text),
  run: viaUseCase((use) => use.gap),
});
