// The life-cycle records each tier needs before approval, and how a test result meets its threshold.
import { describe, expect, it } from "vitest";
import { lifecycleGaps, meetsThreshold, readMeasure, readThreshold, type RecordOnFile } from "../../src/domain/lifecycleRules.js";
import type { LifecycleRecordKind, RiskTier } from "../../src/generated/prisma/enums.js";

const on = (kind: LifecycleRecordKind, extra: Partial<RecordOnFile> = {}): RecordOnFile => ({ reference: `LCR-${kind.length}`, kind, passed: kind === "verification" ? true : null, accepted: false, ...extra });
const all: RecordOnFile[] = (["requirements", "verification", "deployment_plan", "monitoring_plan", "technical_documentation", "event_logging"] as const).map((kind) => on(kind));
const kindsMissing = (tier: RiskTier | null, records: RecordOnFile[]) => lifecycleGaps("AIS-0001", tier, records).map((gap) => gap.kind);

describe("life-cycle records needed before approval, by tier", () => {
  it.each<[string, RiskTier | null, RecordOnFile[], LifecycleRecordKind[]]>([
    ["low tier needs nothing", "low", [], []],
    ["medium tier needs requirements, test results and a monitoring plan", "medium", [], ["requirements", "verification", "monitoring_plan"]],
    ["medium tier with those three needs nothing more", "medium", [on("requirements"), on("verification"), on("monitoring_plan")], []],
    ["medium tier with a failing result still needs a passing one", "medium", [on("requirements"), on("verification", { passed: false }), on("monitoring_plan")], ["verification"]],
    ["high tier needs six kinds", "high", [], ["requirements", "verification", "deployment_plan", "monitoring_plan", "technical_documentation", "event_logging"]],
    ["high tier with everything, but results not accepted", "high", all, ["verification"]],
    ["high tier with everything accepted", "high", all.map((record) => ({ ...record, accepted: true })), []],
    ["no tier is held to the high tier", null, [on("requirements")], ["verification", "deployment_plan", "monitoring_plan", "technical_documentation", "event_logging"]],
  ])("%s", (_why, tier, records, expected) => {
    expect(kindsMissing(tier, records)).toEqual(expected);
  });

  it("names the command that adds each missing record", () => {
    expect(lifecycleGaps("AIS-0001", "medium", []).map((gap) => gap.text)).toEqual([
      "its requirements and specification (add requirements AIS-0001)",
      "a verification and validation result (add verification AIS-0001)",
      "a monitoring plan (add monitoring plan AIS-0001)",
    ]);
    expect(lifecycleGaps("AIS-0001", "high", all).map((gap) => gap.text)).toEqual(["the governance team's acceptance of its verification results (accept LCR-12)"]);
  });
});

describe("thresholds as people write them", () => {
  it.each([
    [">= 0.85", { comparison: "at_least", value: 0.85, unit: null }],
    ["at least 90%", { comparison: "at_least", value: 90, unit: "%" }],
    ["≤ 5 %", { comparison: "at_most", value: 5, unit: "%" }],
    ["max 200 ms", { comparison: "at_most", value: 200, unit: "ms" }],
    ["0.8 or more", { comparison: "at_least", value: 0.8, unit: null }],
    ["0,9 or higher", { comparison: "at_least", value: 0.9, unit: null }],
  ])("%s", (typed, expected) => {
    expect(readThreshold(typed)).toEqual(expected);
  });
  it.each(["90%", "good enough", ">= lots"])("%s has no direction or number, so it is asked again", (typed) => {
    expect(readThreshold(typed)).toBeNull();
  });
  it("passes a result on the threshold itself, in either direction", () => {
    expect(meetsThreshold("at_least", 0.9, 0.9)).toBe(true);
    expect(meetsThreshold("at_least", 0.9, 0.89)).toBe(false);
    expect(meetsThreshold("at_most", 5, 5)).toBe(true);
    expect(meetsThreshold("at_most", 5, 5.1)).toBe(false);
    expect(readMeasure("93 %")).toEqual({ value: 93, unit: "%" });
  });
});
