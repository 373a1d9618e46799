// One line per measured AI objective: the latest result against the target, the trend since the
// result before, and whether the next result is overdue. The weekly digest and the management-review
// inputs (9.3.2: monitoring and measurement results) both read it, so they say the same thing.
// Two queries however many results there are: the objectives, and their two latest results each.
import type { PrismaClient } from "../generated/prisma/client.js";
import { describeFigure, describeTarget, describeTrend, metWording, nextMeasurementDue } from "../domain/measurement.js";
import { displayDate } from "../domain/dateDisplay.js";

export interface MeasureSummary {
  reference: string;
  metric: string;
  ownerName: string;
  /** "at least 90%", or null when the target is not a figure. */
  target: string | null;
  latest: { value: string; measuredOn: string; met: boolean | null } | null;
  /** "up 4 points since the last result (better)", "first result", or null with no result. */
  trend: string | null;
  nextDue: string | null;
  /** The next result's due date has passed without one. */
  overdue: boolean;
  /** Results recorded since the `since` date given. */
  resultsSince: number;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Objectives with a measure (or results), still pursued or finished since `since`; at most `limit`. */
export async function measureSummaries(prisma: PrismaClient, now: Date, since: Date | null = null, limit = 50): Promise<MeasureSummary[]> {
  const objectives = await prisma.aiObjective.findMany({
    where: { status: { not: "withdrawn" }, OR: [{ frequency: { not: null } }, { measurements: { some: {} } }] },
    orderBy: { reference: "asc" },
    take: limit,
    include: { owner: { select: { displayName: true } }, measurements: { orderBy: [{ measuredOn: "desc" }, { createdAt: "desc" }], take: 2 } },
  });
  const counts = since
    ? new Map((await prisma.objectiveMeasurement.groupBy({ by: ["objectiveId"], where: { createdAt: { gt: since } }, _count: { _all: true } })).map((group) => [group.objectiveId, group._count._all]))
    : new Map<string, number>();
  return objectives.map((objective) => {
    const [latest, previous] = objective.measurements;
    const nextDue = objective.frequency ? nextMeasurementDue(objective.frequency, latest?.measuredOn ?? null, objective.createdAt) : null;
    const pursued = ["not_started", "on_track", "at_risk"].includes(objective.status);
    return {
      reference: objective.reference,
      metric: objective.metric ?? objective.objective,
      ownerName: objective.owner.displayName,
      target: objective.targetValue === null ? null : describeTarget({ value: objective.targetValue, unit: objective.targetUnit, atMost: objective.targetAtMost }),
      latest: latest ? { value: describeFigure(latest), measuredOn: day(latest.measuredOn), met: latest.met } : null,
      trend: latest ? describeTrend(latest, previous?.value ?? null, objective.targetAtMost) : null,
      nextDue: pursued && nextDue ? day(nextDue) : null,
      overdue: pursued && nextDue !== null && day(nextDue) < day(now),
      resultsSince: counts.get(objective.id) ?? 0,
    };
  });
}

/** "OBJ-0001 Share of … : 87% on 2026-11-02, not met (target at least 90%); up 4 points since the last result (better)". */
export function describeMeasureSummary(summary: MeasureSummary): string {
  const target = summary.target ? ` (target ${summary.target})` : "";
  const due = summary.overdue ? `; next result overdue since ${displayDate(summary.nextDue!)}` : "";
  if (!summary.latest) return `${summary.reference} ${summary.metric}: no result yet${target}${summary.nextDue ? `; first due ${displayDate(summary.nextDue)}` : ""}${summary.overdue ? " (overdue)" : ""}`;
  return `${summary.reference} ${summary.metric}: ${summary.latest.value} on ${displayDate(summary.latest.measuredOn)}, ${metWording(summary.latest.met)}${target}; ${summary.trend}${due}`;
}
