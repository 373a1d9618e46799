import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const editPolicyDocument = defineCommand({
  name: "edit_policy",
  group: "Compliance",
  usage: "edit POL-0001",
  help: "set a policy's owner, approver, next review date and summary",
  verbs: ["edit"],
  allowed: (viewer) => couldAct(viewer, "edit", "policy_document"),
  matches: typedAs(String.raw`^edit ${ref("pol")}$`),
  run: viaUseCase((use) => use.policyDocuments),
});
