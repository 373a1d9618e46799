// What a person has on their plate: the systems they own, their unfinished drafts, their open
// reports, and (for the governance team) what awaits review. Shown by `/aims my` and App Home.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Viewer } from "../domain/accessPolicy.js";
import { isGovernance } from "../domain/accessPolicy.js";

export async function personalOverview(prisma: PrismaClient, viewer: Viewer, platform: string, platformUserId: string, now: Date) {
  const openStatuses = ["reported", "triaged", "investigating", "contained"] as const;
  const [ownedSystems, drafts, myIncidents] = await Promise.all([
    prisma.aiSystem.findMany({
      where: { ownerId: viewer.personId, status: { not: "retired" } },
      orderBy: { reference: "asc" },
      select: { reference: true, name: true, status: true, riskTier: true, nextReviewDate: true },
    }),
    prisma.conversationState.findMany({
      where: { platform, userId: platformUserId, status: "active", expiresAt: { gt: now } },
      select: { flowId: true, stepId: true, updatedAt: true },
    }),
    prisma.incident.findMany({
      where: { reporterId: viewer.personId, status: { in: [...openStatuses] } },
      orderBy: { reportedAt: "desc" },
      select: { reference: true, severity: true, status: true },
    }),
  ]);
  const governance = isGovernance(viewer)
    ? await Promise.all([
        prisma.incident.findMany({
          orderBy: { reportedAt: "desc" },
          take: 10,
          select: { reference: true, severity: true, status: true, type: true, confidential: true, description: true },
        }),
        prisma.aiSystem.findMany({
          where: { status: { in: ["pending_review", "draft"] } },
          orderBy: { reference: "asc" },
          take: 20,
          select: { reference: true, name: true, status: true, riskTier: true },
        }),
      ]).then(([latestIncidents, awaitingReview]) => ({ latestIncidents, awaitingReview }))
    : null;
  const reviewsDue = ownedSystems.filter((system) => system.nextReviewDate && system.nextReviewDate <= now);
  return { ownedSystems, drafts, myIncidents, reviewsDue, governance };
}

export type PersonalOverview = Awaited<ReturnType<typeof personalOverview>>;
