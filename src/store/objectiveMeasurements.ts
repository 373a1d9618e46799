// Results of measuring AI objectives (ISO/IEC 42001 9.1). Each result is judged against the target
// figure the objective has when it is recorded, and kept with that figure, so a later change of
// target does not rewrite whether an earlier result was met. Written through the record writer, so
// every result is in the change history.
import type { Actor } from "./changeHistory.js";
import { createRecord, type Db } from "./recordWriter.js";
import { meetsTarget } from "../domain/measurement.js";

export const measurementEntity = "ObjectiveMeasurement";

export interface NewMeasurement {
  objective: { id: string; targetValue: number | null; targetAtMost: boolean; targetUnit: string | null };
  value: number;
  unit: string | null;
  measuredOn: Date;
  note: string | null;
}

export class MeasurementStore {
  constructor(private readonly db: Db) {}

  record(measurement: NewMeasurement, actor: Actor & { personId: string }) {
    const { objective } = measurement;
    return createRecord(this.db, {
      entityType: measurementEntity,
      prefix: "MSR",
      actor,
      create: (tx, reference) =>
        tx.objectiveMeasurement.create({
          data: {
            reference,
            objectiveId: objective.id,
            value: measurement.value,
            unit: measurement.unit ?? objective.targetUnit,
            measuredOn: measurement.measuredOn,
            targetValue: objective.targetValue,
            targetAtMost: objective.targetAtMost,
            met: meetsTarget(measurement.value, objective),
            note: measurement.note,
            recordedById: actor.personId,
            recordedVia: actor.channel,
          },
        }),
    });
  }

  /** An objective's results, latest first. */
  of(objectiveId: string, take = 12) {
    return this.db.objectiveMeasurement.findMany({
      where: { objectiveId },
      orderBy: [{ measuredOn: "desc" }, { createdAt: "desc" }],
      take,
      include: { recordedBy: { select: { displayName: true } } },
    });
  }
}
