// The change-control register (ISO/IEC 42001 6.3, 8.1): each material change to an AI system, what
// it changed, whether it reopened the system's approval and which assessments it asks for again.
// The rules are in domain/materialChange.ts; this applies them inside the update's transaction.
import type { AiSystem, Prisma } from "../generated/prisma/client.js";
import type { AiSystemStatus, LifecycleStage } from "../generated/prisma/enums.js";
import type { Evidence } from "../domain/approvalRules.js";
import { consequenceOfChange, materialDifferences, productionRefusal, type MaterialSnapshot } from "../domain/materialChange.js";
import { changeLines, ownerReassessmentNotice, reapprovalNotice } from "../domain/systemChangeNotices.js";
import { lifecycleStageLabels } from "../domain/labels.js";
import { aiSystemEntity } from "./aiSystems.js";
import type { Actor } from "./changeHistory.js";
import { enqueueNotice, governanceAudience, personAudience } from "./notifications.js";
import { createRecord, updateRecord, type Db } from "./recordWriter.js";

export const systemChangeEntity = "SystemChange";

const snapshotOf = (system: AiSystem): MaterialSnapshot => ({
  purpose: system.purpose,
  intendedUse: system.intendedUse,
  dataCategories: system.dataCategories,
  affectedParties: system.affectedParties,
  autonomyLevel: system.autonomyLevel,
  regulatedDomain: system.regulatedDomain,
  riskTier: system.riskTier,
});

export interface ChangeControlOutcome {
  reference: string | null;
  /** What to tell the person who made the change. */
  lines: string[];
}

export class SystemChangeStore {
  constructor(private readonly db: Db) {}

  /**
   * After an inventory entry was updated: records a material change (if any), sends an approved
   * system back for approval, asks for new assessments, and keeps an unapproved system out of production.
   * `tx` must be the update's own transaction.
   */
  async afterUpdate(tx: Prisma.TransactionClient, before: AiSystem, after: AiSystem, actor: Actor): Promise<ChangeControlOutcome> {
    const details = materialDifferences(snapshotOf(before), snapshotOf(after));
    const lines: string[] = [];
    let reference: string | null = null;
    let status: AiSystemStatus = after.status;
    if (Object.keys(details).length > 0 && before.status !== "draft") {
      const onFile = await this.evidenceOnFile(after.id);
      const consequence = consequenceOfChange({ status: before.status, tierAfter: after.riskTier, onFile });
      const change = await createRecord(tx, {
        entityType: systemChangeEntity,
        prefix: "CHG",
        actor,
        create: (inner, ref) =>
          inner.systemChange.create({
            data: {
              reference: ref,
              systemId: after.id,
              changedFields: Object.keys(details),
              details: details as Prisma.InputJsonValue,
              tierBefore: before.riskTier,
              tierAfter: after.riskTier,
              reopenedApproval: consequence.reopensApproval,
              assessmentsAsked: consequence.assessmentsAsked,
              status: consequence.awaitsApproval ? "awaiting_approval" : "recorded",
              requestedById: actor.personId,
              createdVia: actor.channel,
            },
          }),
      });
      reference = change.reference;
      if (consequence.reopensApproval) status = "pending_review";
      lines.push(...(await this.announce(tx, change.reference, before, after, consequence, actor)));
    }
    lines.push(...(await this.holdOutOfProduction(tx, before, after, status, actor)));
    return { reference, lines };
  }

  /** Assessments the system has on file now (before the change makes them stale). */
  private async evidenceOnFile(systemId: string): Promise<Evidence[]> {
    // One after another: inside a transaction these share one connection, which runs one query at a time.
    const risks = await this.db.risk.count({ where: { systemId } });
    const impacts = await this.db.impactAssessment.count({ where: { systemId } });
    return [...(risks > 0 ? (["risk_assessment"] as const) : []), ...(impacts > 0 ? (["impact_assessment"] as const) : [])];
  }

  private async announce(
    tx: Prisma.TransactionClient,
    reference: string,
    before: AiSystem,
    after: AiSystem,
    consequence: ReturnType<typeof consequenceOfChange>,
    actor: Actor,
  ): Promise<string[]> {
    const details = materialDifferences(snapshotOf(before), snapshotOf(after));
    const described = { reference, systemReference: after.reference, systemName: after.name, assessmentsAsked: consequence.assessmentsAsked };
    if (consequence.reopensApproval) {
      await updateRecord(tx, {
        entityType: aiSystemEntity,
        key: after.reference,
        actor,
        load: (inner) => inner.aiSystem.findUnique({ where: { id: after.id } }),
        update: (inner) => inner.aiSystem.update({ where: { id: after.id }, data: { status: "pending_review", decidedById: null, decidedAt: null, decisionReason: null } }),
      });
      await enqueueNotice(tx, governanceAudience, reapprovalNotice({ ...described, requestedBy: actor.label, lines: changeLines(details) }), { occurrence: reference });
    }
    if (consequence.assessmentsAsked.length > 0 && after.ownerId && after.ownerId !== actor.personId) {
      await enqueueNotice(tx, personAudience(after.ownerId), ownerReassessmentNotice(described), { occurrence: reference, privateOnly: true });
    }
    const asked = consequence.assessmentsAsked.map((evidence) => (evidence === "risk_assessment" ? `assess risk ${after.reference}` : `assess impact ${after.reference}`));
    return [
      `This is a material change (${reference}): ${changeLines(details).join("; ")}.`,
      ...(consequence.reopensApproval ? ["Its approval no longer covers it: it is pending review again, and the governance team has been asked to decide."] : []),
      ...(asked.length > 0 ? [`New assessments are needed: ${asked.join(" and ")}.`] : []),
    ];
  }

  /** "In production requires an approval": a stage moved to production on an unapproved system stays where it was. */
  private async holdOutOfProduction(tx: Prisma.TransactionClient, before: AiSystem, after: AiSystem, status: AiSystemStatus, actor: Actor): Promise<string[]> {
    if (before.lifecycleStage === "in_production" || after.lifecycleStage !== "in_production") return [];
    const refusal = productionRefusal({ reference: after.reference, status }, "in_production");
    if (!refusal) return [];
    const kept: LifecycleStage | null = before.lifecycleStage;
    await updateRecord(tx, {
      entityType: aiSystemEntity,
      key: after.reference,
      actor,
      load: (inner) => inner.aiSystem.findUnique({ where: { id: after.id } }),
      update: (inner) => inner.aiSystem.update({ where: { id: after.id }, data: { lifecycleStage: kept } }),
    });
    return [`Its life-cycle stage stays ${kept ? lifecycleStageLabels[kept].toLowerCase() : "unset"}: ${refusal}`];
  }

  /** The change that waits for a decision on this system, if any. */
  openChange(systemId: string) {
    return this.db.systemChange.findFirst({ where: { systemId, status: "awaiting_approval" }, orderBy: { createdAt: "desc" } });
  }

  /** The latest change that asked for new assessments: assessments older than it no longer count. */
  latestAskingAssessments(systemId: string) {
    return this.db.systemChange.findFirst({ where: { systemId, assessmentsAsked: { isEmpty: false } }, orderBy: { createdAt: "desc" } });
  }

  /** The system was approved or rejected: the changes waiting for that decision carry it. */
  async settle(tx: Prisma.TransactionClient, systemId: string, decision: "approved" | "rejected", deciderId: string, now: Date, actor: Actor): Promise<void> {
    const waiting = await tx.systemChange.findMany({ where: { systemId, status: "awaiting_approval" } });
    for (const change of waiting) {
      await updateRecord(tx, {
        entityType: systemChangeEntity,
        key: change.reference,
        actor,
        load: (inner) => inner.systemChange.findUnique({ where: { id: change.id } }),
        update: (inner) => inner.systemChange.update({ where: { id: change.id }, data: { status: decision, decidedById: deciderId, decidedAt: now } }),
      });
    }
  }
}
