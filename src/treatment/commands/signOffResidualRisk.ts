import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const signOffResidualRisk = defineCommand({
  name: "sign_off_risk",
  group: "Risks and systems",
  usage: "sign off RSK-0001",
  help: "sign off a risk's residual risk once its treatment actions are done",
  verbs: ["sign"],
  allowed: (viewer) => couldAct(viewer, "edit", "risk"),
  matches: typedAs(String.raw`^(sign off|signoff) ${ref("rsk")}$`),
  run: viaUseCase((use) => use.treatment),
});
