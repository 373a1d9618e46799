// The objective-measurements register (ISO/IEC 42001 9.1, 6.2): every result recorded, with its
// objective, the indicator, the target it was judged against, met or not, who recorded it and how.
import type { PrismaClient } from "../generated/prisma/client.js";
import { describeTarget } from "../domain/measurement.js";

export const measurementColumns = [
  "reference",
  "objective",
  "objectiveText",
  "metric",
  "method",
  "frequency",
  "value",
  "unit",
  "measuredOn",
  "target",
  "met",
  "note",
  "recordedByName",
  "recordedByEmail",
  "recordedVia",
  "createdAt",
];

export async function measurementTable(prisma: PrismaClient) {
  const results = await prisma.objectiveMeasurement.findMany({
    orderBy: [{ objective: { reference: "asc" } }, { measuredOn: "asc" }, { reference: "asc" }],
    include: { objective: { select: { reference: true, objective: true, metric: true, measure: true, frequency: true } }, recordedBy: { select: { displayName: true, email: true } } },
  });
  return {
    columns: measurementColumns,
    rows: results.map((result) => ({
      reference: result.reference,
      objective: result.objective.reference,
      objectiveText: result.objective.objective,
      metric: result.objective.metric,
      method: result.objective.measure,
      frequency: result.objective.frequency,
      value: result.value,
      unit: result.unit,
      measuredOn: result.measuredOn,
      target: result.targetValue === null ? null : describeTarget({ value: result.targetValue, unit: result.unit, atMost: result.targetAtMost }),
      met: result.met,
      note: result.note,
      recordedByName: result.recordedBy.displayName,
      recordedByEmail: result.recordedBy.email,
      recordedVia: result.recordedVia,
      createdAt: result.createdAt,
    })),
  };
}
