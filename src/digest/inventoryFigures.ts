// The AI inventory in the digest: one aggregate query, however many systems there are. The
// systems overdue for review or re-attestation are counted with their lists (overdueItems.ts).
import type { PrismaClient } from "../generated/prisma/client.js";
import { AiSystemKind, RiskTier, type AiSystemStatus } from "../generated/prisma/enums.js";
import { zeroCounts, type DigestPeriod, type KindKey, type ShadowAiFigures, type SystemFigures, type TierKey } from "./weeklyDigest.js";

/** Systems the organisation runs or is about to run; drafts are unconfirmed shadow-AI reports. */
export const inUseStatuses: AiSystemStatus[] = ["pending_review", "approved"];

const tierKeys: TierKey[] = [...Object.values(RiskTier), "unassessed"];
const kindKeys: KindKey[] = [...Object.values(AiSystemKind), "unspecified"];

export async function inventoryFigures(
  prisma: PrismaClient,
  period: DigestPeriod,
  attestationMonths: number,
  /** Counted by the overdue lists' own query: awaited beside this module's, not before them. */
  overdueCounts: Promise<{ overdueReview: number; overdueAttestation: number }>,
): Promise<{ systems: SystemFigures; shadowAi: ShadowAiFigures }> {
  // One pass: all systems by status, tier and kind, with how many of each were added this week.
  const [groups, overdue] = await Promise.all([
    prisma.$queryRaw<{ status: AiSystemStatus; riskTier: RiskTier | null; kind: AiSystemKind | null; systems: number; newThisWeek: number }[]>`
      SELECT "status"::text AS "status", "riskTier"::text AS "riskTier", "kind"::text AS "kind", count(*)::int AS "systems",
             count(*) FILTER (WHERE "createdAt" >= ${period.from} AND "createdAt" <= ${period.to})::int AS "newThisWeek"
      FROM "AiSystem"
      GROUP BY "status", "riskTier", "kind"`,
    overdueCounts,
  ]);

  const systems: SystemFigures = {
    total: 0,
    newThisWeek: 0,
    byRiskTier: zeroCounts(tierKeys),
    byKind: zeroCounts(kindKeys),
    awaitingReview: 0,
    ...overdue,
    attestationMonths,
  };
  const shadowAi: ShadowAiFigures = { newThisWeek: 0, open: 0 };
  for (const { status, riskTier, kind, systems: count, newThisWeek } of groups) {
    if (status === "draft") {
      shadowAi.open += count;
      shadowAi.newThisWeek += newThisWeek;
    }
    if (!inUseStatuses.includes(status)) continue;
    systems.total += count;
    systems.newThisWeek += newThisWeek;
    systems.byRiskTier[riskTier ?? "unassessed"] += count;
    systems.byKind[kind ?? "unspecified"] += count;
    if (status === "pending_review") systems.awaitingReview += count;
  }
  return { systems, shadowAi };
}
