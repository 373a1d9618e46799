// Change control for AI systems (ISO/IEC 42001 6.3, 8.1): which changes to an inventory entry are
// material, so that an approval given for the system as it was no longer covers it as it is.
// A change of purpose or intended use, of the data it processes, of how much it decides alone, of
// whom it affects or of the regulated domain it works in, and any change of risk tier, is material.
// Names, business units and owners are not: they change who answers for the system, not what it does.
import type { AiSystemStatus, LifecycleStage, RiskTier } from "../generated/prisma/enums.js";
import { approvalRules, type Evidence } from "./approvalRules.js";

export const materialFields = ["purpose", "intendedUse", "dataCategories", "affectedParties", "autonomyLevel", "regulatedDomain", "riskTier"] as const;
export type MaterialField = (typeof materialFields)[number];

export const materialFieldLabels: Record<MaterialField, string> = {
  purpose: "purpose",
  intendedUse: "intended use",
  dataCategories: "data processed",
  affectedParties: "who it affects",
  autonomyLevel: "autonomy",
  regulatedDomain: "regulated domain",
  riskTier: "risk tier",
};

export type MaterialSnapshot = { [field in MaterialField]?: string | string[] | null };
export type FieldChange = { from: string | string[] | null; to: string | string[] | null };

const normalised = (value: string | string[] | null | undefined) => {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return [...value].sort();
  const trimmed = value.trim().replace(/\s+/g, " ");
  return trimmed === "" ? null : trimmed;
};

/** The material fields that differ between the entry as it was and as it is now (order-free for lists). */
export function materialDifferences(before: MaterialSnapshot, after: MaterialSnapshot): Partial<Record<MaterialField, FieldChange>> {
  const changes: Partial<Record<MaterialField, FieldChange>> = {};
  for (const field of materialFields) {
    const from = normalised(before[field]);
    const to = normalised(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from: before[field] ?? null, to: after[field] ?? null };
  }
  return changes;
}

export interface ChangeConsequence {
  /** The system was approved: it goes back to pending review until someone decides again. */
  reopensApproval: boolean;
  /** The change waits for an approval decision (the system is, or goes back to, pending review). */
  awaitsApproval: boolean;
  /** The assessments asked for again: those the new tier needs, and those on file that the change made stale. */
  assessmentsAsked: Evidence[];
}

/** What a material change means for a system with this status, tier and assessments on file. */
export function consequenceOfChange(input: { status: AiSystemStatus; tierAfter: RiskTier | null; onFile: Evidence[] }): ChangeConsequence {
  const reopensApproval = input.status === "approved";
  const awaitsApproval = reopensApproval || input.status === "pending_review";
  const needed = approvalRules[input.tierAfter ?? "high"].needs;
  const assessmentsAsked = (["risk_assessment", "impact_assessment"] as const).filter((evidence) => needed.includes(evidence) || input.onFile.includes(evidence));
  return { reopensApproval, awaitsApproval, assessmentsAsked };
}

/**
 * "In production requires an approval": a system may be put into production only once approved.
 * Returns the reason it may not, or null when it may.
 */
export function productionRefusal(system: { reference: string; status: AiSystemStatus }, stage: LifecycleStage | null): string | null {
  if (stage !== "in_production" || system.status === "approved") return null;
  return system.status === "pending_review"
    ? `${system.reference} is pending review: it can go into production once it is approved.`
    : `${system.reference} is not approved, so it cannot go into production.`;
}
