// Measuring AI objectives (ISO/IEC 42001 9.1): how a typed result or target figure is read ("87%",
// "at most 5 days"), whether a result meets its target, when the next result is due, and how a
// result compares with the one before. Pure rules, tested table-driven.
import type { MeasurementFrequency } from "../generated/prisma/enums.js";

export const measurementFrequencyLabels: Record<MeasurementFrequency, string> = {
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  half_yearly: "Every six months",
  yearly: "Yearly",
};

/** How many months (or, for weekly, days) after a result the next one falls due. */
const frequencyMonths: Record<Exclude<MeasurementFrequency, "weekly">, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

export interface Figure {
  value: number;
  /** "%", "days", or null for a plain number. */
  unit: string | null;
}

export interface TargetFigure extends Figure {
  /** True when lower is better ("at most 5 days"). */
  atMost: boolean;
}

const numberThenUnit = /^([-+]?\d+(?:[.,]\d+)?)\s*(%|percent|per cent|[a-z][a-z ]{0,18}[a-z])?$/i;

/** "87%", "87 %", "4.5 days", "12": the figure, or null when it is not one. */
export function parseFigure(typed: string): Figure | null {
  const match = numberThenUnit.exec(typed.trim());
  if (!match) return null;
  const value = Number(match[1]!.replace(",", "."));
  if (!Number.isFinite(value)) return null;
  const unit = match[2]?.toLowerCase().trim();
  return { value, unit: !unit ? null : /^(percent|per cent)$/.test(unit) ? "%" : unit };
}

/** "at least 90%", "≥ 90%", "at most 5 days", "<= 5", "90%" (at least): the target figure, or null. */
export function parseTargetFigure(typed: string): TargetFigure | null {
  const text = typed.trim().toLowerCase();
  const atMost = /^(at most|no more than|max(imum)?|under|below|<=?|≤)\s*/.exec(text);
  const atLeast = /^(at least|no less than|min(imum)?|over|above|>=?|≥)\s*/.exec(text);
  const figure = parseFigure(text.slice((atMost ?? atLeast)?.[0].length ?? 0));
  return figure ? { ...figure, atMost: atMost !== null } : null;
}

export const describeFigure = (figure: Figure) => `${formatNumber(figure.value)}${figure.unit === "%" ? "%" : figure.unit ? ` ${unitFor(figure)}` : ""}`;

/** "1 day", "2 days": a plural unit said in the singular for exactly one. */
const unitFor = (figure: Figure) => (Math.abs(figure.value) === 1 && figure.unit!.endsWith("s") ? figure.unit!.slice(0, -1) : figure.unit!);
export const describeTarget = (target: TargetFigure) => `${target.atMost ? "at most" : "at least"} ${describeFigure(target)}`;

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** Met when the result is at least (or at most) the target; null when there is no target figure. */
export function meetsTarget(value: number, target: { targetValue: number | null; targetAtMost: boolean }): boolean | null {
  if (target.targetValue === null) return null;
  return target.targetAtMost ? value <= target.targetValue : value >= target.targetValue;
}

/** The day the next result is due: one period after the last result (or after the objective was set). */
export function nextMeasurementDue(frequency: MeasurementFrequency, lastMeasuredOn: Date | null, setOn: Date): Date {
  const from = new Date(`${(lastMeasuredOn ?? setOn).toISOString().slice(0, 10)}T00:00:00Z`);
  if (frequency === "weekly") return new Date(from.getTime() + 7 * 24 * 60 * 60 * 1000);
  const due = new Date(from);
  due.setUTCMonth(due.getUTCMonth() + frequencyMonths[frequency]);
  return due;
}

export type Trend = "up" | "down" | "same" | "first";

/** How a result moved since the one before: "up 4 points", said as better or worse when the target says which way is good. */
export function trendSince(latest: number, previous: number | null): Trend {
  if (previous === null) return "first";
  return latest > previous ? "up" : latest < previous ? "down" : "same";
}

export function describeTrend(latest: Figure, previous: number | null, atMost: boolean): string {
  const trend = trendSince(latest.value, previous);
  if (trend === "first") return "first result";
  if (trend === "same") return "unchanged since the last result";
  const change = describeFigure({ value: Math.abs(latest.value - previous!), unit: latest.unit === "%" ? "points" : latest.unit });
  const better = trend === "up" ? !atMost : atMost;
  return `${trend} ${change} since the last result (${better ? "better" : "worse"})`;
}

export const metWording = (met: boolean | null) => (met === null ? "no target figure" : met ? "met" : "not met");
