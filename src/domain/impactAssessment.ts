// AI system impact assessment (ISO/IEC 42001 6.1.4, Annex A.5): how a system may affect
// individuals, groups and society, and when it must be looked at again.
import type { RiskTier } from "../generated/prisma/enums.js";

/**
 * How long an impact assessment stands before it is done again, by the system's risk tier. The
 * riskier the system, the sooner: a high-tier system changes its effect on people fastest.
 * A system without a derived tier is treated as high tier.
 */
export const reassessmentMonths: Record<RiskTier, number> = { high: 6, medium: 12, low: 24 };

export function suggestedReassessment(tier: RiskTier | null, now: Date): Date {
  const months = reassessmentMonths[tier ?? "high"];
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
