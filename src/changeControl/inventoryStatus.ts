// Reads what the out-of-date rule needs for every inventory entry in five queries, whatever the
// inventory's size: the systems, the changes that matter, and when each assessment was recorded.
import type { PrismaClient } from "../generated/prisma/client.js";
import { outOfDateReasons, type EntryOnFile } from "./outOfDate.js";
import { recordsOnFile } from "../store/lifecycleRecordsOnFile.js";
import { lifecycleGaps } from "../domain/lifecycleRules.js";

export interface InventoryEntryStatus extends EntryOnFile {
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  reasons: string[];
}

export async function inventoryStatus(prisma: PrismaClient, today: Date): Promise<InventoryEntryStatus[]> {
  const [systems, changes, risks, impacts, lifecycle] = await Promise.all([
    prisma.aiSystem.findMany({ where: { status: { notIn: ["retired"] } }, orderBy: { reference: "asc" }, include: { owner: { select: { displayName: true } } } }),
    prisma.systemChange.findMany({ where: { OR: [{ status: "awaiting_approval" }, { assessmentsAsked: { isEmpty: false } }] }, orderBy: { createdAt: "asc" } }),
    prisma.risk.findMany({ where: { status: { not: "acceptance_pending" } }, select: { systemId: true, createdAt: true } }),
    prisma.impactAssessment.findMany({ select: { systemId: true, createdAt: true } }),
    recordsOnFile(prisma),
  ]);
  const latest = (rows: { systemId: string; createdAt: Date }[]) => {
    const bySystem = new Map<string, Date>();
    for (const row of rows) if ((bySystem.get(row.systemId)?.getTime() ?? 0) < row.createdAt.getTime()) bySystem.set(row.systemId, row.createdAt);
    return bySystem;
  };
  const latestRisk = latest(risks);
  const latestImpact = latest(impacts);
  return systems.map((system) => {
    const mine = changes.filter((change) => change.systemId === system.id);
    const asking = mine.filter((change) => change.assessmentsAsked.length > 0).at(-1);
    const current = (evidence: string, at: Date | undefined) =>
      at !== undefined && (!asking?.assessmentsAsked.includes(evidence) || at.getTime() >= asking.createdAt.getTime());
    const entry: EntryOnFile = {
      reference: system.reference,
      status: system.status,
      riskTier: system.riskTier,
      lifecycleStage: system.lifecycleStage,
      nextReviewDate: system.nextReviewDate,
      decidedById: system.decidedById,
      hasRiskAssessment: current("risk_assessment", latestRisk.get(system.id)),
      hasImpactAssessment: current("impact_assessment", latestImpact.get(system.id)),
      openChange: mine.find((change) => change.status === "awaiting_approval")?.reference ?? null,
      outdatedBy: null,
      lifecycleGaps: lifecycleGaps(system.reference, system.riskTier, lifecycle.get(system.id) ?? []),
    };
    const stale = asking?.assessmentsAsked.some((evidence) => !current(evidence, evidence === "risk_assessment" ? latestRisk.get(system.id) : latestImpact.get(system.id)));
    entry.outdatedBy = stale ? asking!.reference : null;
    return { ...entry, name: system.name, ownerId: system.ownerId, ownerName: system.owner?.displayName ?? null, reasons: outOfDateReasons(entry, today) };
  });
}
