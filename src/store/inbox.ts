// The durable inbox: platform requests written before they are acknowledged (one INSERT, a dedupe
// key so a platform's retry is written once), then claimed by workers, each person's requests one
// at a time and in arrival order, under a lease so a worker killed mid-way only delays the request.
import type { PrismaClient } from "../generated/prisma/client.js";

export interface InboxRequest {
  id: number;
  body: unknown;
}

export interface InboxSettings {
  /** A claim is held this long before another worker may take the request over. */
  leaseMs: number;
  /** Requests still unprocessed after this long are given up (logged), so the backlog is bounded. */
  maxAgeMs: number;
}

/** Timestamps are stored as UTC wall time without a zone, so they are compared as such. */
const utc = (date: Date) => date.toISOString().replace("Z", "");

export class Inbox {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly settings: InboxSettings,
  ) {}

  /** Writes a request; its id, or null when the same delivery was written before (a retry). */
  async write(platform: string, dedupeKey: string, lane: string, body: unknown): Promise<number | null> {
    const rows = await this.prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO "InboxMessage" (platform, "dedupeKey", lane, body)
      VALUES (${platform}, ${dedupeKey}, ${lane}, ${JSON.stringify(body)}::jsonb)
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING id`;
    return rows[0]?.id ?? null;
  }

  /**
   * Claims up to `limit` requests: the oldest unprocessed one of each lane, when no worker holds it.
   * The lease is checked again as each row is updated, so two replicas never claim the same one.
   */
  async claim(platform: string, now: Date, limit: number): Promise<InboxRequest[]> {
    if (limit <= 0) return [];
    const leaseUntil = new Date(now.getTime() + this.settings.leaseMs);
    return this.prisma.$queryRawUnsafe<InboxRequest[]>(
      `UPDATE "InboxMessage" SET "leaseUntil" = $1::timestamp, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM (
           SELECT DISTINCT ON (lane) id, "leaseUntil" FROM "InboxMessage"
           WHERE platform = $2 AND "processedAt" IS NULL
           ORDER BY lane, id) AS heads
         WHERE "leaseUntil" IS NULL OR "leaseUntil" < $3::timestamp
         ORDER BY id LIMIT $4)
       AND ("leaseUntil" IS NULL OR "leaseUntil" < $3::timestamp)
       RETURNING id, body`,
      utc(leaseUntil),
      platform,
      utc(now),
      limit,
    );
  }

  async processed(id: number, now: Date): Promise<void> {
    await this.prisma.inboxMessage.update({ where: { id }, data: { processedAt: now, leaseUntil: null } });
  }

  /**
   * Keeps the inbox bounded by age: requests processed a day ago are forgotten, and requests that
   * waited longer than `maxAgeMs` are given up (marked processed). Returns how many were given up.
   */
  async prune(now: Date): Promise<number> {
    const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
    await this.prisma.inboxMessage.deleteMany({ where: { processedAt: { lt: dayAgo } } });
    const abandoned = await this.prisma.inboxMessage.updateMany({
      where: { processedAt: null, receivedAt: { lt: new Date(now.getTime() - this.settings.maxAgeMs) } },
      data: { processedAt: now, leaseUntil: null },
    });
    return abandoned.count;
  }

  unprocessed(platform: string): Promise<number> {
    return this.prisma.inboxMessage.count({ where: { platform, processedAt: null } });
  }
}

