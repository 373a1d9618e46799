// What an AI system's life cycle must have on file before it is approved, by its risk tier (Annex A
// A.6.2.2–A.6.2.8), and how a verification result is judged against its threshold. Pure rules: the
// approval, the out-of-date view, readiness and the tests all read the same answer.
//
// The rule, per tier:
// - high: requirements, verification and validation results that pass and have been accepted by the
//   governance team, a deployment plan, a monitoring plan, technical documentation and event logging;
// - medium: requirements, verification and validation results that pass, and a monitoring plan;
// - low: nothing beyond the registration itself.
// Design decisions are recorded where they help (A.6.2.3) but no tier requires them.
import type { LifecycleRecordKind, RiskTier, ThresholdComparison } from "../generated/prisma/enums.js";

export const lifecycleKinds: readonly LifecycleRecordKind[] = ["requirements", "design_decision", "verification", "deployment_plan", "monitoring_plan", "technical_documentation", "event_logging"];

interface KindFacts {
  /** How people call it, in a sentence. */
  words: string;
  /** The word after "add" that starts its conversation: "add monitoring plan AIS-0001". */
  addWord: string;
  control: string;
}

export const lifecycleKindFacts: Record<LifecycleRecordKind, KindFacts> = {
  requirements: { words: "requirements and specification", addWord: "requirements", control: "A.6.2.2" },
  design_decision: { words: "design decision", addWord: "design decision", control: "A.6.2.3" },
  verification: { words: "verification and validation result", addWord: "verification", control: "A.6.2.4" },
  deployment_plan: { words: "deployment plan", addWord: "deployment plan", control: "A.6.2.5" },
  monitoring_plan: { words: "monitoring plan", addWord: "monitoring plan", control: "A.6.2.6" },
  technical_documentation: { words: "technical documentation", addWord: "technical documentation", control: "A.6.2.7" },
  event_logging: { words: "event-logging record", addWord: "event logging", control: "A.6.2.8" },
};

/** What a tier needs; for verification, "accepted" asks for the governance team's acceptance too. */
type Need = { kind: LifecycleRecordKind; accepted?: true };

export const lifecycleNeeds: Record<RiskTier, readonly Need[]> = {
  low: [],
  medium: [{ kind: "requirements" }, { kind: "verification" }, { kind: "monitoring_plan" }],
  high: [
    { kind: "requirements" },
    { kind: "verification", accepted: true },
    { kind: "deployment_plan" },
    { kind: "monitoring_plan" },
    { kind: "technical_documentation" },
    { kind: "event_logging" },
  ],
};

/** A current (not superseded) record, as the rule needs to see it. */
export interface RecordOnFile {
  reference: string;
  kind: LifecycleRecordKind;
  passed: boolean | null;
  accepted: boolean;
}

export interface LifecycleGap {
  kind: LifecycleRecordKind;
  /** One phrase for a sentence: "a monitoring plan (add monitoring plan AIS-0001)". */
  text: string;
}

/**
 * What is missing for a system of this tier, with the command that adds each. A system without a
 * tier is held to the high tier, as approvals are.
 */
export function lifecycleGaps(reference: string, tier: RiskTier | null, records: readonly RecordOnFile[]): LifecycleGap[] {
  const gaps: LifecycleGap[] = [];
  for (const need of lifecycleNeeds[tier ?? "high"]) {
    const mine = records.filter((record) => record.kind === need.kind);
    const add = `add ${lifecycleKindFacts[need.kind].addWord} ${reference}`;
    if (mine.length === 0) {
      gaps.push({ kind: need.kind, text: `${article(need.kind)} ${lifecycleKindFacts[need.kind].words} (${add})` });
      continue;
    }
    if (need.kind !== "verification") continue;
    const failing = mine.filter((record) => record.passed !== true);
    if (failing.length > 0) {
      gaps.push({ kind: need.kind, text: `verification results that meet their thresholds (${failing.map((record) => record.reference).join(", ")} did not: "update ${failing[0]!.reference}" records a new result)` });
    } else if (need.accepted) {
      const unaccepted = mine.filter((record) => !record.accepted);
      if (unaccepted.length > 0) gaps.push({ kind: need.kind, text: `the governance team's acceptance of its verification results (${unaccepted.map((record) => `accept ${record.reference}`).join(", ")})` });
    }
  }
  return gaps;
}

const article = (kind: LifecycleRecordKind) => (kind === "requirements" || kind === "technical_documentation" ? "its" : /^[aeiou]/.test(lifecycleKindFacts[kind].words) ? "an" : "a");

/** Whether a result meets its threshold: at least (≥) or at most (≤) the value. */
export function meetsThreshold(comparison: ThresholdComparison, threshold: number, result: number): boolean {
  return comparison === "at_least" ? result >= threshold : result <= threshold;
}

export interface Threshold {
  comparison: ThresholdComparison;
  value: number;
  unit: string | null;
}

/** Reads a threshold as people write it: ">= 0.9", "at least 90%", "≤ 5 %", "max 200 ms", "0.8 or more". */
export function readThreshold(text: string): Threshold | null {
  const typed = text.trim().toLowerCase().replace(/,(?=\d)/g, ".");
  const value = readMeasure(typed.replace(/^(>=|≥|=>|at least|min(imum)?|no less than|<=|≤|=<|at most|max(imum)?|no more than|under|below|above|over)\s*/, "").replace(/\s*(or (more|higher|above|less|lower|below))$/, ""));
  if (!value) return null;
  if (/^(>=|≥|=>|at least|min(imum)?|no less than|above|over)/.test(typed) || /or (more|higher|above)$/.test(typed)) return { comparison: "at_least", ...value };
  if (/^(<=|≤|=<|at most|max(imum)?|no more than|under|below)/.test(typed) || /or (less|lower|below)$/.test(typed)) return { comparison: "at_most", ...value };
  return null;
}

/** A number with an optional unit: "0.93", "4.5 %", "180ms". */
export function readMeasure(text: string): { value: number; unit: string | null } | null {
  const match = /^(-?\d+(?:\.\d+)?)\s*([a-z%µ/]{0,8})$/i.exec(text.trim().replace(/,(?=\d)/g, "."));
  if (!match) return null;
  return { value: Number(match[1]), unit: match[2] ? match[2] : null };
}

export function thresholdText(threshold: Threshold): string {
  return `${threshold.comparison === "at_least" ? "≥" : "≤"} ${measureText(threshold.value, threshold.unit)}`;
}

export const measureText = (value: number, unit: string | null) => `${value}${unit ? (unit === "%" ? "%" : ` ${unit}`) : ""}`;
