import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs, askedByReference } from "../../conversations/commands/askedFor.js";

const noun = "(nonconformity|non-conformity|finding|nc)";

export const nonconformities = defineCommand({
  name: "nonconformities",
  group: "Compliance",
  usage: "nonconformities [all] · NC-0001 [plan | close] · raise nonconformity [REV-0001]",
  help: "nonconformities and their corrective actions",
  verbs: ["nonconformities", "nonconformity", "nc"],
  allowed: (viewer) => couldAct(viewer, "view", "nonconformity"),
  askedFor: [askedByReference("NC", (reference) => reference, 30), askedAs(/\bnon-?conformit(y|ies)\b/, "nonconformities", 110)],
  matches: typedAs(
    /^(open )?(nonconformities|non-conformities|findings|ncs)( all)?$/,
    String.raw`^(raise (an? )?|new )?${noun}( (from |for )?${ref("rev")})?$`,
    String.raw`^(nonconformity )?${ref("nc")}( (plan|close|view))?$`,
  ),
  run: viaUseCase((use) => use.nonconformities),
});
