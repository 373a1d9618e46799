import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { isGovernance } from "../../domain/accessPolicy.js";
import { isSupplierRequest } from "../supplierUseCases.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const suppliers = defineCommand({
  name: "suppliers",
  group: "Compliance",
  usage: "suppliers | add supplier | SUP-0001 reviewed",
  help: "the supplier register: who supplies which AI systems, due diligence, contract, responsibilities, review date",
  verbs: ["suppliers"],
  // Relationship owners without those roles may still type "SUP-0001 reviewed"; the use case checks it is theirs.
  allowed: (viewer) => isGovernance(viewer) || viewer.roles.includes("auditor"),
  askedFor: [askedAs(/\b(suppliers|supplier register)\b/, "suppliers", 170)],
  matches: isSupplierRequest,
  run: viaUseCase((use) => use.suppliers),
});
