// The notification outbox: written in the same transaction as the record it announces,
// delivered later by whichever channel reaches its audience.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Notice } from "../domain/governanceNotices.js";

export const governanceAudience = "role:governance";
export const personAudience = (personId: string) => `person:${personId}`;

export async function enqueueNotice(tx: Prisma.TransactionClient, audience: string, notice: Notice): Promise<void> {
  const dedupeKey = `${notice.kind}:${notice.recordRef}:${audience}`;
  await tx.notification.upsert({
    where: { dedupeKey },
    create: { dedupeKey, audience, ...notice },
    update: {},
  });
}

export class NotificationStore {
  constructor(private readonly prisma: PrismaClient) {}

  forAudiences(audiences: string[], limit = 50) {
    return this.prisma.notification.findMany({
      where: { audience: { in: audiences } },
      orderBy: { createdAt: "desc" },
      take: limit,
    });
  }
}
