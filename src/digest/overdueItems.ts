// What is overdue, item by item: corrective actions past their due date, AI systems past their
// review date or not re-attested, incidents open for over 30 days. One query per list returns its
// longest overdue few (bounded) with the list's totals alongside (window counts), so the digest
// issues the same queries whatever the tables hold. Nothing here reads a description: an item is
// named by its reference, a system's name, an incident's severity and type, and flagged when it
// belongs to a confidential incident.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { IncidentType, Severity } from "../generated/prisma/enums.js";
import { incidentTypeLabels, severityLabels } from "../domain/labels.js";
import { openIncidentStatuses } from "./incidentFigures.js";
import { overdueItemsListed, type DigestPeriod, type OverdueItem, type OverdueList } from "./weeklyDigest.js";
import { asDateColumn, calendarDateIn, daysBetween, monthsBefore } from "./zonedCalendar.js";

export interface OverdueLists {
  overdueActions: OverdueList;
  overdueReviews: OverdueList;
  overdueAttestations: OverdueList;
  longOpenIncidents: OverdueList;
}

export async function overdueItems(prisma: PrismaClient, period: DigestPeriod, attestationMonths: number): Promise<OverdueLists> {
  const [overdueActions, overdueReviews, overdueAttestations, longOpenIncidents] = await Promise.all([
    correctiveActions(prisma, period),
    systemReviews(prisma, period),
    systemAttestations(prisma, period, attestationMonths),
    incidentsOpenOverThirtyDays(prisma, period),
  ]);
  return { overdueActions, overdueReviews, overdueAttestations, longOpenIncidents };
}

/** Every row carries its list's totals: how many in all, and how many of a confidential incident. */
type Totals = { total: number; confidential: number };

function listOf<Row extends Totals>(rows: Row[], item: (row: Row) => OverdueItem): OverdueList {
  return { count: rows[0]?.total ?? 0, confidential: rows[0]?.confidential ?? 0, items: rows.map(item) };
}

const dateOf = (column: Date) => column.toISOString().slice(0, 10);

async function correctiveActions(prisma: PrismaClient, period: DigestPeriod): Promise<OverdueList> {
  const rows = await prisma.$queryRaw<(Totals & { reference: string; dueDate: Date; ownerName: string; source: string | null; isConfidential: boolean })[]>`
    SELECT a."reference", a."dueDate", p."displayName" AS "ownerName", coalesce(i."reference", n."reference") AS "source",
           coalesce(i."confidential", false) AS "isConfidential",
           count(*) OVER ()::int AS "total", count(*) FILTER (WHERE i."confidential") OVER ()::int AS "confidential"
    FROM "CorrectiveAction" a
    JOIN "Person" p ON p."id" = a."ownerId"
    -- One look-up by key per overdue action: joined plainly, the planner hashes every incident
    -- ever reported (100,000 rows took 70 ms) to find the few that have overdue actions.
    -- OFFSET 0 keeps the subquery from being merged back into such a join.
    LEFT JOIN LATERAL (SELECT "reference", "confidential" FROM "Incident" WHERE "id" = a."incidentId" OFFSET 0) i ON true
    LEFT JOIN "Nonconformity" n ON n."id" = a."nonconformityId"
    WHERE a."status" = 'open' AND a."dueDate" < ${asDateColumn(period.today)}
    ORDER BY a."dueDate", a."reference"
    LIMIT ${overdueItemsListed}`;
  return listOf(rows, (row) => {
    const due = dateOf(row.dueDate);
    return { reference: row.reference, what: row.source ? `for ${row.source}` : "", ownerName: row.ownerName, since: due, sinceLabel: "due", daysOverdue: daysBetween(due, period.today), confidential: row.isConfidential };
  });
}

/** Systems the organisation runs or is about to run (as inventoryFigures.ts counts them). */
const inUse = Prisma.sql`s."status" IN ('pending_review', 'approved')`;

async function systemReviews(prisma: PrismaClient, period: DigestPeriod): Promise<OverdueList> {
  const rows = await prisma.$queryRaw<(Totals & { reference: string; name: string; nextReviewDate: Date; ownerName: string | null })[]>`
    SELECT s."reference", s."name", s."nextReviewDate", p."displayName" AS "ownerName", count(*) OVER ()::int AS "total", 0 AS "confidential"
    FROM "AiSystem" s LEFT JOIN "Person" p ON p."id" = s."ownerId"
    WHERE ${inUse} AND s."nextReviewDate" < ${asDateColumn(period.today)}
    ORDER BY s."nextReviewDate", s."reference"
    LIMIT ${overdueItemsListed}`;
  return listOf(rows, (row) => {
    const due = dateOf(row.nextReviewDate);
    return { reference: row.reference, what: row.name, ownerName: row.ownerName, since: due, sinceLabel: "review due", daysOverdue: daysBetween(due, period.today), confidential: false };
  });
}

async function systemAttestations(prisma: PrismaClient, period: DigestPeriod, attestationMonths: number): Promise<OverdueList> {
  const cutoff = monthsBefore(period.to, attestationMonths);
  // A system in use that was never attested is an imported entry whose owner was asked to confirm it
  // at the import (chat registration attests at once): due from that day. Never attested first.
  const rows = await prisma.$queryRaw<(Totals & { reference: string; name: string; lastAttestedAt: Date | null; createdAt: Date; ownerName: string | null })[]>`
    SELECT s."reference", s."name", s."lastAttestedAt", s."createdAt", p."displayName" AS "ownerName", count(*) OVER ()::int AS "total", 0 AS "confidential"
    FROM "AiSystem" s LEFT JOIN "Person" p ON p."id" = s."ownerId"
    WHERE ${inUse} AND (s."lastAttestedAt" IS NULL OR s."lastAttestedAt" < ${cutoff})
    ORDER BY s."lastAttestedAt" ASC NULLS FIRST, s."createdAt", s."reference"
    LIMIT ${overdueItemsListed}`;
  return listOf(rows, (row) => {
    const since = calendarDateIn(row.lastAttestedAt ?? row.createdAt, period.timeZone);
    const lateFrom = row.lastAttestedAt ? calendarDateIn(monthsBefore(row.lastAttestedAt, -attestationMonths), period.timeZone) : since;
    return {
      reference: row.reference,
      what: row.name,
      ownerName: row.ownerName,
      since,
      sinceLabel: row.lastAttestedAt ? "last attested" : "never attested; registered",
      daysOverdue: Math.max(0, daysBetween(lateFrom, period.today)),
      confidential: false,
    };
  });
}

async function incidentsOpenOverThirtyDays(prisma: PrismaClient, period: DigestPeriod): Promise<OverdueList> {
  // The same boundary as the age bands (incidentFigures.ts): reported 31 or more days ago.
  const reportedBy = new Date(period.to.getTime() - 31 * 24 * 60 * 60 * 1000);
  const isOpen = Prisma.sql`i."status" IN (${Prisma.join(openIncidentStatuses.map((status) => Prisma.sql`${status}::"IncidentStatus"`))})`;
  // The totals are counted apart from the oldest few: in one query with a window count, PostgreSQL
  // walks the reportedAt index through every old incident to find the open ones (15× slower at 100,000).
  const rows = await prisma.$queryRaw<(Totals & { reference: string; severity: Severity; type: IncidentType; isConfidential: boolean; reportedAt: Date; assigneeName: string | null })[]>`
    SELECT oldest."reference", oldest."severity"::text AS "severity", oldest."type"::text AS "type", oldest."confidential" AS "isConfidential",
           oldest."reportedAt", p."displayName" AS "assigneeName", totals."total", totals."confidential"
    FROM (SELECT i."reference", i."severity", i."type", i."confidential", i."reportedAt", i."assigneeId"
          FROM "Incident" i
          WHERE ${isOpen} AND i."reportedAt" <= ${reportedBy}
          ORDER BY i."reportedAt", i."reference"
          LIMIT ${overdueItemsListed}) AS oldest
    CROSS JOIN (SELECT count(*)::int AS "total", count(*) FILTER (WHERE i."confidential")::int AS "confidential"
                FROM "Incident" i
                WHERE ${isOpen} AND i."reportedAt" <= ${reportedBy}) AS totals
    LEFT JOIN "Person" p ON p."id" = oldest."assigneeId"
    ORDER BY oldest."reportedAt", oldest."reference"`;
  return listOf(rows, (row) => {
    const reported = calendarDateIn(row.reportedAt, period.timeZone);
    return {
      reference: row.reference,
      what: `${severityLabels[row.severity]}, ${incidentTypeLabels[row.type].toLowerCase()}`,
      ownerName: row.assigneeName,
      since: reported,
      sinceLabel: "reported",
      daysOverdue: daysBetween(reported, period.today),
      confidential: row.isConfidential,
    };
  });
}
