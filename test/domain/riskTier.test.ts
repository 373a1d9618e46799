import { describe, expect, it } from "vitest";
import { deriveRiskTier, type RiskTierInput } from "../../src/domain/riskTier.js";
import { nextReviewDate, parseReviewIntervals } from "../../src/domain/reviewSchedule.js";

const base: RiskTierInput = { autonomyLevel: "advises_human", regulatedDomain: "none", affectedParties: [], dataCategories: ["public_only"] };

describe("risk tier rules", () => {
  it.each<[string, Partial<RiskTierInput>, "low" | "medium" | "high", RegExp[]]>([
    ["nothing sensitive", {}, "low", [/No personal data, no regulated domain/]],
    ["fully automated + regulated domain + affects people", { autonomyLevel: "fully_automated", regulatedDomain: "credit_insurance", affectedParties: ["customers"] }, "high", [/fully automated decisions affecting people in a regulated domain \(credit and insurance\)/]],
    ["fully automated in a regulated domain affecting nobody", { autonomyLevel: "fully_automated", regulatedDomain: "health" }, "medium", [/regulated domain \(health\)/, /without a human in the loop/]],
    ["biometric data, human can override", { autonomyLevel: "human_can_override", dataCategories: ["biometric"] }, "high", [/special-category, biometric or children's data/]],
    ["children's data, a human approves each decision", { autonomyLevel: "human_as_approver" as never, dataCategories: ["children"] }, "medium", [/personal data/]],
    ["special-category data, advisory", { dataCategories: ["special_category"] }, "medium", [/processes personal data/]],
    ["personal data only", { dataCategories: ["personal"] }, "medium", [/processes personal data/]],
    ["affects customers", { affectedParties: ["customers"] }, "medium", [/affect customers or the public/]],
    ["affects employees only", { affectedParties: ["employees"] }, "low", [/No personal data/]],
    ["regulated domain, advisory", { regulatedDomain: "education" }, "medium", [/regulated domain \(education\)/]],
    ["fully automated, nothing else", { autonomyLevel: "fully_automated" }, "medium", [/without a human in the loop/]],
  ])("%s → %s", (_case, change, tier, reasons) => {
    const result = deriveRiskTier({ ...base, ...change });
    expect(result.tier).toBe(tier);
    for (const reason of reasons) expect(result.reasons.join(" ")).toMatch(reason);
  });
});

describe("review schedule", () => {
  it.each([
    ["high", "2026-11-27", "2027-02-27"],
    ["medium", "2026-11-27", "2027-05-27"],
    ["low", "2026-11-27", "2027-11-27"],
    ["high", "2026-11-30", "2027-02-28"],
    ["medium", "2027-08-31", "2028-02-29"],
  ] as const)("a %s-tier system registered on %s is reviewed on %s", (tier, from, expected) => {
    expect(nextReviewDate(tier, new Date(`${from}T12:00:00Z`)).toISOString().slice(0, 10)).toBe(expected);
  });

  it("takes the organisation's own intervals and refuses nonsense", () => {
    expect(parseReviewIntervals("high=1, low=24")).toEqual({ high: 1, medium: 6, low: 24 });
    expect(() => parseReviewIntervals("high=soon")).toThrow(/"high=soon" is not tier=months/);
  });
});
