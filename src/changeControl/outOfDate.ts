// What in the AI system inventory is out of date (ISO/IEC 42001 8.1, 6.3): a pure rule over one
// entry and what is on file for it, so the chat list, the export and the tests read the same answer.
import type { AiSystemStatus, LifecycleStage, RiskTier } from "../generated/prisma/enums.js";
import { approvalRules } from "../domain/approvalRules.js";
import { lifecycleKindFacts, type LifecycleGap } from "../domain/lifecycleRules.js";
import { displayDate } from "../domain/dateDisplay.js";

export interface EntryOnFile {
  reference: string;
  status: AiSystemStatus;
  riskTier: RiskTier | null;
  lifecycleStage: LifecycleStage | null;
  nextReviewDate: Date | null;
  decidedById: string | null;
  /** Current assessments: recorded since the latest change that asked for them again. */
  hasRiskAssessment: boolean;
  hasImpactAssessment: boolean;
  /** The change waiting for a decision, e.g. CHG-0003. */
  openChange: string | null;
  /** The latest change that made earlier assessments stale, when newer ones are still missing. */
  outdatedBy: string | null;
  /** The life-cycle records its tier needs and lacks (A.6.2.2–A.6.2.8). */
  lifecycleGaps: readonly LifecycleGap[];
}

/** Why the entry is out of date, one sentence each; empty when it is current. Retired and draft entries are not checked. */
export function outOfDateReasons(entry: EntryOnFile, today: Date): string[] {
  if (entry.status === "retired" || entry.status === "draft" || entry.status === "rejected") return [];
  const reasons: string[] = [];
  if (entry.openChange && entry.status === "pending_review") reasons.push(`approval reopened by the change ${entry.openChange}, not yet decided`);
  if (entry.lifecycleStage === "in_production" && entry.status !== "approved") reasons.push("in production without an approval");
  if (entry.status === "approved" && !entry.decidedById) reasons.push("approved, but nobody is recorded as its approver");
  const needs = approvalRules[entry.riskTier ?? "high"].needs;
  const held = { risk_assessment: entry.hasRiskAssessment, impact_assessment: entry.hasImpactAssessment };
  const missing = needs.filter((evidence) => !held[evidence]).map((evidence) => (evidence === "risk_assessment" ? "risk assessment" : "impact assessment"));
  if (missing.length > 0) {
    const why = entry.outdatedBy ? ` (out of date since the change ${entry.outdatedBy})` : "";
    reasons.push(`${entry.status === "approved" ? "approved without" : "needs"} a current ${missing.join(" and ")}${why}`);
  } else if (entry.outdatedBy) {
    reasons.push(`assessments on file predate the change ${entry.outdatedBy}`);
  }
  if (entry.status === "approved" && entry.lifecycleGaps.length > 0) {
    reasons.push(`approved without the life-cycle records its tier needs: ${entry.lifecycleGaps.map((gap) => lifecycleKindFacts[gap.kind].words).join(", ")} (lifecycle ${entry.reference})`);
  }
  if (entry.nextReviewDate && entry.nextReviewDate.getTime() < today.getTime()) reasons.push(`review overdue since ${displayDate(entry.nextReviewDate)}`);
  return reasons;
}
