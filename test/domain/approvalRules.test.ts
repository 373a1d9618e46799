// The tier table for approving new AI systems, case by case with the reason a person reads.
import { describe, expect, it } from "vitest";
import { decideApproval, type ApprovalCase, type Approver, type Decision } from "../../src/domain/approvalRules.js";
import { reassessmentMonths, suggestedReassessment } from "../../src/domain/impactAssessment.js";
import type { RiskTier } from "../../src/generated/prisma/enums.js";

const reference = "AIS-0007";
type Row = [string, RiskTier | null, Decision, Approver[], { risk: boolean; impact: boolean }, boolean, RegExp];
const none = { risk: false, impact: false };
const both = { risk: true, impact: true };

describe("approval of a new AI system by tier", () => {
  it.each<Row>([
    ["low tier, the owner's manager approves", "low", "approve", ["owner_manager"], none, true, /As the owner's manager you may approve a low-tier system/],
    ["low tier, governance approves", "low", "approve", ["governance"], none, true, /As the governance team you may approve a low-tier system/],
    ["low tier, the owner's manager rejects", "low", "reject", ["owner_manager"], none, true, /may reject a low-tier system/],
    ["low tier, someone else", "low", "approve", [], none, false, /Only the owner's manager or the governance team can approve a low-tier system such as AIS-0007/],
    ["medium tier, the owner's manager is not enough", "medium", "approve", ["owner_manager"], none, false, /Only the governance team can approve a medium-tier system such as AIS-0007/],
    ["medium tier, the owner's manager cannot reject either", "medium", "reject", ["owner_manager"], none, false, /Only the governance team can reject a medium-tier system/],
    ["medium tier, governance approves without assessments", "medium", "approve", ["governance"], none, true, /governance team you may approve a medium-tier system\.$/],
    ["high tier, governance without any assessment", "high", "approve", ["governance"], none, false, /needs a risk assessment \(assess risk AIS-0007\) and an impact assessment \(assess impact AIS-0007\) before it can be approved/],
    ["high tier, governance with a risk assessment only", "high", "approve", ["governance"], { risk: true, impact: false }, false, /needs an impact assessment \(assess impact AIS-0007\) before/],
    ["high tier, governance with an impact assessment only", "high", "approve", ["governance"], { risk: false, impact: true }, false, /needs a risk assessment \(assess risk AIS-0007\) before/],
    ["high tier, governance with both", "high", "approve", ["governance"], both, true, /with its risk and impact assessments on file/],
    ["high tier, governance rejects without assessments", "high", "reject", ["governance"], none, true, /may reject a high-tier system\.$/],
    ["high tier, the owner's manager with both", "high", "approve", ["owner_manager"], both, false, /Only the governance team can approve a high-tier system/],
    ["no tier is treated as high", null, "approve", ["governance"], none, false, /a system without a risk tier \(treated as high tier\): it needs a risk assessment/],
    ["governance who is also the manager, medium tier", "medium", "approve", ["owner_manager", "governance"], none, true, /As the governance team/],
  ])("%s", (_case, tier, decision, approverAs, evidence, allowed, reason) => {
    const input: ApprovalCase = { reference, decision, tier, approverAs, hasRiskAssessment: evidence.risk, hasImpactAssessment: evidence.impact };
    const verdict = decideApproval(input);
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.reason).toMatch(reason);
  });
});

describe("approval with life-cycle records missing", () => {
  const gaps = [{ text: "a monitoring plan (add monitoring plan AIS-0007)" }];
  it("refuses to approve a medium-tier system, naming the record and its command", () => {
    const verdict = decideApproval({ reference, decision: "approve", tier: "medium", approverAs: ["governance"], hasRiskAssessment: false, hasImpactAssessment: false, lifecycleGaps: gaps });
    expect(verdict).toMatchObject({ allowed: false, reason: "AIS-0007 is a medium-tier system: it needs a monitoring plan (add monitoring plan AIS-0007) before it can be approved." });
  });
  it("lists assessments and records one a line when more than two are missing", () => {
    const verdict = decideApproval({ reference, decision: "approve", tier: "high", approverAs: ["governance"], hasRiskAssessment: false, hasImpactAssessment: true, lifecycleGaps: [...gaps, { text: "a deployment plan (add deployment plan AIS-0007)" }] });
    expect(verdict.reason.split("\n")).toEqual(["AIS-0007 is a high-tier system. Before it can be approved it needs:", "• a risk assessment (assess risk AIS-0007)", "• a monitoring plan (add monitoring plan AIS-0007)", "• a deployment plan (add deployment plan AIS-0007)"]);
  });
  it("lets a rejection through whatever is missing", () => {
    expect(decideApproval({ reference, decision: "reject", tier: "high", approverAs: ["governance"], hasRiskAssessment: false, hasImpactAssessment: false, lifecycleGaps: gaps }).allowed).toBe(true);
  });
});

describe("default re-assessment of an impact assessment by tier", () => {
  it.each<[RiskTier | null, string]>([
    ["high", "2027-05-28"],
    ["medium", "2027-11-28"],
    ["low", "2028-11-28"],
    [null, "2027-05-28"],
  ])("%s tier → %s", (tier, expected) => {
    expect(suggestedReassessment(tier, new Date("2026-11-28T15:00:00Z")).toISOString().slice(0, 10)).toBe(expected);
  });
  it("is sooner the riskier the system", () => {
    expect(reassessmentMonths.high).toBeLessThan(reassessmentMonths.medium);
    expect(reassessmentMonths.medium).toBeLessThan(reassessmentMonths.low);
  });
});
