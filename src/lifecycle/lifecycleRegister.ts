// The life-cycle records register for exports and the evidence pack (A.6.2.2–A.6.2.8): every version
// of every record (the current one marked), with the system, who recorded it and who accepted it.
import type { PrismaClient } from "../generated/prisma/client.js";
import { lifecycleKindFacts, measureText, thresholdText } from "../domain/lifecycleRules.js";

export const lifecycleRecordColumns = [
  "reference", "version", "current", "supersededAt", "systemReference", "systemName", "systemRiskTier", "systemStatus", "kind", "control",
  "summary", "rationale", "link", "metric", "threshold", "thresholdComparison", "thresholdValue", "resultValue", "unit", "result", "passed",
  "acceptedBy", "acceptedAt", "watches", "frequency", "responsibleName", "logLocation", "retention", "recordedBy", "createdAt", "createdVia",
];

export async function lifecycleRecordTable(prisma: PrismaClient): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const records = await prisma.lifecycleRecord.findMany({
    orderBy: [{ reference: "asc" }, { version: "asc" }],
    include: { system: { select: { reference: true, name: true, riskTier: true, status: true } }, acceptedBy: { select: { displayName: true } }, responsible: { select: { displayName: true } }, recordedBy: { select: { displayName: true } } },
  });
  return {
    columns: lifecycleRecordColumns,
    rows: records.map(({ system, acceptedBy, responsible, recordedBy, id: _id, systemId: _systemId, acceptedById: _acceptedById, responsibleId: _responsibleId, recordedById: _recordedById, ...record }) => ({
      ...record,
      current: record.supersededAt === null,
      systemReference: system.reference,
      systemName: system.name,
      systemRiskTier: system.riskTier,
      systemStatus: system.status,
      control: lifecycleKindFacts[record.kind].control,
      threshold: record.thresholdComparison && record.thresholdValue !== null ? thresholdText({ comparison: record.thresholdComparison, value: record.thresholdValue, unit: record.unit }) : null,
      resultValue: record.resultValue,
      result: record.resultValue !== null ? measureText(record.resultValue, record.unit) : null,
      acceptedBy: acceptedBy?.displayName ?? null,
      responsibleName: responsible?.displayName ?? null,
      recordedBy: recordedBy?.displayName ?? "system",
    })),
  };
}

/** The control a row evidences: a current version, and for test results one that met its threshold. */
export function lifecycleEvidence(row: Record<string, unknown>): string[] {
  if (row.current !== true) return [];
  if (row.kind === "verification" && row.passed !== true) return [];
  return [String(row.control)];
}
