import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const approvePolicyDocument = defineCommand({
  name: "approve_policy",
  group: "Compliance",
  usage: "approve POL-0001",
  help: "approve a policy document's latest version (its approver or governance)",
  verbs: ["approve"],
  allowed: (viewer) => couldAct(viewer, "approve", "policy_document"),
  matches: (text) => new RegExp(String.raw`^approve ${ref("pol")}$`).test(text),
  run: viaUseCase((use) => use.policyDocuments),
});
