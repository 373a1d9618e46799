// Incidents in the digest: counts only. Grouping by severity, type and confidentiality keeps the
// result a few dozen rows whatever the table holds; no query here reads a description or a name.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { IncidentType, Severity, type IncidentStatus } from "../generated/prisma/enums.js";
import {
  ageBands,
  zeroCounts,
  type AgeBand,
  type DigestPeriod,
  type IncidentBreakdown,
  type IncidentFigures,
  type OpenIncidentFigures,
  type WeeklyIncidentCount,
} from "./weeklyDigest.js";
import { startOfDayIn, type CalendarDate } from "./zonedCalendar.js";

/** Not yet closed, declined or marked a duplicate: someone still has work to do. */
export const openIncidentStatuses: IncidentStatus[] = ["reported", "triaged", "investigating", "contained", "resolved"];

const dayMs = 24 * 60 * 60 * 1000;

export async function incidentFigures(prisma: PrismaClient, period: DigestPeriod): Promise<IncidentFigures> {
  const thisWeek = { gte: period.from, lte: period.to };
  const [opened, closed, open] = await Promise.all([
    prisma.incident.groupBy({ by: ["severity", "type", "confidential"], where: { reportedAt: thisWeek }, _count: { _all: true } }),
    prisma.incident.groupBy({
      by: ["severity", "type", "confidential"],
      where: { status: "closed", closedAt: thisWeek },
      _count: { _all: true },
    }),
    openIncidents(prisma, period.to),
  ]);
  return { openedThisWeek: breakdown(opened), closedThisWeek: breakdown(closed), open };
}

type IncidentGroup = { severity: Severity; type: IncidentType; confidential: boolean; _count: { _all: number } };

function breakdown(groups: IncidentGroup[]): IncidentBreakdown {
  const result: IncidentBreakdown = {
    total: 0,
    bySeverity: zeroCounts(Object.values(Severity)),
    byType: zeroCounts(Object.values(IncidentType)),
    confidential: 0,
  };
  for (const { severity, type, confidential, _count } of groups) {
    result.total += _count._all;
    result.bySeverity[severity] += _count._all;
    result.byType[type] += _count._all;
    if (confidential) result.confidential += _count._all;
  }
  return result;
}

type OpenIncidentRow = Record<AgeBand | "total" | "awaitingTriage", number>;

/**
 * One pass over the open incidents, bucketed by age in whole days: under 1, 1–7, 8–30, over 30.
 * Prisma's groupBy cannot bucket by an expression, hence the raw query.
 */
async function openIncidents(prisma: PrismaClient, now: Date): Promise<OpenIncidentFigures> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs);
  const [oneDay, eightDays, thirtyOneDays] = [daysAgo(1), daysAgo(8), daysAgo(31)];
  const [row] = await prisma.$queryRaw<OpenIncidentRow[]>`
    SELECT count(*)::int AS "total",
           count(*) FILTER (WHERE "reportedAt" > ${oneDay})::int AS "underOneDay",
           count(*) FILTER (WHERE "reportedAt" <= ${oneDay} AND "reportedAt" > ${eightDays})::int AS "oneToSevenDays",
           count(*) FILTER (WHERE "reportedAt" <= ${eightDays} AND "reportedAt" > ${thirtyOneDays})::int AS "eightToThirtyDays",
           count(*) FILTER (WHERE "reportedAt" <= ${thirtyOneDays})::int AS "overThirtyDays",
           count(*) FILTER (WHERE "status" = 'reported')::int AS "awaitingTriage"
    FROM "Incident"
    WHERE "status"::text IN (${Prisma.join(openIncidentStatuses)}) AND "reportedAt" <= ${now}`;
  const byAge = zeroCounts(ageBands);
  for (const band of ageBands) byAge[band] = row?.[band] ?? 0;
  return { total: row?.total ?? 0, byAge, awaitingTriage: row?.awaitingTriage ?? 0 };
}

/**
 * Incidents reported per week, the weeks starting on Monday 00:00 in the digest's time zone.
 * The database does the bucketing (date_trunc in that zone), so one query returns at most one row per week.
 */
export async function weeklyIncidentCounts(
  prisma: PrismaClient,
  period: DigestPeriod,
  weekStarts: CalendarDate[],
): Promise<WeeklyIncidentCount[]> {
  const from = startOfDayIn(weekStarts[0] ?? period.weekStart, period.timeZone);
  const rows = await prisma.$queryRaw<{ weekStart: string; count: number }[]>`
    SELECT to_char(date_trunc('week', ("reportedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${period.timeZone}), 'YYYY-MM-DD') AS "weekStart",
           count(*)::int AS "count"
    FROM "Incident"
    WHERE "reportedAt" >= ${from} AND "reportedAt" <= ${period.to}
    GROUP BY 1`;
  const counts = new Map(rows.map((row) => [row.weekStart, row.count]));
  return weekStarts.map((weekStart) => ({ weekStart, count: counts.get(weekStart) ?? 0 }));
}
