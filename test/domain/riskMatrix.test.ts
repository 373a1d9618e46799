import { describe, expect, it } from "vitest";
import { acceptanceOnAssessment, levelOf, nextRiskReview, rateResidualRisk, rateRisk, residualProblem, riskBands, type Impacts } from "../../src/domain/riskMatrix.js";

const allOnes: Impacts = { safety: 1, financial: 1, reputational: 1, regulatory: 1, ethical: 1, environmental: 1 };

describe("the risk matrix", () => {
  // Each case: likelihood, the impacts that differ from 1, expected score and level, and the dimensions that count.
  it.each<[string, number, Partial<Impacts>, number, string, string[]]>([
    ["likelihood 1, every impact 1 → 1 low (the lowest score)", 1, {}, 1, "low", ["safety", "financial", "reputational", "regulatory", "ethical", "environmental"]],
    ["likelihood 2, worst impact 2 (ethical) → 4 low (top of low)", 2, { ethical: 2 }, 4, "low", ["ethical"]],
    ["likelihood 4, worst impact 1 → 4 low (top of low, the other way round)", 4, {}, 4, "low", ["safety", "financial", "reputational", "regulatory", "ethical", "environmental"]],
    ["likelihood 1, worst impact 5 (safety) → 5 medium (bottom of medium)", 1, { safety: 5 }, 5, "medium", ["safety"]],
    ["likelihood 3, worst impact 3 (regulatory, financial) → 9 medium (top of medium)", 3, { regulatory: 3, financial: 3, ethical: 2 }, 9, "medium", ["financial", "regulatory"]],
    ["likelihood 2, worst impact 5 (safety) → 10 high (bottom of high)", 2, { safety: 5, financial: 2 }, 10, "high", ["safety"]],
    ["likelihood 5, worst impact 2 (reputational) → 10 high (bottom of high)", 5, { reputational: 2 }, 10, "high", ["reputational"]],
    ["likelihood 3, worst impact 5 (environmental) → 15 high", 3, { environmental: 5 }, 15, "high", ["environmental"]],
    ["likelihood 4, worst impact 4 (financial) → 16 high (top of high)", 4, { financial: 4, safety: 3 }, 16, "high", ["financial"]],
    ["likelihood 4, worst impact 5 (ethical) → 20 critical (bottom of critical)", 4, { ethical: 5, safety: 4 }, 20, "critical", ["ethical"]],
    ["likelihood 5, worst impact 5 (safety, regulatory) → 25 critical (the highest score)", 5, { safety: 5, regulatory: 5 }, 25, "critical", ["safety", "regulatory"]],
    ["likelihood 1, worst impact 4 (safety), five dimensions negligible → 4 low: the worst counts, not the average", 1, { safety: 4 }, 4, "low", ["safety"]],
  ])("%s", (_case, likelihood, impacts, score, level, worst) => {
    const rating = rateRisk(likelihood, { ...allOnes, ...impacts });
    expect(rating).toMatchObject({ score, level, worstDimensions: worst });
    expect(rating.reason).toContain(`= ${score}, which is ${level}`);
  });

  it("says how the score came about in one sentence", () => {
    expect(rateRisk(2, { ...allOnes, safety: 5 }).reason).toBe("Likelihood 2 (unlikely) × worst impact 5 (safety) = 10, which is high (10–16).");
    expect(rateResidualRisk(1, 3).reason).toBe("Residual likelihood 1 (rare) × residual impact 3 (moderate) = 3, which is low (1–4).");
  });

  it("puts every possible score in exactly one band, with no gaps", () => {
    for (let score = 1; score <= 25; score++) expect(riskBands.filter((band) => score >= band.from && score <= band.to)).toHaveLength(1);
    expect([4, 5, 9, 10, 16, 17, 20, 25].map(levelOf)).toEqual(["low", "medium", "medium", "high", "high", "critical", "critical", "critical"]);
  });

  it("refuses ratings off the 1–5 scales", () => {
    expect(() => rateRisk(0, allOnes)).toThrow(/Likelihood is rated 1 to 5/);
    expect(() => rateRisk(3, { ...allOnes, financial: 6 })).toThrow(/financial impact is rated 1 to 5/);
    expect(() => rateResidualRisk(2, 2.5)).toThrow(/Residual impact/);
  });

  it.each<[string, number, number, boolean]>([
    ["residual 6 below inherent 10 is kept", 10, 6, true],
    ["residual equal to inherent (no reduction) is kept", 12, 12, true],
    ["residual 15 above inherent 10 is refused", 10, 15, false],
  ])("%s", (_case, inherent, residual, kept) => {
    const problem = residualProblem(inherent, residual);
    expect(problem === null).toBe(kept);
    if (!kept) expect(problem).toMatch(/can't be higher than the risk before treatment/);
  });

  it.each([
    ["mitigate", false, "none"],
    ["accept", true, "approved_by_assessor"],
    ["accept", false, "pending"],
  ] as const)("treatment %s by someone who may approve: %s → %s", (treatment, mayApprove, outcome) => {
    expect(acceptanceOnAssessment(treatment, mayApprove)).toBe(outcome);
  });
});

describe("the next review of a risk that still stands", () => {
  it.each([
    ["critical", "2026-11-28", "2027-02-28", "what remains critical is looked at again in 3 months"],
    ["high", "2026-11-28", "2027-02-28", "high: 3 months"],
    ["medium", "2026-11-28", "2027-05-28", "medium: 6 months"],
    ["low", "2026-11-28", "2027-11-28", "low: a year"],
  ] as const)("residual %s reviewed on %s → %s (%s)", (level, reviewedOn, next, _why) => {
    expect(nextRiskReview(level, new Date(`${reviewedOn}T15:00:00Z`)).toISOString().slice(0, 10)).toBe(next);
  });
});
