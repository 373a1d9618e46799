// Recording a result of measuring an AI objective (9.1), shared by the one-line "measure OBJ-0001 87%"
// and the measurement flow: who may, the unit it must be in, and what the reply says (met or not met
// against the target, the trend since the last result, when the next one is due).
import { can, type Viewer } from "../domain/accessPolicy.js";
import { describeFigure, describeTarget, describeTrend, measurementFrequencyLabels, metWording, nextMeasurementDue, type Figure } from "../domain/measurement.js";
import type { Actor } from "../store/changeHistory.js";
import { MeasurementStore } from "../store/objectiveMeasurements.js";
import type { Db } from "../store/recordWriter.js";
import { displayDate } from "../domain/dateDisplay.js";

export interface MeasurementToRecord {
  reference: string;
  figure: Figure;
  measuredOn: Date;
  note: string | null;
  speaker: Viewer;
  actor: Actor;
}

export type RecordedMeasurement = { reference: string; title: string; lines: string[] } | { refused: string };

const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

export async function recordMeasurement(db: Db, request: MeasurementToRecord): Promise<RecordedMeasurement> {
  const objective = await db.aiObjective.findUnique({ where: { reference: request.reference }, include: { owner: { select: { displayName: true } } } });
  if (!objective) return { refused: `There is no objective ${request.reference}. Type "objectives" to see them.` };
  if (!can(request.speaker, "edit", "objective", { ownerId: objective.ownerId })) return { refused: `Only the governance team or ${objective.reference}'s owner (${objective.owner.displayName}) can record its results.` };
  if (objective.status === "withdrawn") return { refused: `${objective.reference} was withdrawn; it takes no more results.` };
  const unitRefusal = unitMismatch(request.figure, objective.targetUnit, objective.reference);
  if (unitRefusal) return { refused: unitRefusal };
  const store = new MeasurementStore(db);
  const [previous] = await store.of(objective.id, 1);
  const saved = await store.record({ objective, value: request.figure.value, unit: request.figure.unit, measuredOn: request.measuredOn, note: request.note }, { ...request.actor, personId: request.speaker.personId });
  // The reminder for this result is answered: any copy not yet delivered is no longer wanted.
  await db.notificationDelivery.updateMany({
    where: { status: "pending", notification: { recordRef: `measure:${objective.reference}`, kind: "reminder" } },
    data: { status: "cancelled", lastError: `result recorded (${saved.reference})` },
  });
  const figure = { value: saved.value, unit: saved.unit };
  const target = objective.targetValue === null ? "" : ` against the target of ${describeTarget({ value: objective.targetValue, unit: objective.targetUnit, atMost: objective.targetAtMost })}`;
  const next = objective.frequency ? nextMeasurementDue(objective.frequency, saved.measuredOn, objective.createdAt) : null;
  return {
    reference: saved.reference,
    title: `${saved.reference}: ${objective.reference} measured ${describeFigure(figure)} on ${displayDate(saved.measuredOn)}, ${metWording(saved.met)}${target}`,
    lines: [
      `${capitalised(describeTrend(figure, previous?.value ?? null, objective.targetAtMost))}.`,
      ...(next ? [`Next result due ${displayDate(next)} (${measurementFrequencyLabels[objective.frequency!].toLowerCase()}); ${objective.reference}'s owner will be reminded.`] : []),
    ],
  };
}

/** A result in a unit the target is not in ("87%" for a target in days) is refused rather than misjudged. */
function unitMismatch(figure: Figure, targetUnit: string | null, reference: string): string | null {
  if (!figure.unit || !targetUnit || figure.unit === targetUnit) return null;
  if (targetUnit !== "%" && (figure.unit.startsWith(targetUnit.replace(/s$/, "")) || targetUnit.startsWith(figure.unit.replace(/s$/, "")))) return null;
  return `${reference} is measured in ${targetUnit === "%" ? "percent" : targetUnit}, not ${figure.unit === "%" ? "percent" : figure.unit}. Please give the result in ${targetUnit === "%" ? "percent, e.g. 87%" : targetUnit}.`;
}
