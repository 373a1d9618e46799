// Incidents in the digest: counts only. Grouping by severity, type and confidentiality keeps each
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
  const current = await incidentsByState(prisma, period);
  return {
    openedThisWeek: breakdown(current.map((group) => ({ ...group, count: group.opened }))),
    closedThisWeek: breakdown(current.map((group) => ({ ...group, count: group.closed }))),
    open: openFigures(current),
  };
}

type IncidentGroup = { severity: Severity; type: IncidentType; confidential: boolean; count: number };

function breakdown(groups: IncidentGroup[]): IncidentBreakdown {
  const result: IncidentBreakdown = {
    total: 0,
    bySeverity: zeroCounts(Object.values(Severity)),
    byType: zeroCounts(Object.values(IncidentType)),
    confidential: 0,
  };
  for (const { severity, type, confidential, count } of groups) {
    result.total += count;
    result.bySeverity[severity] += count;
    result.byType[type] += count;
    if (confidential) result.confidential += count;
  }
  return result;
}

type CurrentStateGroup = Omit<IncidentGroup, "count"> & Record<AgeBand | "opened" | "closed" | "open" | "awaitingTriage", number>;

function openFigures(groups: CurrentStateGroup[]): OpenIncidentFigures {
  const open: OpenIncidentFigures = { total: 0, byAge: zeroCounts(ageBands), awaitingTriage: 0 };
  for (const group of groups) {
    open.total += group.open;
    open.awaitingTriage += group.awaitingTriage;
    for (const band of ageBands) open.byAge[band] += group[band];
  }
  return open;
}

/**
 * Opened and closed this week, and open now by age in whole days (under 1, 1–7, 8–30, over 30), in
 * one pass over the table: there is no index on closedAt, so a separate query would read it all a
 * second time. Prisma's groupBy cannot count by several conditions at once, hence the raw query.
 */
async function incidentsByState(prisma: PrismaClient, period: DigestPeriod): Promise<CurrentStateGroup[]> {
  const daysAgo = (days: number) => new Date(period.to.getTime() - days * dayMs);
  const [oneDay, eightDays, thirtyOneDays] = [daysAgo(1), daysAgo(8), daysAgo(31)];
  // Typed as the enum, not compared as text, so that PostgreSQL can use the status index.
  const isOpen = Prisma.sql`"status" IN (${Prisma.join(openIncidentStatuses.map((status) => Prisma.sql`${status}::"IncidentStatus"`))})`;
  return prisma.$queryRaw<CurrentStateGroup[]>`
    SELECT "severity"::text AS "severity", "type"::text AS "type", "confidential",
           count(*) FILTER (WHERE "reportedAt" >= ${period.from})::int AS "opened",
           count(*) FILTER (WHERE "status" = 'closed' AND "closedAt" >= ${period.from} AND "closedAt" <= ${period.to})::int AS "closed",
           count(*) FILTER (WHERE ${isOpen})::int AS "open",
           count(*) FILTER (WHERE ${isOpen} AND "reportedAt" > ${oneDay})::int AS "underOneDay",
           count(*) FILTER (WHERE ${isOpen} AND "reportedAt" <= ${oneDay} AND "reportedAt" > ${eightDays})::int AS "oneToSevenDays",
           count(*) FILTER (WHERE ${isOpen} AND "reportedAt" <= ${eightDays} AND "reportedAt" > ${thirtyOneDays})::int AS "eightToThirtyDays",
           count(*) FILTER (WHERE ${isOpen} AND "reportedAt" <= ${thirtyOneDays})::int AS "overThirtyDays",
           count(*) FILTER (WHERE "status" = 'reported')::int AS "awaitingTriage"
    FROM "Incident"
    WHERE "reportedAt" <= ${period.to}
    GROUP BY "severity", "type", "confidential"`;
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
