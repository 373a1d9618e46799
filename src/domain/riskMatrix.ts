// The one risk matrix of the AI management system (ISO/IEC 42001 6.1.2 risk assessment, and the
// residual risk after treatment in 6.1.3). Every surface that shows a risk's score or level reads
// it from here, so an auditor finds the rule written down once.
//
// The scales
//   Likelihood 1–5: 1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain.
//   Impact 1–5, judged separately on each of the six dimensions of the catalog (safety, financial,
//   reputational, regulatory, ethical, environmental): 1 negligible, 2 minor, 3 moderate,
//   4 major, 5 severe.
//
// The rule
//   score = likelihood × the worst (highest) impact of the six dimensions, so 1–25.
//   The worst dimension counts, not an average: a risk that could seriously hurt someone is not made
//   smaller by being harmless financially, environmentally and for our reputation. Averaging would
//   let five "negligible" answers hide one "severe" one, which is exactly the risk to act on.
//
// The bands (only the products of two numbers from 1 to 5 occur: 1–6, 8–10, 12, 15, 16, 20, 25)
//   1–4   low       accepted in day-to-day work; watched at the next review.
//   5–9   medium    treated within the normal planning cycle.
//   10–16 high      treated with priority; the owner reports on it to the governance team.
//   17–25 critical  (in practice 20 and 25) treated before the system goes on; top management informed.
//   A "likely" or "almost certain" harm of the worst kind is critical; one "possible" severe harm
//   (3 × 5 = 15) is high, as is anything scoring 10 (e.g. an unlikely but severe harm).
//
// Residual risk uses the same matrix with one impact: residual likelihood × residual impact (the
// worst impact left after treatment). It must not exceed the inherent score: a treatment cannot make
// a risk worse, so such answers are a mistake to correct rather than a record to keep.
//
// Treatment "accept" is allowed at any level, but every acceptance needs a governance decision:
// when the assessor is in the governance team their own assessment is that decision; otherwise the
// risk waits for the team to approve or reject accepting it.
import type { RiskLevel, RiskTreatment } from "../generated/prisma/enums.js";
import { catalog } from "../iso42001/catalog.js";

export type ImpactDimension = "safety" | "financial" | "reputational" | "regulatory" | "ethical" | "environmental";
export type Impacts = Record<ImpactDimension, number>;

/** The six dimensions in the catalog's order. */
export const impactDimensions = catalog.impactDimensions.map((dimension) => dimension.id as ImpactDimension);
export const impactDimensionTitle = (dimension: ImpactDimension) => catalog.impactDimensions.find((entry) => entry.id === dimension)?.title ?? dimension;

export const likelihoodLabels: Record<number, string> = { 1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain" };
export const likelihoodDescriptions: Record<number, string> = {
  1: "Could happen only in exceptional circumstances (less than once in 10 years)",
  2: "Not expected, but could happen (about once in 5–10 years)",
  3: "Might happen now and then (about once in 1–5 years)",
  4: "Will probably happen (about once a year)",
  5: "Expected to happen, or already happening (several times a year)",
};
export const impactLabels: Record<number, string> = { 1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe" };
export const impactDescriptions: Record<number, string> = {
  1: "Barely noticeable; put right in the normal course of work",
  2: "Noticeable but contained; put right quickly, no lasting effect",
  3: "Real harm to some people or to us; takes effort and time to put right",
  4: "Serious harm to many people or to us; hard to reverse",
  5: "Grave or irreversible harm (injury, loss of rights, large fines)",
};
export const riskLevelLabels: Record<RiskLevel, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

/** The bands, lowest first: a score belongs to the first band whose top it does not exceed. */
export const riskBands: readonly { level: RiskLevel; from: number; to: number }[] = [
  { level: "low", from: 1, to: 4 },
  { level: "medium", from: 5, to: 9 },
  { level: "high", from: 10, to: 16 },
  { level: "critical", from: 17, to: 25 },
];

export interface RiskRating {
  score: number;
  level: RiskLevel;
  /** The dimensions that share the worst impact (several when they tie). */
  worstDimensions: ImpactDimension[];
  worstImpact: number;
  /** One sentence saying how the score and level came about. */
  reason: string;
}

export function levelOf(score: number): RiskLevel {
  const band = riskBands.find((candidate) => score <= candidate.to);
  if (!band || score < 1) throw new RangeError(`A risk score is between 1 and 25, not ${score}.`);
  return band.level;
}

const bandText = (level: RiskLevel) => {
  const band = riskBands.find((candidate) => candidate.level === level)!;
  return `${band.from}–${band.to}`;
};

function checkScale(what: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new RangeError(`${what} is rated 1 to 5, not ${value}.`);
}

/** The inherent risk: likelihood × the worst of the six impacts. */
export function rateRisk(likelihood: number, impacts: Impacts): RiskRating {
  checkScale("Likelihood", likelihood);
  for (const dimension of impactDimensions) checkScale(`The ${dimension} impact`, impacts[dimension]);
  const worstImpact = Math.max(...impactDimensions.map((dimension) => impacts[dimension]));
  const worstDimensions = impactDimensions.filter((dimension) => impacts[dimension] === worstImpact);
  const score = likelihood * worstImpact;
  const level = levelOf(score);
  const where = worstDimensions.map((dimension) => impactDimensionTitle(dimension).toLowerCase()).join(", ");
  return {
    score,
    level,
    worstDimensions,
    worstImpact,
    reason: `Likelihood ${likelihood} (${likelihoodLabels[likelihood]!.toLowerCase()}) × worst impact ${worstImpact} (${where}) = ${score}, which is ${level} (${bandText(level)}).`,
  };
}

/** The residual risk after treatment: the same matrix, with the one impact left. */
export function rateResidualRisk(likelihood: number, impact: number): Omit<RiskRating, "worstDimensions"> {
  checkScale("Residual likelihood", likelihood);
  checkScale("Residual impact", impact);
  const score = likelihood * impact;
  const level = levelOf(score);
  return {
    score,
    level,
    worstImpact: impact,
    reason: `Residual likelihood ${likelihood} (${likelihoodLabels[likelihood]!.toLowerCase()}) × residual impact ${impact} (${impactLabels[impact]!.toLowerCase()}) = ${score}, which is ${level} (${bandText(level)}).`,
  };
}

/** Why the residual answers cannot be kept, or null when they fit (residual ≤ inherent). */
export function residualProblem(inherentScore: number, residualScore: number): string | null {
  if (residualScore <= inherentScore) return null;
  return (
    `The residual risk (score ${residualScore}) can't be higher than the risk before treatment (score ${inherentScore}): ` +
    "a treatment does not make a risk worse. Please edit the residual likelihood or residual impact."
  );
}

/**
 * What happens to a new assessment's acceptance. Only "accept" needs a decision; a person who may
 * approve acceptances (the governance team) decides by assessing, everyone else waits for them.
 */
export function acceptanceOnAssessment(treatment: RiskTreatment, assessorMayApprove: boolean): "none" | "approved_by_assessor" | "pending" {
  if (treatment !== "accept") return "none";
  return assessorMayApprove ? "approved_by_assessor" : "pending";
}

/**
 * How long a reviewed risk stands before its next review, by its residual level: the higher the risk
 * that remains after treatment, the sooner it is looked at again.
 */
export const riskReviewMonths: Record<RiskLevel, number> = { critical: 3, high: 3, medium: 6, low: 12 };

export function nextRiskReview(residualLevel: RiskLevel, reviewedOn: Date): Date {
  const next = new Date(Date.UTC(reviewedOn.getUTCFullYear(), reviewedOn.getUTCMonth() + riskReviewMonths[residualLevel], reviewedOn.getUTCDate()));
  return next;
}
