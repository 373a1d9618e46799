import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs, askedByReference } from "../../conversations/commands/askedFor.js";

export const riskRegister = defineCommand({
  name: "risks",
  group: "Risks and systems",
  usage: "risks [AIS-0001] · RSK-0001",
  help: "the risk register you may see, a system's risks, or one risk",
  verbs: ["risks", "risk"],
  allowed: (viewer) => couldAct(viewer, "view", "risk"),
  askedFor: [askedByReference("RSK", (reference) => reference, 40), askedAs(/\b(risk register|risks)\b/, "risks", 130)],
  matches: typedAs(
    /^(risks|risk register|ai risks)( all)?$/,
    String.raw`^risks (for |of |on )?${ref("ais")}$`,
    String.raw`^(risk )?${ref("rsk")}$`,
  ),
  run: viaUseCase((use) => use.risks),
});
