// Record a completed training (ISO/IEC 42001 7.2 competence): the governance team keeps the
// evidence that people working on AI are trained, and until when it counts.
import { z } from "zod";
import { can } from "../../domain/accessPolicy.js";
import { ActionRefused } from "../../domain/actionRefused.js";
import { TrainingStore } from "../../store/trainingRecords.js";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const recordTrainingFlowId = "record_training";

const dateOnly = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

export function recordTrainingFlow(): FlowDefinition {
  return {
    id: recordTrainingFlowId,
    title: "Record a training",
    noun: "training record",
    description: "Record that someone completed an AI-related training (competence evidence).",
    listed: false,
    refusesToStart: (speaker) => (can(speaker, "create", "training") ? null : "Only the governance team can record trainings. Type \"training\" for your own records."),
    steps: [
      { id: "person", label: "Person", prompt: "Who completed the training? (a name or an email)", help: "The person whose competence this shows.", input: "person", schema: z.object({ personId: z.string(), displayName: z.string() }) },
      { id: "course", label: "Course", prompt: "Which course or training?", help: "E.g. \"Responsible AI foundations\", \"Bias testing for data scientists\".", input: "text", schema: requiredText("course name", 200) },
      { id: "completedOn", label: "Completed on", prompt: "When was it completed? (a date, \"last Friday\")", help: "The date on the certificate or attendance record.", input: "date", schema: z.string(), dates: { only: "past", message: "That date is in the future; when was it completed?" } },
      {
        id: "validUntil",
        label: "Valid until",
        prompt: "Until when does it count? (a date; \"skip\" if it does not expire)",
        help: "Reminders are sent before it expires. Many organisations renew AI training yearly.",
        input: "date",
        schema: z.string(),
        optional: true,
        defaultValue: () => null,
      },
      { id: "provider", label: "Provider", prompt: "Who provided it? (\"skip\" if internal or unknown)", help: "A training company, an online platform, or an internal team.", input: "text", schema: requiredText("provider", 200), optional: true, defaultValue: () => null },
      { id: "evidenceLink", label: "Evidence link", prompt: "A link to the certificate or attendance record? (\"skip\" if none)", help: "Auditors ask for evidence; a link to the document store is enough.", input: "text", schema: z.string().trim().url("Please give a full link starting with https://, or \"skip\"."), optional: true, defaultValue: () => null },
    ],
    complete: async (answers, context) => {
      if (!can({ personId: context.speaker.personId, roles: context.speaker.roles }, "create", "training")) throw new ActionRefused("Only the governance team can record trainings.");
      const person = answers.person as PersonAnswer;
      const validUntil = answers.validUntil ? dateOnly(answers.validUntil as string) : null;
      const completedOn = dateOnly(answers.completedOn as string);
      if (validUntil && validUntil <= completedOn) throw new ActionRefused("\"Valid until\" must be after the completion date; please edit it.");
      const record = await new TrainingStore(context.tx).record(
        { personId: person.personId, course: answers.course as string, completedOn, validUntil, provider: (answers.provider as string | null) ?? null, evidenceLink: (answers.evidenceLink as string | null) ?? null },
        actorOf(context),
      );
      return {
        reference: record.reference,
        title: `Recorded ${record.reference}: ${record.course} for ${person.displayName}`,
        lines: [validUntil ? `Valid until ${displayDate(validUntil)}; a reminder goes out before it expires.` : "It does not expire.", `${person.displayName} has been told.`],
      };
    },
  };
}
