// The rules of measuring AI objectives: reading typed figures and targets, met or not met, when the
// next result is due, and how a result moved since the one before.
import { describe, expect, it } from "vitest";
import { describeTrend, meetsTarget, nextMeasurementDue, parseFigure, parseTargetFigure } from "../../src/domain/measurement.js";
import { independenceConflicts } from "../../src/domain/auditIndependence.js";

describe("measurement rules", () => {
  it.each([
    ["87%", { value: 87, unit: "%" }],
    ["87 %", { value: 87, unit: "%" }],
    ["4,5 days", { value: 4.5, unit: "days" }],
    ["12", { value: 12, unit: null }],
    ["95 percent", { value: 95, unit: "%" }],
    ["lots", null],
    ["", null],
  ])("reads the figure %j", (typed, figure) => {
    expect(parseFigure(typed)).toEqual(figure);
  });

  it.each([
    ["at least 90%", { value: 90, unit: "%", atMost: false }],
    ["90%", { value: 90, unit: "%", atMost: false }],
    ["at most 5 days", { value: 5, unit: "days", atMost: true }],
    ["<= 2", { value: 2, unit: null, atMost: true }],
    ["≥ 95%", { value: 95, unit: "%", atMost: false }],
    ["most of them", null],
  ])("reads the target %j", (typed, target) => {
    expect(parseTargetFigure(typed)).toEqual(target);
  });

  it.each([
    [90, 90, false, true],
    [89.9, 90, false, false],
    [5, 5, true, true],
    [6, 5, true, false],
  ])("judges %d against %d (at most: %s) as met: %s", (value, targetValue, targetAtMost, met) => {
    expect(meetsTarget(value, { targetValue, targetAtMost })).toBe(met);
  });

  it("says nothing of met when the target is not a figure", () => {
    expect(meetsTarget(90, { targetValue: null, targetAtMost: false })).toBeNull();
  });

  it.each([
    ["weekly", "2026-11-30", "2026-12-07"],
    ["monthly", "2026-01-31", "2026-03-03"],
    ["quarterly", "2026-09-30", "2026-12-30"],
    ["half_yearly", "2026-06-30", "2026-12-30"],
    ["yearly", "2026-02-28", "2027-02-28"],
  ] as const)("%s after a result on %s: next due %s", (frequency, last, due) => {
    expect(nextMeasurementDue(frequency, new Date(`${last}T00:00:00Z`), new Date("2020-01-01")).toISOString().slice(0, 10)).toBe(due);
  });

  it("counts the first result from the day the objective was set", () => {
    expect(nextMeasurementDue("quarterly", null, new Date("2026-11-29T15:00:00Z")).toISOString().slice(0, 10)).toBe("2027-03-01");
  });

  it("says which way a result moved and whether that is better", () => {
    expect(describeTrend({ value: 91, unit: "%" }, 87, false)).toBe("up 4 points since the last result (better)");
    expect(describeTrend({ value: 3, unit: "days" }, 1, true)).toBe("up 2 days since the last result (worse)");
    expect(describeTrend({ value: 0.5, unit: "days" }, 1, true)).toBe("down 0.5 days since the last result (better)");
    expect(describeTrend({ value: 80, unit: "%" }, 80, false)).toBe("unchanged since the last result");
    expect(describeTrend({ value: 80, unit: "%" }, null, false)).toBe("first result");
  });

  it("names each tie between an auditor and the area audited", () => {
    const auditors = [{ id: "p1", displayName: "Sofia Alvarez" }, { id: "p2", displayName: "Daniel Mensah" }];
    const systems = [{ reference: "AIS-0001", name: "Claims Fast-Track Triage", ownerId: "p1" }, { reference: "AIS-0009", name: "Damage Estimator", ownerId: "p3" }];
    expect(independenceConflicts(auditors, systems, "p2")).toEqual(["Sofia Alvarez owns AIS-0001 Claims Fast-Track Triage, which is in scope", "Daniel Mensah is responsible for the area audited"]);
    expect(independenceConflicts([auditors[1]!], systems, null)).toEqual([]);
  });
});
