// Plan one action of a risk's treatment: the control it puts in place, what is done, who does it, by when.
import { z } from "zod";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { addTreatmentAction } from "../treatmentActions.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const planTreatmentFlowId = "plan_treatment_action";

export function planTreatmentFlow(): FlowDefinition {
  return {
    id: planTreatmentFlowId,
    title: "Plan a risk treatment action",
    noun: "risk treatment action",
    description: "Add an action to a risk's treatment plan: control, owner and due date.",
    listed: false,
    steps: [
      { id: "risk", label: "Risk", prompt: "Which risk? (e.g. RSK-0001)", help: "Filled in from the risk you started from.", input: "text", schema: z.string().regex(/^RSK-\d{4,}$/, "Please give a reference such as RSK-0001.") },
      { id: "control", label: "Control", prompt: "Which control does it put in place? (an Annex A control such as A.6.2.6, or your own in a few words)", help: "What will reduce the likelihood or the impact of the risk.", input: "text", schema: requiredText("control", 200) },
      { id: "description", label: "Action", prompt: "What exactly is to be done?", help: "Concrete enough that anyone can tell when it is done, e.g. \"Alert when the weekly drift score exceeds 0.2\".", input: "text", schema: requiredText("action", 1000) },
      { id: "owner", label: "Owner", prompt: "Who does it? (a name or an email; \"me\" for you)", help: "They are told, and reminded before the due date.", input: "person", schema: z.object({ personId: z.string(), displayName: z.string() }) },
      { id: "dueDate", label: "Due", prompt: "By when? (a date)", help: "Reminders go out before it and while it is overdue.", input: "date", schema: z.string(), dates: { only: "future", message: "A due date can't be in the past; when should it be done?" } },
    ],
    complete: async (answers, context) => {
      const owner = answers.owner as PersonAnswer;
      const dueDate = new Date(`${String(answers.dueDate).slice(0, 10)}T00:00:00Z`);
      const { action, risk } = await addTreatmentAction(
        context.tx,
        { riskReference: answers.risk as string, control: answers.control as string, description: answers.description as string, ownerId: owner.personId, dueDate },
        { personId: context.speaker.personId, roles: context.speaker.roles },
        actorOf(context),
      );
      return {
        reference: action.reference,
        title: `Planned ${action.reference} for ${risk.reference}`,
        lines: [`${owner.displayName} puts in place "${action.control}" by ${displayDate(dueDate)}${owner.personId === context.speaker.personId ? "" : " and has been told"}.`, `Type "treatment ${risk.reference}" to see the plan.`],
      };
    },
  };
}
