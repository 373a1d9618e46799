// The durable outbox, per destination: each notification becomes one delivery per platform and
// target; workers (one per replica) claim due deliveries with FOR UPDATE SKIP LOCKED and a lease,
// so no two send the same one and a worker killed mid-send only delays it until its lease runs out.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { enqueueNotice, governanceAudience } from "../store/notifications.js";

export interface DeliveryTarget {
  platform: string;
  /** "person:<id>" or "channel:<platform channel id>". */
  target: string;
}

/** Decides where a notification goes (the platforms configured, where each person can be reached). */
export type DeliveryRouter = (notification: { audience: string; privateOnly: boolean; kind: string }) => Promise<DeliveryTarget[]>;

export interface OutboxSettings {
  /** A claim is held this long before another worker may take the delivery over. */
  leaseMs: number;
  /** After this many failed attempts a delivery is dead and governance is told. */
  maxAttempts: number;
  /** A rate-limited delivery spends no attempt; it is given up only once it is this old (default 24 h). */
  maxRateLimitedAgeMs?: number;
}

const defaultMaxRateLimitedAgeMs = 24 * 60 * 60_000;

const deadLetterKind = "delivery_failed";
/** Timestamps are stored as UTC wall time without a zone, so they are compared as such. */
const utc = (date: Date) => date.toISOString().replace("Z", "");

export class Outbox {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly settings: OutboxSettings,
  ) {}

  /** Turns new notifications into their deliveries. Idempotent: replicas may do it at once. */
  async fanOut(route: DeliveryRouter, now: Date, batch = 100): Promise<number> {
    const fresh = await this.prisma.notification.findMany({ where: { fannedOutAt: null }, orderBy: { createdAt: "asc" }, take: batch });
    for (const notification of fresh) {
      const targets = await route(notification);
      const nextAttemptAt = notification.notBefore && notification.notBefore > now ? notification.notBefore : now;
      await this.prisma.$transaction([
        this.prisma.notificationDelivery.createMany({
          data: targets.map((target) => ({ notificationId: notification.id, ...target, nextAttemptAt })),
          skipDuplicates: true,
        }),
        this.prisma.notification.update({ where: { id: notification.id }, data: { fannedOutAt: now } }),
      ]);
    }
    return fresh.length;
  }

  /** Claims up to `limit` due deliveries for one platform; each comes back with what to send. */
  async claim(platform: string, now: Date, limit: number) {
    const leaseUntil = new Date(now.getTime() + this.settings.leaseMs);
    const claimed = await this.prisma.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE "NotificationDelivery" SET status = 'sending', "leaseUntil" = $1::timestamp, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM "NotificationDelivery"
         WHERE platform = $2 AND ((status = 'pending' AND "nextAttemptAt" <= $3::timestamp) OR (status = 'sending' AND "leaseUntil" < $3::timestamp))
         ORDER BY "nextAttemptAt" LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      utc(leaseUntil),
      platform,
      utc(now),
      limit,
    );
    if (claimed.length === 0) return [];
    return this.prisma.notificationDelivery.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, include: { notification: true } });
  }

  async sent(id: string, now: Date): Promise<void> {
    const delivery = await this.prisma.notificationDelivery.update({ where: { id }, data: { status: "sent", sentAt: now, leaseUntil: null, lastError: null } });
    const unsent = await this.prisma.notificationDelivery.count({ where: { notificationId: delivery.notificationId, status: { not: "sent" } } });
    if (unsent === 0) await this.prisma.notification.update({ where: { id: delivery.notificationId }, data: { deliveredAt: now } });
  }

  /**
   * A failed attempt. Rate limited (`retryAfterMs`, a 429's Retry-After): tried again once that has
   * passed, without spending an attempt, and given up only when the delivery is a day old; a storm
   * of 429s delays a notice, it does not lose it. Other failures: exponential backoff, and dead
   * after too many attempts. Either way the governance team is told of a dead notice once.
   */
  async failed(id: string, error: string, now: Date, retryAfterMs?: number): Promise<"retry" | "dead"> {
    const delivery = await this.prisma.notificationDelivery.findUniqueOrThrow({ where: { id }, include: { notification: true } });
    const rateLimited = retryAfterMs !== undefined;
    const maxAgeMs = this.settings.maxRateLimitedAgeMs ?? defaultMaxRateLimitedAgeMs;
    const givenUp = rateLimited ? now.getTime() - delivery.createdAt.getTime() >= maxAgeMs : delivery.attempts >= this.settings.maxAttempts;
    if (givenUp) {
      await this.prisma.$transaction(async (tx) => {
        await tx.notificationDelivery.update({ where: { id }, data: { status: "dead", leaseUntil: null, lastError: error } });
        if (delivery.notification.kind !== deadLetterKind) await this.tellGovernance(tx, delivery, error);
      });
      return "dead";
    }
    if (rateLimited) {
      await this.postpone(id, new Date(now.getTime() + retryAfterMs), error);
      return "retry";
    }
    await this.prisma.notificationDelivery.update({ where: { id }, data: { status: "pending", leaseUntil: null, lastError: error, nextAttemptAt: new Date(now.getTime() + backoffMs(delivery.attempts)) } });
    return "retry";
  }

  /** Hands a claimed delivery back untried (its platform is rate limiting us): its claim spends no attempt. */
  async postpone(id: string, until: Date, reason: string): Promise<void> {
    await this.prisma.notificationDelivery.update({ where: { id }, data: { status: "pending", leaseUntil: null, lastError: reason, nextAttemptAt: until, attempts: { decrement: 1 } } });
  }

  /** Dead letters, newest first, for the governance team. */
  deadLetters(limit = 20) {
    return this.prisma.notificationDelivery.findMany({ where: { status: "dead" }, include: { notification: { select: { subject: true, recordRef: true } } }, orderBy: { createdAt: "desc" }, take: limit });
  }

  /** Once per notice, however many of its destinations fail: the first one to die names itself. */
  private async tellGovernance(tx: Prisma.TransactionClient, delivery: { id: string; notificationId: string; platform: string; target: string; attempts: number; notification: { subject: string; recordRef: string | null } }, error: string) {
    await enqueueNotice(tx, governanceAudience, {
      kind: deadLetterKind,
      subject: `A notification could not be delivered`,
      // The subject is already redacted for its audience; the error names no record content.
      text: `"${delivery.notification.subject}" to ${delivery.target} on ${delivery.platform} failed ${delivery.attempts} times (last error: ${error.slice(0, 200)}). It will not be retried.`,
      recordRef: delivery.notification.recordRef ?? delivery.notificationId,
    }, { occurrence: delivery.notificationId, privateOnly: true });
  }
}

/** 30 s, 1 min, 2 min … up to 30 min, with some jitter so retries from many rows do not align. */
export function backoffMs(attempts: number): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
