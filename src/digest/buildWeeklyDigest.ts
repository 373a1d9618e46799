// Gathers the weekly digest's figures from each area in parallel. Apart from the digest's shapes
// (weeklyDigest.ts), so that the figure modules, which use those shapes, do not import back.
import type { PrismaClient } from "../generated/prisma/client.js";
import { applicabilityFigures } from "./applicabilityFigures.js";
import { lastWeeksAttention } from "./digestHistory.js";
import { followUpFigures } from "./followUpFigures.js";
import { incidentFigures, weeklyIncidentCounts } from "./incidentFigures.js";
import { inventoryFigures } from "./inventoryFigures.js";
import { attentionCounts, needsAttention } from "./needsAttention.js";
import { overdueItems } from "./overdueItems.js";
import { chartWeekStarts, defaultAttestationMonths, digestPeriod, measuredObjectivesListed, type DigestOptions, type WeeklyDigest } from "./weeklyDigest.js";
import { measureSummaries } from "../objectives/measurementSummary.js";

export async function buildWeeklyDigest(prisma: PrismaClient, options: DigestOptions): Promise<WeeklyDigest> {
  const period = digestPeriod(options.now, options.timeZone);
  const attestationMonths = options.attestationMonths ?? defaultAttestationMonths;
  // The overdue lists carry their totals, which the inventory's figures repeat: its own queries run meanwhile.
  const overdue = overdueItems(prisma, period, attestationMonths);
  const overdueSystems = overdue.then((lists) => ({ overdueReview: lists.overdueReviews.count, overdueAttestation: lists.overdueAttestations.count }));
  const [inventory, incidents, incidentsPerWeek, followUps, overdueLists, statementOfApplicability, lastWeek, objectiveMeasures] = await Promise.all([
    inventoryFigures(prisma, period, attestationMonths, overdueSystems),
    incidentFigures(prisma, period),
    weeklyIncidentCounts(prisma, period, chartWeekStarts(period)),
    followUpFigures(prisma, period),
    overdue,
    applicabilityFigures(prisma),
    lastWeeksAttention(prisma, period),
    measureSummaries(prisma, options.now, null, measuredObjectivesListed),
  ]);
  const figures = { period, ...inventory, incidents, incidentsPerWeek, ...followUps, ...overdueLists, statementOfApplicability, objectiveMeasures };
  return { ...figures, needsAttention: needsAttention(attentionCounts(figures), lastWeek), lastWeekRecorded: lastWeek !== null };
}
