// Record a result of measuring an AI objective (ISO/IEC 42001 9.1), step by step: the value, the day
// it stands for, and a note. "measure OBJ-0001 87%" records the same in one line; this flow is what
// "measure OBJ-0001" and the reminder's "Record the result" button start.
import { z } from "zod";
import { ActionRefused } from "../../domain/actionRefused.js";
import { parseFigure, type Figure } from "../../domain/measurement.js";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { recordMeasurement } from "../measurementRecording.js";

export const measurementFlowId = "objective_measurement";

export function measurementFlow(): FlowDefinition {
  return {
    id: measurementFlowId,
    title: "Record a measurement",
    noun: "measurement",
    description: "A result of measuring an AI objective (9.1): the value, when, and a note.",
    listed: false,
    introFor: (answers) => (typeof answers.objective === "string" ? `Recording a result for ${answers.objective}.` : undefined),
    steps: [
      { id: "objective", label: "Objective", prompt: "Which objective?", help: "Its reference, as in OBJ-0001.", input: "text", schema: z.string() },
      {
        id: "value",
        label: "Result",
        prompt: 'What is the result? (a figure, e.g. "87%" or "4 days")',
        help: "The value of the indicator the objective measures; it is judged against the objective's target figure.",
        input: "text",
        schema: z.string().transform((typed, context) => {
          const figure = parseFigure(typed);
          if (!figure) context.addIssue({ code: "custom", message: 'Please give the result as a figure, e.g. "87%" or "4 days".' });
          return figure ?? { value: 0, unit: null };
        }),
        display: (value) => { const figure = value as Figure; return `${figure.value}${figure.unit === "%" ? "%" : figure.unit ? ` ${figure.unit}` : ""}`; },
      },
      { id: "measuredOn", label: "Measured on", prompt: 'Which day does it stand for? (a date, "today"; "skip" for today)', help: "The day the figures were counted.", input: "date", schema: z.string(), optional: true, defaultValue: () => null, dates: { only: "past", message: "That date is in the future; which day does the result stand for?" } },
      { id: "note", label: "Note", prompt: 'A note? (where the figures come from, what changed; "skip" for none)', help: 'E.g. "17 of 19 systems; two assessments booked for January".', input: "text", schema: requiredText("note", 1000), optional: true, defaultValue: () => null },
    ],
    complete: async (answers, context) => {
      const figure = answers.value as Figure;
      const measuredOn = typeof answers.measuredOn === "string" ? new Date(`${answers.measuredOn.slice(0, 10)}T00:00:00Z`) : context.now;
      const recorded = await recordMeasurement(context.tx, { reference: answers.objective as string, figure, measuredOn, note: (answers.note as string | null) ?? null, speaker: context.speaker, actor: actorOf(context) });
      if ("refused" in recorded) throw new ActionRefused(recorded.refused);
      return { reference: recorded.reference, title: recorded.title, lines: recorded.lines };
    },
  };
}
