import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const acknowledgePolicy = defineCommand({
  name: "acknowledge_policy",
  group: "Compliance",
  usage: "read ACK-0001",
  help: "confirm you have read the policy a campaign asked you to read",
  verbs: ["read", "acknowledge"],
  matches: typedAs(String.raw`^(read|acknowledge) ${ref("ack")}$`),
  run: viaUseCase((use) => use.policyDocuments),
});
