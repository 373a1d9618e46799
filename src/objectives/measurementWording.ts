// How an objective's measure and its results read in chat: what is measured, how, how often, the
// figure that counts as met and when the next result is due; each result with who recorded it.
import { describeFigure, describeTarget, measurementFrequencyLabels, metWording, nextMeasurementDue } from "../domain/measurement.js";
import type { MeasurementFrequency } from "../generated/prisma/enums.js";
import { channelLabels } from "../domain/labels.js";
import type { Channel } from "../generated/prisma/enums.js";
import { displayDate } from "../domain/dateDisplay.js";


interface MeasuredObjective {
  measure: string;
  metric: string | null;
  frequency: MeasurementFrequency | null;
  targetValue: number | null;
  targetUnit: string | null;
  targetAtMost: boolean;
  createdAt: Date;
}

export function measureLines(objective: MeasuredObjective, lastMeasuredOn: Date | null): string[] {
  const target = objective.targetValue === null ? null : describeTarget({ value: objective.targetValue, unit: objective.targetUnit, atMost: objective.targetAtMost });
  return [
    ...(objective.metric ? [`What is measured: ${objective.metric}`] : []),
    `How measured: ${objective.measure}`,
    ...(objective.frequency
      ? [`How often: ${measurementFrequencyLabels[objective.frequency].toLowerCase()}; next result due ${displayDate(nextMeasurementDue(objective.frequency, lastMeasuredOn, objective.createdAt))}`]
      : ["How often: not set (update the objective to set it)"]),
    ...(target ? [`Met when: ${target}`] : []),
  ];
}

interface Result {
  reference: string;
  value: number;
  unit: string | null;
  measuredOn: Date;
  met: boolean | null;
  note: string | null;
  recordedVia: Channel;
  recordedBy: { displayName: string };
}

export const resultItems = (results: Result[]) =>
  results.map((result) => ({
    reference: result.reference,
    text: `${displayDate(result.measuredOn)} · ${describeFigure(result)} · ${metWording(result.met)} · recorded by ${result.recordedBy.displayName} via ${channelLabels[result.recordedVia]}${result.note ? ` · ${result.note}` : ""}`,
  }));
