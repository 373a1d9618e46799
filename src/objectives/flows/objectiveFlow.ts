// Record an AI objective (ISO/IEC 42001 6.2: what, target, owner, how measured, by when) with its
// measure (9.1: what is measured, how often, the figure that counts as met), or update
// one: started from the objective with its answers filled in, it asks for the status and a word on
// progress, and any other answer can be edited before confirming.
import { z } from "zod";
import { can, refusalText } from "../../domain/accessPolicy.js";
import { ActionRefused } from "../../domain/actionRefused.js";
import type { MeasurementFrequency, ObjectiveStatus } from "../../generated/prisma/enums.js";
import { describeTarget, measurementFrequencyLabels, parseTargetFigure, type TargetFigure } from "../../domain/measurement.js";
import type { Answers, FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { choicesFrom, requiredText } from "../../conversations/flows/choices.js";
import { ObjectiveStore } from "../../store/objectives.js";
import { objectiveStatusDescriptions, objectiveStatusLabels } from "../../domain/objectiveStatus.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const objectiveFlowId = "ai_objective";

const updating = (answers: Answers) => typeof answers.reference === "string";
const dateOnly = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

export function objectiveFlow(): FlowDefinition {
  return {
    id: objectiveFlowId,
    title: "Record an AI objective",
    noun: "AI objective",
    description: "An AI objective: what, the target, who owns it, how it is measured and by when (6.2).",
    listed: false,
    // Who may start depends on the objective (its owner may update it): the use cases check, and saving checks again.
    introFor: (answers) => (updating(answers) ? `Updating ${String(answers.reference)}: how does it stand? The other answers are as recorded; you can edit them before confirming.` : undefined),
    steps: [
      { id: "reference", label: "Objective", prompt: "Which objective?", help: "Its reference, as in OBJ-0001.", input: "text", schema: z.string(), when: updating },
      { id: "objective", label: "What", prompt: "What is the objective? (one sentence)", help: 'E.g. "Every AI system in production has a current impact assessment". Objectives follow from the AI policy and are measurable.', input: "text", schema: requiredText("objective", 500) },
      { id: "target", label: "Target", prompt: "What is the target? (a figure or a state to reach)", help: 'E.g. "100% of high-tier systems; 90% of all systems".', input: "text", schema: requiredText("target", 300) },
      {
        id: "targetFigure",
        label: "Met when",
        prompt: 'What result counts as met? (e.g. "at least 90%", "at most 5 days"; "skip" if the target is not a figure)',
        help: "Each result recorded with \"measure OBJ-0001 87%\" is judged met or not met against this figure.",
        input: "text",
        optional: true,
        defaultValue: () => null,
        schema: z.string().transform((typed, context) => {
          const figure = parseTargetFigure(typed);
          if (!figure) context.addIssue({ code: "custom", message: 'Please give a figure, e.g. "at least 90%" or "at most 5 days" (or "skip").' });
          return figure ?? { value: 0, unit: null, atMost: false };
        }),
        display: (value) => (value ? describeTarget(value as TargetFigure) : "not a figure"),
      },
      { id: "metric", label: "What is measured", prompt: "What is measured? (the indicator whose results are recorded)", help: 'E.g. "Share of in-production AI systems with an impact assessment less than a year old".', input: "text", schema: requiredText("indicator", 300) },
      { id: "measure", label: "How measured", prompt: "How is it measured? (the method and where the figures come from)", help: 'E.g. "Share of in-production systems in the inventory with an impact assessment less than a year old, counted at each management review".', input: "text", schema: requiredText("measure", 1000) },
      { id: "frequency", label: "How often", prompt: "How often is a result recorded?", help: "Its owner is reminded when the next result is due.", input: "single_choice", choices: choicesFrom(measurementFrequencyLabels), schema: z.enum(Object.keys(measurementFrequencyLabels) as [MeasurementFrequency]) },
      { id: "owner", label: "Owner", prompt: 'Who owns it? (a name or an email, or "me")', help: "The person responsible for reaching it and reporting on it.", input: "person", schema: z.object({ personId: z.string(), displayName: z.string() }) },
      { id: "dueOn", label: "Due", prompt: "By when? (a date)", help: "When the target should be met.", input: "date", schema: z.string(), dates: { only: "future", message: "That date has passed; by when should the target be met?" } },
      { id: "status", label: "Status", prompt: "How does it stand?", help: "At risk: the target may not be met in time. Missed: the due date passed without it.", input: "single_choice", choices: choicesFrom(objectiveStatusLabels, objectiveStatusDescriptions), schema: z.enum(Object.keys(objectiveStatusLabels) as [ObjectiveStatus]), when: updating },
      { id: "progressNote", label: "Progress", prompt: 'A word on progress? (figures so far, what is next; "skip" for none)', help: 'E.g. "17 of 19 done; the last two are booked for January".', input: "text", schema: requiredText("progress note", 1000), optional: true, defaultValue: () => null, when: updating },
    ],
    complete: async (answers, context) => {
      const store = new ObjectiveStore(context.tx);
      const owner = answers.owner as PersonAnswer;
      const figure = (answers.targetFigure as TargetFigure | null) ?? null;
      const fields = {
        objective: answers.objective as string,
        target: answers.target as string,
        metric: answers.metric as string,
        measure: answers.measure as string,
        frequency: answers.frequency as MeasurementFrequency,
        targetValue: figure?.value ?? null,
        targetUnit: figure?.unit ?? null,
        targetAtMost: figure?.atMost ?? false,
        ownerId: owner.personId,
        dueOn: dateOnly(answers.dueOn as string),
      };
      if (!updating(answers)) {
        if (!can(context.speaker, "create", "objective")) throw new ActionRefused(refusalText("create", "objective"));
        const created = await store.add(fields, actorOf(context));
        return { reference: created.reference, title: `Recorded ${created.reference}: ${created.objective}`, lines: [`Owner ${owner.displayName}, due ${displayDate(created.dueOn)}. Type "objectives" to see them all.`] };
      }
      const reference = answers.reference as string;
      const current = await store.byReference(reference);
      if (!current) throw new ActionRefused(`${reference} does not exist any more.`);
      if (!can(context.speaker, "edit", "objective", { ownerId: current.ownerId })) throw new ActionRefused(refusalText("edit", "objective"));
      const updated = await store.update(reference, { ...fields, status: answers.status as ObjectiveStatus, progressNote: (answers.progressNote as string | null) ?? current.progressNote }, actorOf(context));
      return { reference, title: `${reference} updated: ${objectiveStatusLabels[updated.status]}`, lines: [`Type "objective ${reference}" to see it with its history.`] };
    },
  };
}

interface ObjectiveToUpdate {
  reference: string;
  objective: string;
  target: string;
  measure: string;
  metric: string | null;
  frequency: MeasurementFrequency | null;
  targetValue: number | null;
  targetUnit: string | null;
  targetAtMost: boolean;
  ownerId: string;
  dueOn: Date;
  owner: { displayName: string };
}

/** The answers an update starts from: everything but the status and the progress note. */
export const objectiveUpdatePrefill = (objective: ObjectiveToUpdate): Answers => ({
  reference: objective.reference,
  objective: objective.objective,
  target: objective.target,
  targetFigure: objective.targetValue === null ? null : ({ value: objective.targetValue, unit: objective.targetUnit, atMost: objective.targetAtMost } satisfies TargetFigure),
  // An objective recorded before measures were kept is asked for them now.
  ...(objective.metric ? { metric: objective.metric } : {}),
  ...(objective.frequency ? { frequency: objective.frequency } : {}),
  measure: objective.measure,
  owner: { personId: objective.ownerId, displayName: objective.owner.displayName } satisfies PersonAnswer,
  dueOn: objective.dueOn.toISOString(),
});
