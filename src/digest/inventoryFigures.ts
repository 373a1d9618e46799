// The AI inventory in the digest: two aggregate queries, however many systems there are. The
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
  const [groups, newThisWeek, overdue] = await Promise.all([
    prisma.aiSystem.groupBy({ by: ["status", "riskTier", "kind"], _count: { _all: true } }),
    prisma.aiSystem.groupBy({ by: ["status"], where: { createdAt: { gte: period.from, lte: period.to } }, _count: { _all: true } }),
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
  for (const { status, riskTier, kind, _count } of groups) {
    if (status === "draft") shadowAi.open += _count._all;
    if (!inUseStatuses.includes(status)) continue;
    systems.total += _count._all;
    systems.byRiskTier[riskTier ?? "unassessed"] += _count._all;
    systems.byKind[kind ?? "unspecified"] += _count._all;
    if (status === "pending_review") systems.awaitingReview += _count._all;
  }
  for (const { status, _count } of newThisWeek) {
    if (status === "draft") shadowAi.newThisWeek += _count._all;
    if (inUseStatuses.includes(status)) systems.newThisWeek += _count._all;
  }
  return { systems, shadowAi };
}
