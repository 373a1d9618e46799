// Deciding on a new AI system: approve or reject it by its tier's rule, with the change history
// and the owner told. Also the requests for that decision when a system is registered.
import type { AiSystem, Prisma } from "../generated/prisma/client.js";
import { can, refusalText, type Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { decideApproval, type Approver, type Decision, type Evidence } from "../domain/approvalRules.js";
import { aiSystemStatusLabels } from "../domain/labels.js";
import { managerApprovalNotice, newSystemNotice, systemDecisionNotice } from "../domain/governanceNotices.js";
import { aiSystemEntity } from "./aiSystems.js";
import type { Actor } from "./changeHistory.js";
import { enqueueNotice, governanceAudience, personAudience } from "./notifications.js";
import { inTransaction, updateRecord, type Db } from "./recordWriter.js";
import { SystemChangeStore } from "./systemChanges.js";
import { lifecycleGapsOf } from "./lifecycleRecordsOnFile.js";
import { displayDate } from "../domain/dateDisplay.js";

const systemWithPeople = {
  owner: { select: { id: true, displayName: true, managerId: true } },
  decidedBy: { select: { displayName: true } },
  reportedBy: { select: { displayName: true } },
} as const;

export type SystemForApproval = Prisma.AiSystemGetPayload<{ include: typeof systemWithPeople }>;

/** What the person is, for this system, among those who may decide on systems (both checks through the access policy). */
export function approverRoles(viewer: Viewer, system: Pick<SystemForApproval, "owner">): Approver[] {
  const ownerManagerId = system.owner?.managerId ?? null;
  const roles: Approver[] = [];
  if (can(viewer, "approve", "ai_system")) roles.push("governance");
  if (ownerManagerId && can({ personId: viewer.personId, roles: [] }, "approve", "ai_system", { ownerManagerId })) roles.push("owner_manager");
  return roles;
}

export class SystemApprovals {
  constructor(private readonly db: Db) {}

  load(reference: string) {
    return this.db.aiSystem.findUnique({ where: { reference }, include: systemWithPeople });
  }

  /**
   * A completed risk assessment (any risk not waiting for its acceptance) and any impact assessment,
   * recorded since the last material change that asked for them again (change control), and the
   * life-cycle records its tier needs and lacks.
   */
  async evidenceFor(system: Pick<SystemForApproval, "id" | "reference" | "riskTier">) {
    const systemId = system.id;
    const change = await new SystemChangeStore(this.db).latestAskingAssessments(systemId);
    const since = (evidence: Evidence) => (change?.assessmentsAsked.includes(evidence) ? { createdAt: { gte: change.createdAt } } : {});
    // One after another: inside a transaction these share one connection, which runs one query at a time.
    const risks = await this.db.risk.count({ where: { systemId, status: { not: "acceptance_pending" }, ...since("risk_assessment") } });
    const impacts = await this.db.impactAssessment.count({ where: { systemId, ...since("impact_assessment") } });
    const lifecycleGaps = await lifecycleGapsOf(this.db, system);
    return { hasRiskAssessment: risks > 0, hasImpactAssessment: impacts > 0, outdatedBy: change?.reference ?? null, lifecycleGaps };
  }

  /** Whether the viewer may take this decision now; throws ActionRefused with the reason when not. */
  async check(reference: string, decision: Decision, viewer: Viewer): Promise<SystemForApproval> {
    const system = await this.load(reference);
    if (!system) throw new ActionRefused(`${reference} is not in the AI system inventory.`);
    if (!can(viewer, "approve", "ai_system", { ownerManagerId: system.owner?.managerId ?? null })) throw new ActionRefused(refusalText("approve", "ai_system"));
    if (system.status !== "pending_review") throw new ActionRefused(alreadyDecided(system));
    const verdict = decideApproval({ reference, decision, tier: system.riskTier, approverAs: approverRoles(viewer, system), ...(await this.evidenceFor(system)) });
    if (!verdict.allowed) throw new ActionRefused(verdict.reason);
    return system;
  }

  /** Approves or rejects a system pending review, and tells its owner. */
  decide(reference: string, decision: Decision, options: { viewer: Viewer; actor: Actor; now: Date; reason?: string | null }) {
    return inTransaction(this.db, async (tx) => {
      const approvals = new SystemApprovals(tx);
      await approvals.check(reference, decision, options.viewer);
      const status = decision === "approve" ? "approved" : "rejected";
      const decided = await updateRecord(tx, {
        entityType: aiSystemEntity,
        key: reference,
        actor: options.actor,
        load: (inner) => inner.aiSystem.findUnique({ where: { reference } }),
        update: (inner) =>
          inner.aiSystem.update({
            where: { reference },
            data: { status, decidedById: options.viewer.personId, decidedAt: options.now, decisionReason: options.reason ?? null },
          }),
      });
      await new SystemChangeStore(tx).settle(tx, decided.id, status, options.viewer.personId, options.now, options.actor);
      if (decided.ownerId) {
        await enqueueNotice(
          tx,
          personAudience(decided.ownerId),
          systemDecisionNotice({ reference, name: decided.name, status, deciderName: options.actor.label, reason: decided.decisionReason }),
          { privateOnly: true },
        );
      }
      return decided;
    });
  }
}

function alreadyDecided(system: SystemForApproval): string {
  const status = aiSystemStatusLabels[system.status].toLowerCase();
  const by = system.decidedBy ? ` by ${system.decidedBy.displayName}` : "";
  const on = system.decidedAt ? ` on ${displayDate(system.decidedAt)}` : "";
  const decided = system.status === "approved" || system.status === "rejected";
  return `${system.reference} is ${status}${decided ? `${by}${on}` : ""}; only a system pending review can be approved or rejected.`;
}

/**
 * A new system waiting for review: the governance team is asked to decide, and for a low-tier
 * system the owner's manager too (the tier rule lets them approve it).
 */
export async function requestApproval(
  tx: Prisma.TransactionClient,
  system: Pick<AiSystem, "reference" | "name" | "kind" | "riskTier" | "status" | "ownerId">,
  ownerName: string | null,
  registeredByName: string | null = null,
): Promise<void> {
  await enqueueNotice(tx, governanceAudience, newSystemNotice({ ...system, ownerName, registeredByName }));
  if (system.status !== "pending_review" || system.riskTier !== "low" || !system.ownerId) return;
  const owner = await tx.person.findUnique({ where: { id: system.ownerId }, select: { managerId: true, displayName: true } });
  if (owner?.managerId && owner.managerId !== system.ownerId) {
    await enqueueNotice(tx, personAudience(owner.managerId), managerApprovalNotice({ ...system, ownerName: owner.displayName, registeredByName }), { privateOnly: true });
  }
}
