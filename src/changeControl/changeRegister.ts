// The change-control registers for exports and the evidence pack (ISO/IEC 42001 6.3, 8.1): every
// material change with what it reopened, and every inventory entry with what is out of date.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { FieldChange, MaterialField } from "../domain/materialChange.js";
import { changeLines } from "../domain/systemChangeNotices.js";
import { latestChanges } from "../store/changeHistory.js";
import { systemChangeEntity } from "../store/systemChanges.js";
import { inventoryStatus } from "./inventoryStatus.js";

type Table = { columns: string[]; rows: Record<string, unknown>[] };

export async function systemChangeTable(prisma: PrismaClient): Promise<Table> {
  const [changes, latest] = await Promise.all([
    prisma.systemChange.findMany({
      orderBy: { reference: "asc" },
      include: { system: { select: { reference: true, name: true } }, requestedBy: { select: { displayName: true } }, decidedBy: { select: { displayName: true } } },
    }),
    latestChanges(prisma, systemChangeEntity),
  ]);
  return {
    columns: ["reference", "systemReference", "systemName", "changedFields", "changes", "tierBefore", "tierAfter", "reopenedApproval", "assessmentsAsked", "status", "requestedByName", "createdAt", "createdVia", "decidedByName", "decidedAt", "lastChangedAt", "lastChangedBy"],
    rows: changes.map((change) => ({
      reference: change.reference,
      systemReference: change.system.reference,
      systemName: change.system.name,
      changedFields: change.changedFields,
      changes: changeLines(change.details as Partial<Record<MaterialField, FieldChange>>),
      tierBefore: change.tierBefore,
      tierAfter: change.tierAfter,
      reopenedApproval: change.reopenedApproval,
      assessmentsAsked: change.assessmentsAsked,
      status: change.status,
      requestedByName: change.requestedBy?.displayName ?? null,
      createdAt: change.createdAt,
      createdVia: change.createdVia,
      decidedByName: change.decidedBy?.displayName ?? null,
      decidedAt: change.decidedAt,
      lastChangedAt: latest.get(change.id)?.at ?? null,
      lastChangedBy: latest.get(change.id)?.actorLabel ?? null,
    })),
  };
}

export async function inventoryStatusTable(prisma: PrismaClient, today: Date = new Date()): Promise<Table> {
  const entries = await inventoryStatus(prisma, today);
  return {
    columns: ["reference", "name", "ownerName", "status", "riskTier", "lifecycleStage", "riskAssessmentCurrent", "impactAssessmentCurrent", "lifecycleRecordsMissing", "openChange", "upToDate", "outOfDateReasons"],
    rows: entries.map((entry) => ({
      reference: entry.reference,
      name: entry.name,
      ownerName: entry.ownerName,
      status: entry.status,
      riskTier: entry.riskTier,
      lifecycleStage: entry.lifecycleStage,
      riskAssessmentCurrent: entry.hasRiskAssessment,
      impactAssessmentCurrent: entry.hasImpactAssessment,
      lifecycleRecordsMissing: entry.lifecycleGaps.map((gap) => gap.kind),
      openChange: entry.openChange,
      upToDate: entry.reasons.length === 0,
      outOfDateReasons: entry.reasons,
    })),
  };
}
