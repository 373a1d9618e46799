// The conversation that adds a supplier to the register (governance): started by "add supplier".
import { z } from "zod";
import type { Answers, FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText, yesNoChoices } from "../../conversations/flows/choices.js";
import { registerSupplier } from "../supplierRegister.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const registerSupplierFlowId = "register_supplier";

/** "AIS-4, AIS-0007": the systems it supplies, as inventory references. */
const systemList = z.string().transform((text, context) => {
  const references = [...text.matchAll(/ais[-\s]?(\d{1,6})/gi)].map((match) => `AIS-${match[1]!.padStart(4, "0")}`);
  if (references.length === 0) context.addIssue({ code: "custom", message: "Please give the inventory references of the systems it supplies, e.g. \"AIS-0004, AIS-0007\"." });
  return [...new Set(references)];
});

const diligenceDone = (answers: Answers) => answers.dueDiligenceDone === true;

export function registerSupplierFlow(): FlowDefinition {
  return {
    id: registerSupplierFlowId,
    title: "Add a supplier",
    noun: "supplier registration",
    description: "Add a supplier of AI systems to the supplier register",
    listed: false,
    refusesToStart: (speaker) => (speaker.roles.includes("governance") ? null : "Only the governance team keeps the supplier register."),
    steps: [
      { id: "name", label: "Supplier", prompt: "What is the supplier called?", help: "The company, as on the contract.", input: "text", schema: requiredText("supplier's name", 200) },
      { id: "systems", label: "Systems supplied", prompt: "Which AI systems does it supply? (inventory references, e.g. \"AIS-0004, AIS-0007\")", help: "Type \"systems\" in another chat to look them up.", input: "text", schema: systemList, display: (value) => (value as string[]).join(", ") },
      { id: "dueDiligenceDone", label: "Due diligence done", prompt: "Has due diligence on the supplier been done?", help: "E.g. a security and data-protection review, model documentation checked.", input: "yes_no", choices: yesNoChoices, schema: z.boolean() },
      { id: "dueDiligenceOn", label: "Due diligence on", prompt: "When was it done?", help: "The date the review was completed.", input: "date", schema: z.string(), dates: { only: "past", message: "That date is in the future; when was it done?" }, when: diligenceDone },
      { id: "contractReference", label: "Contract", prompt: "The contract's reference or link? (\"skip\" if none)", help: "E.g. \"MSA-2025-114\" or a link to the contract.", input: "text", schema: requiredText("contract reference", 500), optional: true, defaultValue: () => null },
      { id: "responsibilities", label: "Responsibilities", prompt: "Who is responsible for what, between us and the supplier?", help: "E.g. \"they: model updates, uptime, incident notice within 24 h; we: input data, human oversight\".", input: "text", schema: requiredText("responsibilities", 4000) },
      { id: "owner", label: "Owner", prompt: "Who here answers for this supplier? (\"me\", a name or an email)", help: "They are reminded before the review date.", input: "person", schema: z.object({ personId: z.string(), displayName: z.string() }) },
      { id: "reviewDate", label: "Review date", prompt: "When should the supplier be reviewed next? (a date, \"in 12 months\")", help: "A reminder goes to the owner before it.", input: "date", schema: z.string(), dates: { only: "future", message: "A review date can't be in the past; when should it be reviewed?" } },
    ],
    async complete(answers, context) {
      const supplier = await registerSupplier(
        context.tx,
        {
          name: answers.name as string,
          systemReferences: answers.systems as string[],
          dueDiligenceDone: answers.dueDiligenceDone as boolean,
          dueDiligenceOn: diligenceDone(answers) ? new Date(answers.dueDiligenceOn as string) : null,
          contractReference: (answers.contractReference as string | null) ?? null,
          responsibilities: answers.responsibilities as string,
          ownerId: (answers.owner as PersonAnswer).personId,
          reviewDate: new Date(answers.reviewDate as string),
        },
        actorOf(context),
      );
      return { reference: supplier.reference, title: `${supplier.reference} ${supplier.name} is in the supplier register`, lines: [`Next review: ${displayDate(supplier.reviewDate)}.`, "Type \"suppliers\" to see the register."] };
    },
  };
}
