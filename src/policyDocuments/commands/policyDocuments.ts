import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const policyDocuments = defineCommand({
  name: "policy_documents",
  group: "Compliance",
  usage: "policy documents (document POL-0001)",
  help: "the controlled policy documents: versions, approval, owner, next review",
  verbs: ["documents", "document", "policies"],
  matches: typedAs(String.raw`^(policy documents|documents|policies|document ${ref("pol")})$`),
  run: viaUseCase((use) => use.policyDocuments),
});
