import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const approvePolicyDocument = defineCommand({
  name: "approve_policy",
  group: "Compliance",
  usage: "approve POL-0001",
  help: "approve a policy document's latest version (its approver or governance)",
  verbs: ["approve"],
  allowed: (viewer) => couldAct(viewer, "approve", "policy_document"),
  matches: typedAs(String.raw`^approve ${ref("pol")}$`),
  run: viaUseCase((use) => use.policyDocuments),
});
