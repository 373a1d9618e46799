// The conversation that records an obligation to customers (governance): "add obligation [AIS-0001]".
import { z } from "zod";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer, SystemAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { recordCustomerObligation } from "../obligationRegister.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const addObligationFlowId = "add_customer_obligation";
const governanceOnly = "Only the governance team records obligations to customers.";

export function addObligationFlow(): FlowDefinition {
  return {
    id: addObligationFlowId,
    title: "Record an obligation to customers",
    noun: "customer obligation",
    description: "What we promise customers about AI in our own products (A.10.4)",
    listed: false,
    refusesToStart: (speaker) => (speaker.roles.includes("governance") ? null : governanceOnly),
    steps: [
      { id: "customer", label: "Customer", prompt: "Which customers is it owed to?", help: "A customer by name, or a group: \"all ClaimsDesk customers\", \"insurers on the Enterprise plan\".", input: "text", schema: requiredText("customer", 200) },
      {
        id: "system",
        label: "AI system",
        prompt: "Which AI system in our product does it concern? Type its name or reference.",
        help: "Part of the name is enough, or its reference such as AIS-0021.",
        input: "ai_system",
        schema: z.object({ systemId: z.string({ error: "Obligations are recorded for systems in the inventory: register it first." }), reference: z.string(), name: z.string() }),
      },
      { id: "promise", label: "What we promise", prompt: "What do we promise them?", help: "E.g. \"a person reviews every estimate above £5,000\", \"customer data is not used to train models\", \"incidents notified within 72 hours\".", input: "text", schema: requiredText("promise", 2000) },
      { id: "contractReference", label: "Contract", prompt: "Where is it written? (contract, clause or link; \"skip\" if nowhere yet)", help: "E.g. \"ClaimsDesk MSA v4 §9.2\" or a link to the terms.", input: "text", schema: requiredText("contract reference", 500), optional: true, defaultValue: () => null },
      { id: "owner", label: "Owner", prompt: "Who here makes sure it is met? (\"me\", a name or an email)", help: "They are reminded before the review date.", input: "person", schema: z.object({ personId: z.string(), displayName: z.string() }) },
      { id: "reviewOn", label: "Review date", prompt: "When should it be reviewed? (a date, \"in 12 months\")", help: "Whether it is still met and still right.", input: "date", schema: z.string(), dates: { only: "future", message: "A review date can't be in the past; when should it be reviewed?" } },
    ],
    async complete(answers, context) {
      const system = answers.system as SystemAnswer;
      const obligation = await recordCustomerObligation(
        context.tx,
        {
          customer: answers.customer as string,
          systemReference: system.reference!,
          promise: answers.promise as string,
          contractReference: (answers.contractReference as string | null) ?? null,
          ownerId: (answers.owner as PersonAnswer).personId,
          reviewOn: new Date(`${String(answers.reviewOn).slice(0, 10)}T00:00:00Z`),
        },
        { personId: context.speaker.personId, roles: context.speaker.roles },
        actorOf(context),
      );
      return { reference: obligation.reference, title: `${obligation.reference}: obligation to ${obligation.customer} on ${system.reference} ${system.name} recorded`, lines: [`Next review: ${displayDate(obligation.reviewOn)}.`, 'Type "customer obligations" to see them all.'] };
    },
  };
}
