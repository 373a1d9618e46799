// The notification outbox: written in the same transaction as the record it announces,
// delivered later by whichever channel reaches its audience.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Notice } from "../domain/governanceNotices.js";
import { noteNoticeQueued } from "./queuedNoticeCount.js";

export const governanceAudience = "role:governance";
export const personAudience = (personId: string) => `person:${personId}`;

/**
 * `occurrence` tells apart notices of the same kind about the same record (the second assignment
 * of an incident); without it a notice is sent once per record and audience.
 */
export async function enqueueNotice(
  tx: Prisma.TransactionClient,
  audience: string,
  notice: Notice,
  options: { occurrence?: string; privateOnly?: boolean; notBefore?: Date; file?: { bytes: Uint8Array; name: string } } = {},
): Promise<void> {
  const dedupeKey = [notice.kind, notice.recordRef, audience, ...(options.occurrence ? [options.occurrence] : [])].join(":");
  // Queued once, whoever gets there first: one INSERT … ON CONFLICT DO NOTHING. (An upsert looks the
  // key up and then inserts, so two scans queueing the same reminder at once failed the second one's
  // whole transaction on the unique key.)
  await tx.notification.createMany({
    data: {
      dedupeKey,
      audience,
      kind: notice.kind,
      subject: notice.subject,
      text: notice.text,
      recordRef: notice.recordRef,
      actions: (notice.actions ?? []) as unknown as Prisma.InputJsonValue,
      privateOnly: options.privateOnly ?? false,
      ...(options.notBefore ? { notBefore: options.notBefore } : {}),
      ...(options.file ? { attachment: new Uint8Array(options.file.bytes), attachmentName: options.file.name } : {}),
    },
    skipDuplicates: true,
  });
  noteNoticeQueued();
}

export class NotificationStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** The latest notices for these audiences, without their files (a pack can be megabytes). */
  forAudiences(audiences: string[], limit = 50) {
    return this.prisma.notification.findMany({
      where: { audience: { in: audiences } },
      orderBy: { createdAt: "desc" },
      take: limit,
      omit: { attachment: true },
    });
  }

  /** A notice's file, only for one of its audiences. */
  async fileFor(notificationId: string, audiences: string[]): Promise<{ bytes: Uint8Array; name: string } | null> {
    const notification = await this.prisma.notification.findFirst({ where: { id: notificationId, audience: { in: audiences } }, select: { attachment: true, attachmentName: true } });
    return notification?.attachment ? { bytes: notification.attachment, name: notification.attachmentName ?? "ai-governance-digest.png" } : null;
  }
}
