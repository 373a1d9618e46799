// The short conversations behind incident actions that need more than a click: assigning,
// declining, containing, resolving, closing with lessons learned, raising corrective actions.
// Each is started from an incident (its reference pre-filled) and ends in one workflow step.
import { z } from "zod";
import { lessonsLearnedRequired, parseIncidentReference, type IncidentAction } from "../../domain/incidentLifecycle.js";
import { incidentStatusLabels, severityLabels } from "../../domain/labels.js";
import { Severity } from "../../generated/prisma/enums.js";
import { IncidentWorkflow, type IncidentStep } from "../../store/incidentWorkflow.js";
import type { Answers, FlowDefinition, StepDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer, SystemAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { actionDueStep, actionOwnerStep, correctiveActionFrom } from "../../conversations/flows/correctiveActionSteps.js";
import { requirementStep } from "../../nonconformities/flows/nonconformityFlows.js";
import { choicesFrom, requiredText, yesNoChoices } from "../../conversations/flows/choices.js";

export const incidentFlowId = (action: IncidentAction) => `incident_${action}`;

const link = z.string().trim().url("Please give a full link starting with https://, or \"skip\".");

/** The incident the flow acts on: always pre-filled, shown in the summary so the person sees which one. */
const incidentStep: StepDefinition = {
  id: "incident",
  label: "Incident",
  prompt: "Which incident? (e.g. INC-0007)",
  help: "The incident's reference, as in INC-0007.",
  input: "text",
  schema: z.string().transform((text, context) => {
    const reference = parseIncidentReference(text);
    if (!reference) context.addIssue({ code: "custom", message: "Please give an incident reference such as INC-0007." });
    return reference ?? "";
  }),
};

const text = (id: string, label: string, prompt: string, help: string, max = 4000, extra: Partial<StepDefinition> = {}): StepDefinition => ({
  id,
  label,
  prompt,
  help,
  input: "text",
  schema: requiredText(label.toLowerCase(), max),
  ...extra,
});

const gaveAction = (answers: Answers) => typeof answers.actionDescription === "string";
const wantsLessons = (answers: Answers) => answers.highSeverity === true || answers.recordLessons === true;
/** The incident's corrective actions still open when the closure started (references). */
const openActionsOf = (answers: Answers) => (Array.isArray(answers.openActions) ? (answers.openActions as string[]) : []);

/** Closing with corrective actions still open is allowed only with a recorded reason to carry them over. */
const carryOverStep: StepDefinition = {
  id: "carryOverReason",
  label: "Carried over",
  prompt: (answers) => {
    const open = openActionsOf(answers);
    const them = open.length === 1 ? `${open[0]} is` : `${open.join(", ")} are`;
    return `${them} still open. Closing now carries ${open.length === 1 ? "it" : "them"} over: ${open.length === 1 ? "it stays" : "they stay"} open with ${open.length === 1 ? "its owner" : "their owners"} and reminders. Why close before ${open.length === 1 ? "it is" : "they are"} done? (or "cancel", and mark ${open.length === 1 ? "it" : "them"} done first, e.g. "${open[0]} done")`;
  },
  help: "An auditor will read this reason on the incident's timeline, e.g. \"the retraining is scheduled for the next release; the interim correction already stops the harm\".",
  input: "text",
  schema: requiredText("reason", 2000),
  when: (answers) => openActionsOf(answers).length > 0,
};

interface IncidentFlowSpec {
  action: IncidentAction;
  /** What an unfinished one is called: "incident closure". */
  noun: string;
  title: string;
  /** The title of the confirmation: "Assigned", "Closed". */
  done: string;
  steps: StepDefinition[];
  toStep(answers: Answers): IncidentStep;
  prepare?: FlowDefinition["prepare"];
}

const specs: IncidentFlowSpec[] = [
  {
    action: "assign",
    done: "Assigned",
    noun: "incident assignment",
    title: "Assign an incident",
    steps: [{ id: "assignee", label: "Assignee", prompt: "Who should handle it? (\"me\", a name or an email)", help: "The handler investigates and keeps the timeline up to date.", input: "person", schema: z.object({ personId: z.string(), displayName: z.string() }) }],
    toStep: (answers) => ({ action: "assign", assigneeId: (answers.assignee as PersonAnswer).personId }),
  },
  {
    action: "change_severity",
    done: "Severity changed",
    noun: "severity change",
    title: "Change an incident's severity",
    steps: [
      { id: "severity", label: "Severity", prompt: "What is the right severity?", help: "SEV1 is the most serious.", input: "single_choice", choices: choicesFrom(severityLabels), schema: z.enum(Severity) },
      text("reason", "Reason", "Why does it change?", "One sentence is enough; it goes on the timeline."),
    ],
    toStep: (answers) => ({ action: "change_severity", severity: answers.severity as Severity, reason: answers.reason as string }),
  },
  {
    action: "mark_duplicate",
    done: "Marked as a duplicate",
    noun: "duplicate marking",
    title: "Mark an incident as a duplicate",
    steps: [{ ...incidentStep, id: "original", label: "Duplicate of", prompt: "Which incident does it repeat? (e.g. INC-0003)" }],
    toStep: (answers) => ({ action: "mark_duplicate", duplicateOf: answers.original as string }),
  },
  {
    action: "decline",
    done: "Declined: not an AI incident",
    noun: "decision to decline a report",
    title: "Decline a report (not an AI incident)",
    steps: [text("reason", "Reason", "Why is this not an AI incident?", "The reporter sees this reason, so write it for them.")],
    toStep: (answers) => ({ action: "decline", reason: answers.reason as string }),
  },
  {
    action: "contain",
    done: "Containment recorded",
    noun: "containment record",
    title: "Record containment",
    steps: [text("note", "Containment", "What was done to stop further harm?", "E.g. \"feature switched off\", \"model rolled back\", \"affected customers contacted\".")],
    toStep: (answers) => ({ action: "contain", note: answers.note as string }),
  },
  {
    action: "resolve",
    done: "Resolved",
    noun: "incident resolution",
    title: "Resolve an incident",
    steps: [
      text("rootCause", "Root cause", "What was the root cause?", "Why it happened, not only what happened: e.g. \"training data under-represented older applicants\"."),
      text("correction", "Correction", "What was corrected for this occurrence?", "The fix for this case, e.g. \"affected decisions re-reviewed by a person\"."),
      text("actionDescription", "Corrective action", "What corrective action stops it happening again? (\"skip\" if one is already raised)", "A change to the system, data, process or training, with an owner and due date.", 2000, { optional: true }),
      actionOwnerStep("actionOwner", gaveAction),
      actionDueStep("actionDue", gaveAction),
    ],
    toStep: (answers) => ({
      action: "resolve",
      rootCause: answers.rootCause as string,
      correction: answers.correction as string,
      correctiveAction: gaveAction(answers)
        ? correctiveActionFrom(answers)
        : null,
    }),
  },
  {
    action: "close",
    done: "Closed",
    noun: "incident closure",
    title: "Close an incident",
    steps: [
      carryOverStep,
      text("effectivenessCheck", "Effectiveness check", "How was it checked that the corrective actions worked?", "E.g. \"re-ran the bias test on 2,000 applications: no gap above 2 %\"."),
      { id: "recordLessons", label: "Lessons learned", prompt: "Record a short lessons-learned review now? (recommended)", help: "Three questions: what happened, why, and what changes.", input: "yes_no", choices: yesNoChoices, schema: z.boolean(), when: (answers) => answers.highSeverity !== true },
      text("lessonsWhatHappened", "What happened", "Lessons learned 1/3: what happened, in a sentence or two?", "The short story of the incident, for people who were not involved.", 4000, { when: wantsLessons }),
      text("lessonsWhy", "Why", "Lessons learned 2/3: why did it happen?", "The causes, including why it was not caught earlier.", 4000, { when: wantsLessons }),
      text("lessonsChanges", "What changes", "Lessons learned 3/3: what changes so it does not happen again?", "Changes to systems, processes, training or the policy.", 4000, { when: wantsLessons }),
    ],
    // Whether the review is required, and which actions are still open, are known only when the flow starts.
    prepare: async (prefill, context) => {
      const incident = await context.lookups.incident(String(prefill.incident ?? ""));
      return {
        ...prefill,
        highSeverity: incident ? lessonsLearnedRequired(incident.severity) : false,
        openActions: incident?.openActions.map((action) => action.reference) ?? [],
      };
    },
    toStep: (answers) => ({
      action: "close",
      effectivenessCheck: answers.effectivenessCheck as string,
      carryOverReason: typeof answers.carryOverReason === "string" ? answers.carryOverReason : null,
      // Only the answers to questions asked reach here, so the review's own answers tell whether it was given.
      lessons: typeof answers.lessonsWhatHappened === "string"
        ? { whatHappened: answers.lessonsWhatHappened as string, why: answers.lessonsWhy as string, changes: answers.lessonsChanges as string }
        : null,
    }),
  },
  {
    action: "reopen",
    done: "Reopened",
    noun: "incident reopening",
    title: "Reopen an incident",
    steps: [text("reason", "Reason", "Why does it need reopening?", "E.g. \"the effectiveness check failed\".")],
    toStep: (answers) => ({ action: "reopen", reason: answers.reason as string }),
  },
  {
    action: "set_system",
    done: "AI system set",
    noun: "incident system update",
    title: "Set an incident's AI system",
    steps: [{ id: "system", label: "AI system", prompt: "Which AI system was involved? Type its name.", help: "Part of the name is enough; if it is not in the inventory, type its name anyway and choose \"… is not listed\".", input: "ai_system", schema: z.object({ systemId: z.string().nullable(), reference: z.string().nullable(), name: z.string().min(1) }) }],
    toStep: (answers) => {
      const system = answers.system as SystemAnswer;
      return { action: "set_system", systemId: system.systemId, name: system.name };
    },
  },
  {
    action: "raise_action",
    done: "Corrective action raised",
    noun: "corrective action",
    title: "Raise a corrective action",
    steps: [
      text("actionDescription", "Corrective action", "What needs to be done so it does not happen again?", "A change to the system, data, process or training.", 2000),
      actionOwnerStep("actionOwner"),
      actionDueStep("actionDue"),
    ],
    toStep: (answers) => ({
      action: "raise_action",
      correctiveAction: correctiveActionFrom(answers),
    }),
  },
  {
    action: "raise_nonconformity",
    done: "Nonconformity raised",
    noun: "nonconformity",
    title: "Raise a nonconformity from an incident",
    steps: [requirementStep, text("description", "Description", "What requirement is not met, and how did the incident show it?", "E.g. \"bias testing before release (A.6.2.4) was skipped for this model\".")],
    toStep: (answers) => ({ action: "raise_nonconformity", requirement: answers.requirement as string, description: answers.description as string }),
  },
  {
    action: "add_note",
    done: "Added to the timeline",
    noun: "timeline note",
    title: "Add to an incident's timeline",
    steps: [
      text("note", "Note", "What should go on the timeline?", "Findings, decisions, who was contacted."),
      { id: "link", label: "Evidence link", prompt: "A link to evidence? (\"skip\" if none)", help: "E.g. a ticket, a log query or a document.", input: "text", schema: link, optional: true, defaultValue: () => null },
    ],
    toStep: (answers) => ({ action: "add_note", text: answers.note as string, link: (answers.link as string | null) ?? null }),
  },
];

function incidentFlow(spec: IncidentFlowSpec): FlowDefinition {
  return {
    id: incidentFlowId(spec.action),
    title: spec.title,
    noun: spec.noun,
    description: spec.title,
    listed: false,
    steps: [incidentStep, ...spec.steps],
    ...(spec.prepare ? { prepare: spec.prepare } : {}),
    complete: async (answers, context) => {
      const reference = answers.incident as string;
      const incident = await new IncidentWorkflow(context.tx).apply(reference, spec.toStep(answers), {
        actor: actorOf(context),
        viewer: { personId: context.speaker.personId, roles: context.speaker.roles },
        now: context.now,
      });
      // What the timeline now records says what was done (a raised record's reference, the new assignee).
      return {
        reference,
        title: `${reference}: ${spec.done}`,
        lines: [incident.recorded, `Status: ${incidentStatusLabels[incident.status]}.`, `Type "incident ${reference}" to see it with its timeline.`],
      };
    },
  };
}

export const incidentFlows = (): FlowDefinition[] => specs.map(incidentFlow);
/** Actions taken with one click; every other action is a short conversation. */
export const oneClickActions: readonly IncidentAction[] = ["acknowledge", "start_investigation"];
export const flowForAction = (action: IncidentAction) => (specs.some((spec) => spec.action === action) ? incidentFlowId(action) : null);
