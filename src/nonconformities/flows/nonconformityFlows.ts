// The short conversations for nonconformities (ISO/IEC 42001 10.2): raising one against a clause
// or an Annex A control, planning its correction and corrective action, and closing it once the
// action is done and shown to work. Each is started from the nonconformity use cases.
import { z } from "zod";
import { can, refusalText } from "../../domain/accessPolicy.js";
import { nonconformityStatusLabels, parseNonconformityReference, parseReviewReference, requirementOf } from "../../domain/nonconformity.js";
import { NonconformityStore } from "../../store/nonconformities.js";
import type { Acting } from "../../store/incidentWorkflow.js";
import type { CompletionContext, FlowDefinition, StepDefinition } from "../../conversations/flowDefinition.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { actionDueStep, actionOwnerStep, correctiveActionFrom } from "../../conversations/flows/correctiveActionSteps.js";

export const nonconformityFlowIds = {
  raise: "raise_nonconformity",
  plan: "plan_nonconformity",
  close: "close_nonconformity",
} as const;

/** A clause or an Annex A control of the catalog, stored as the catalog writes it ("A.6.2.4"). */
export const requirementStep: StepDefinition = {
  id: "requirement",
  label: "Requirement",
  prompt: "Which requirement is not met? (a clause such as 9.2.2, or an Annex A control such as A.6.2.4)",
  help: "The clause of ISO/IEC 42001 or the Annex A control the finding is against. Type \"A.6.2.4\" or \"8.4\".",
  input: "text",
  schema: z.string().transform((typed, context) => {
    const found = requirementOf(typed);
    if (!found.ok) context.addIssue({ code: "custom", message: found.message });
    return found.ok ? found.id : "";
  }),
  display: (value) => {
    const found = requirementOf(String(value));
    return found.ok ? `${found.id} ${found.title}` : String(value);
  },
};

const text = (id: string, label: string, prompt: string, help: string): StepDefinition => ({ id, label, prompt, help, input: "text", schema: requiredText(label.toLowerCase(), 4000) });

/** The nonconformity a flow acts on: always pre-filled, shown in the summary. */
const nonconformityStep: StepDefinition = {
  id: "nonconformity",
  label: "Nonconformity",
  prompt: "Which nonconformity? (e.g. NC-0001)",
  help: "The nonconformity's reference, as in NC-0001.",
  input: "text",
  schema: z.string().transform((typed, context) => {
    const reference = parseNonconformityReference(typed);
    if (!reference) context.addIssue({ code: "custom", message: "Please give a nonconformity reference such as NC-0001." });
    return reference ?? "";
  }),
};

const raisedFromStep: StepDefinition = {
  id: "raisedFrom",
  label: "Found in",
  prompt: "Which audit or management review was it found in? (e.g. REV-0001, or \"skip\" if neither)",
  help: "Findings of an internal audit or a management review keep the link to it, so the review's results list them.",
  input: "text",
  optional: true,
  defaultValue: () => null,
  schema: z.string().transform((typed, context) => {
    const reference = parseReviewReference(typed);
    if (!reference) context.addIssue({ code: "custom", message: "Please give an audit or review reference such as REV-0001, or \"skip\"." });
    return reference ?? "";
  }),
  display: (value) => String(value),
};

const actingOf = (context: CompletionContext): Acting => ({
  actor: actorOf(context),
  viewer: { personId: context.speaker.personId, roles: context.speaker.roles },
  now: context.now,
});

export function nonconformityFlows(): FlowDefinition[] {
  return [
    {
      id: nonconformityFlowIds.raise,
      title: "Raise a nonconformity",
      noun: "nonconformity",
      description: "Record a requirement of ISO/IEC 42001 or of our AIMS that is not met (10.2).",
      listed: false,
      steps: [
        raisedFromStep,
        requirementStep,
        text("description", "Description", "What is not met? Describe the finding and its evidence.", "E.g. \"No bias test results were kept for the pricing model's last release (A.6.2.4)\"."),
      ],
      complete: async (answers, context) => {
        const raised = await new NonconformityStore(context.tx).raise(
          { reviewReference: (answers.raisedFrom as string | null) ?? null, requirement: answers.requirement as string, description: answers.description as string },
          actingOf(context),
        );
        return {
          reference: raised.reference,
          title: `Raised ${raised.reference} against ${raised.requirement}`,
          lines: ["The governance team has been told.", `Type "${raised.reference}" to see it, or "${raised.reference} plan" to record its root cause and corrective action.`],
        };
      },
    },
    {
      id: nonconformityFlowIds.plan,
      title: "Plan the correction of a nonconformity",
      noun: "nonconformity plan",
      description: "Root cause, correction and corrective action for a nonconformity.",
      listed: false,
      refusesToStart: (speaker) => (can(speaker, "edit", "nonconformity") ? null : refusalText("edit", "nonconformity")),
      steps: [
        nonconformityStep,
        text("rootCause", "Root cause", "What is the root cause?", "Why the requirement was not met, not only what happened: e.g. \"the release checklist did not include bias testing\"."),
        text("correction", "Correction", "What is corrected now, for this occurrence?", "The immediate fix, e.g. \"bias test run on the current release and its results filed\"."),
        text("actionDescription", "Corrective action", "What corrective action stops it happening again?", "A change to a process, a system, data or training."),
        actionOwnerStep("actionOwner"),
        actionDueStep("actionDue"),
      ],
      complete: async (answers, context) => {
        const reference = answers.nonconformity as string;
        const planned = await new NonconformityStore(context.tx).plan(
          reference,
          { rootCause: answers.rootCause as string, correction: answers.correction as string, correctiveAction: correctiveActionFrom(answers) },
          actingOf(context),
        );
        return {
          reference: planned.action.reference,
          title: `${reference}: corrective action ${planned.action.reference} raised`,
          lines: [
            `Status: ${nonconformityStatusLabels[planned.nonconformity.status]}.`,
            planned.action.ownerId === context.speaker.personId ? "You own the action." : `${planned.ownerName} owns the action and has been told.`,
            `When the action is done and its effect checked, type "${reference} close".`,
          ],
        };
      },
    },
    {
      id: nonconformityFlowIds.close,
      title: "Close a nonconformity",
      noun: "nonconformity closure",
      description: "Close a nonconformity once its corrective actions are done and work.",
      listed: false,
      refusesToStart: (speaker) => (can(speaker, "edit", "nonconformity") ? null : refusalText("edit", "nonconformity")),
      steps: [nonconformityStep, text("effectivenessCheck", "Effectiveness check", "How was it checked that the corrective actions worked?", "E.g. \"the next two releases were checked: both have bias test results on file\".")],
      complete: async (answers, context) => {
        const reference = answers.nonconformity as string;
        const closed = await new NonconformityStore(context.tx).close(reference, answers.effectivenessCheck as string, actingOf(context));
        return { reference, title: `${reference} is closed`, lines: [`Status: ${nonconformityStatusLabels[closed.status]}.`] };
      },
    },
  ];
}
