// The demo organisation's governance records beyond people, systems and incidents: the assessments
// behind its high-tier approvals and an example of change control, written through the same stores
// (and so with the same change history) as records made in chat. Only for systems created in this run,
// so loading twice adds nothing.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Actor } from "../store/changeHistory.js";
import { RiskStore } from "../store/risks.js";
import { ImpactAssessmentStore } from "../store/impactAssessments.js";
import { AiSystemStore } from "../store/aiSystems.js";
import { SystemChangeStore } from "../store/systemChanges.js";
import { SystemApprovals } from "../store/systemApprovals.js";
import { inTransaction } from "../store/recordWriter.js";
import { demoChanges, demoImpacts, demoPeople, demoReferenceDate, demoRisks } from "./demoOrganisation.js";

export interface DemoIds {
  personIds: Map<string, string>;
  /** Systems created in this run, by demo key → reference and id. */
  newSystems: Map<string, { id: string; reference: string }>;
}

const actorFor = (ids: DemoIds, key: string): Actor & { personId: string } => ({
  personId: ids.personIds.get(key)!,
  label: demoPeople.find((person) => person.key === key)!.displayName,
  channel: "cli",
});

export async function loadDemoRecords(prisma: PrismaClient, ids: DemoIds): Promise<void> {
  const now = new Date(`${demoReferenceDate}T12:00:00Z`);
  for (const { systemKey, assessorKey, reviewDate, ...risk } of demoRisks) {
    const system = ids.newSystems.get(systemKey);
    if (!system) continue;
    await new RiskStore(prisma).assess({ ...risk, systemId: system.id, reviewDate: new Date(reviewDate) }, actorFor(ids, assessorKey), { assessorMayApprove: false, now });
  }
  for (const { systemKey, assessorKey, reassessOn, ...impact } of demoImpacts) {
    const system = ids.newSystems.get(systemKey);
    if (!system) continue;
    await new ImpactAssessmentStore(prisma).create({ ...impact, systemId: system.id, reassessOn: new Date(reassessOn), assessorId: ids.personIds.get(assessorKey)!, createdVia: "cli" }, actorFor(ids, assessorKey));
  }
  for (const change of demoChanges) await loadChange(prisma, ids, change, now);
}

/** Applies the change as an owner's update would, then the approval that followed it (if any). */
async function loadChange(prisma: PrismaClient, ids: DemoIds, change: (typeof demoChanges)[number], now: Date): Promise<void> {
  const system = ids.newSystems.get(change.systemKey);
  if (!system) return;
  const actor = actorFor(ids, change.byKey);
  await inTransaction(prisma, async (tx) => {
    const before = await tx.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
    const after = await new AiSystemStore(tx).update(system.reference, change.patch, actor);
    await new SystemChangeStore(tx).afterUpdate(tx, before, after, actor);
  });
  if (!change.approvedByKey) return;
  const approver = actorFor(ids, change.approvedByKey);
  await new SystemApprovals(prisma).decide(system.reference, "approve", { viewer: { personId: approver.personId, roles: ["governance"] }, actor: approver, now });
}
