// Who may approve a new AI system, by its risk tier (ISO/IEC 42001 A.6.2: a system goes into use
// only once the organisation has decided it should). The access policy says who may take part in
// approvals at all (the governance team and the owner's manager); this table narrows it by tier
// and says what must be on file first.
import type { RiskTier } from "../generated/prisma/enums.js";

export type Approver = "governance" | "owner_manager";
export type Evidence = "risk_assessment" | "impact_assessment";
export type Decision = "approve" | "reject";

interface TierRule {
  /** Who may decide (approve or reject) a system of this tier. */
  approvers: Approver[];
  /** What must be on file before it can be approved (a rejection needs nothing). */
  needs: Evidence[];
}

export const approvalRules: Record<RiskTier, TierRule> = {
  low: { approvers: ["owner_manager", "governance"], needs: [] },
  medium: { approvers: ["governance"], needs: [] },
  high: { approvers: ["governance"], needs: ["risk_assessment", "impact_assessment"] },
};

export interface ApprovalCase {
  reference: string;
  decision: Decision;
  /** Null when the tier was never derived: the strictest rule (high) applies. */
  tier: RiskTier | null;
  /** What the person is, for this system: governance, the owner's manager, or both. */
  approverAs: Approver[];
  hasRiskAssessment: boolean;
  hasImpactAssessment: boolean;
  /** The life-cycle records its tier needs and lacks (domain/lifecycleRules.ts), each with the command that adds it. */
  lifecycleGaps?: readonly { text: string }[];
}

export interface ApprovalDecision {
  allowed: boolean;
  reason: string;
  missing: Evidence[];
}

const approverWords: Record<Approver, string> = { governance: "the governance team", owner_manager: "the owner's manager" };
const decisionWords: Record<Decision, string> = { approve: "approve", reject: "reject" };
const evidenceWords = (evidence: Evidence, reference: string) =>
  evidence === "risk_assessment" ? `a risk assessment (assess risk ${reference})` : `an impact assessment (assess impact ${reference})`;

export const effectiveTier = (tier: RiskTier | null): RiskTier => tier ?? "high";

export function decideApproval(input: ApprovalCase): ApprovalDecision {
  const tier = effectiveTier(input.tier);
  const rule = approvalRules[tier];
  const tierName = input.tier ? `a ${tier}-tier system` : "a system without a risk tier (treated as high tier)";
  if (!input.approverAs.some((approver) => rule.approvers.includes(approver))) {
    const who = rule.approvers.map((approver) => approverWords[approver]).join(" or ");
    return { allowed: false, reason: `Only ${who} can ${decisionWords[input.decision]} ${tierName} such as ${input.reference}.`, missing: [] };
  }
  const held: Record<Evidence, boolean> = { risk_assessment: input.hasRiskAssessment, impact_assessment: input.hasImpactAssessment };
  const missing = input.decision === "approve" ? rule.needs.filter((evidence) => !held[evidence]) : [];
  const lacking = [...missing.map((evidence) => evidenceWords(evidence, input.reference)), ...(input.decision === "approve" ? (input.lifecycleGaps ?? []).map((gap) => gap.text) : [])];
  if (lacking.length > 0) return { allowed: false, reason: lackingReason(input.reference, tierName, lacking), missing };
  const onFile = input.decision === "approve" && rule.needs.length > 0 ? ", with its risk and impact assessments on file" : "";
  const as = input.approverAs.find((approver) => rule.approvers.includes(approver))!;
  return { allowed: true, reason: `As ${approverWords[as]} you may ${decisionWords[input.decision]} ${tierName}${onFile}.`, missing: [] };
}

/** Two things read as a sentence; more as a list, one line each with the command that adds it. */
function lackingReason(reference: string, tierName: string, lacking: string[]): string {
  if (lacking.length <= 2) return `${reference} is ${tierName}: it needs ${lacking.join(" and ")} before it can be approved.`;
  return [`${reference} is ${tierName}. Before it can be approved it needs:`, ...lacking.map((item) => `• ${item}`)].join("\n");
}
