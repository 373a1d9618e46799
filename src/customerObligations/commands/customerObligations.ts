import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { can } from "../../domain/accessPolicy.js";
import { obligationRequest } from "../obligationUseCases.js";

export const customerObligations = defineCommand({
  name: "customer_obligations",
  group: "Compliance",
  usage: "customer obligations [AIS-0001] | add obligation | COB-0001 reviewed",
  help: "what we promise customers about AI in our own products: contract, system, owner, review date",
  verbs: ["obligations", "obligation"],
  allowed: (viewer) => can(viewer, "view", "customer_obligation"),
  matches: (text) => obligationRequest.test(text),
  run: viaUseCase((use) => use.customerObligations),
});
