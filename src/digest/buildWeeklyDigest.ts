// Gathers the weekly digest's figures from each area in parallel. Apart from the digest's shapes
// (weeklyDigest.ts), so that the figure modules, which use those shapes, do not import back.
import type { PrismaClient } from "../generated/prisma/client.js";
import { applicabilityFigures } from "./applicabilityFigures.js";
import { followUpFigures } from "./followUpFigures.js";
import { incidentFigures, weeklyIncidentCounts } from "./incidentFigures.js";
import { inventoryFigures } from "./inventoryFigures.js";
import { chartWeekStarts, defaultAttestationMonths, digestPeriod, type DigestOptions, type WeeklyDigest } from "./weeklyDigest.js";

export async function buildWeeklyDigest(prisma: PrismaClient, options: DigestOptions): Promise<WeeklyDigest> {
  const period = digestPeriod(options.now, options.timeZone);
  const attestationMonths = options.attestationMonths ?? defaultAttestationMonths;
  const [inventory, incidents, incidentsPerWeek, followUps, statementOfApplicability] = await Promise.all([
    inventoryFigures(prisma, period, attestationMonths),
    incidentFigures(prisma, period),
    weeklyIncidentCounts(prisma, period, chartWeekStarts(period)),
    followUpFigures(prisma, period),
    applicabilityFigures(prisma),
  ]);
  return { period, ...inventory, incidents, incidentsPerWeek, ...followUps, statementOfApplicability };
}
