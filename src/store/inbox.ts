// The durable inbox: platform requests written before they are acknowledged (one INSERT, a dedupe
// key so a platform's retry is written once), then claimed by workers, each person's requests one
// at a time and in arrival order, under a lease so a worker killed mid-way only delays the request.
// Under load the round trips are shared: requests that arrive while a write is on its way are
// written together by the next INSERT, and marking requests processed is the same statement as
// claiming the next ones. The process that wrote a request keeps it in hand until it claims it, so
// the database sends a body back only to another replica or after a restart.
import type { PrismaClient } from "../generated/prisma/client.js";
import { driverQueriesThrough, prepared, type DriverQueries } from "./driverQueries.js";

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

interface PendingWrite {
  platform: string;
  dedupeKey: string;
  lane: string;
  /** The request as given, kept in hand once written; `body` is what the database stores. */
  value: unknown;
  body: string;
  written(id: number | null): void;
  failed(error: unknown): void;
}

/** The batch's rows in arrival order; a dedupe key written before is skipped (a platform's retry). */
const insertStatement = prepared("inbox-write", `
  INSERT INTO "InboxMessage" (platform, "dedupeKey", lane, body)
  SELECT platform, "dedupeKey", lane, body::jsonb
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS batch(platform, "dedupeKey", lane, body, arrival)
  ORDER BY arrival
  ON CONFLICT ("dedupeKey") DO NOTHING
  RETURNING id, "dedupeKey"`);

/** Timestamps are stored as UTC wall time without a zone, so they are compared as such. */
const utc = (date: Date) => date.toISOString().replace("Z", "");

/**
 * Unprocessed requests in arrival order that no worker holds and that are the oldest unprocessed one
 * of their lane (leaving out `$done`, processed by this very statement). The scan walks the
 * platform's unprocessed requests in id order (the (platform, id) index of unprocessed requests;
 * the ORDER BY names its columns so the planner sees the order) and stops once it has `$4`: a claim costs what it
 * takes, not the size of the backlog nor the day of processed requests kept beside it. Locked rows
 * are skipped, not waited for, and each row is checked again as it is locked, so two replicas never
 * claim the same request.
 */
const claimable = `
  claimable AS (
    SELECT m.id FROM "InboxMessage" m
    WHERE m."processedAt" IS NULL AND m.platform = $2 AND m.id <> ALL($5::int[])
      AND (m."leaseUntil" IS NULL OR m."leaseUntil" < $3::timestamp)
      AND NOT EXISTS (
        SELECT 1 FROM "InboxMessage" earlier
        WHERE earlier."processedAt" IS NULL AND earlier.lane = m.lane AND earlier.id < m.id AND earlier.id <> ALL($5::int[]))
    ORDER BY m.platform, m.id LIMIT $4
    FOR UPDATE OF m SKIP LOCKED)`;

const claimStatement = prepared("inbox-claim", `
  WITH ${claimable}
  UPDATE "InboxMessage" SET "leaseUntil" = $1::timestamp, attempts = attempts + 1
  WHERE id IN (SELECT id FROM claimable)
  RETURNING id`);

/** The same claim, with marking `$5` processed at `$6` (PostgreSQL runs a data-modifying WITH exactly once). */
const settleStatement = prepared("inbox-settle", `
  WITH done AS (
    UPDATE "InboxMessage" SET "processedAt" = $6::timestamp, "leaseUntil" = NULL
    WHERE id = ANY($5::int[]) RETURNING id),
  ${claimable}
  UPDATE "InboxMessage" SET "leaseUntil" = $1::timestamp, attempts = attempts + 1
  WHERE id IN (SELECT id FROM claimable)
  RETURNING id`);

/** The bodies of claimed requests this process does not hold (written by another replica, or before a restart). */
const bodiesStatement = prepared("inbox-bodies", `SELECT id, body FROM "InboxMessage" WHERE id = ANY($1::int[])`);

/** Gives a claim back (its bodies could not be read), so the requests need not wait out the lease. */
const releaseStatement = prepared("inbox-release", `UPDATE "InboxMessage" SET "leaseUntil" = NULL WHERE id = ANY($1::int[]) AND "processedAt" IS NULL`);

/**
 * Requests this process wrote, by id, until it claims them: most requests are claimed by the process
 * that wrote them a moment before, which then needs neither the database to send the body back nor
 * to parse it again. Bounded by their size as written (a backlog waits in the database, not in
 * memory): past the limit the oldest are let go and read back when claimed. The processing code
 * gets the very object the platform's handler wrote, so it must not change it (nothing does: Bolt
 * and the Teams adapter read it).
 */
class RequestsInHand {
  private readonly held = new Map<number, { body: unknown; size: number }>();
  private size = 0;

  constructor(private readonly limitBytes: number) {}

  keep(id: number, body: unknown, size: number): void {
    if (size > this.limitBytes) return;
    while (this.size + size > this.limitBytes) this.forget(this.held.keys().next().value!);
    this.held.set(id, { body, size });
    this.size += size;
  }

  peek(id: number): { body: unknown } | undefined {
    return this.held.get(id);
  }

  forget(id: number): void {
    const entry = this.held.get(id);
    if (!entry) return;
    this.held.delete(id);
    this.size -= entry.size;
  }
}

/** A few megabytes: hundreds of Slack events, far more than a busy worker claims between two writes. */
const bytesKeptInHand = 4 * 1024 * 1024;

export class Inbox {
  private readonly inHand = new RequestsInHand(bytesKeptInHand);
  private pending: PendingWrite[] = [];
  private writing = false;

  private readonly writes: DriverQueries;
  private readonly claims: DriverQueries;

  /**
   * Writes go through `budget.priority` (the connections kept for acknowledgements) when given, claims
   * through `budget.direct` (the turns' connections straight through the driver): else both through the client.
   */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly settings: InboxSettings,
    budget: { priority?: DriverQueries; direct?: DriverQueries } = {},
  ) {
    this.writes = budget.priority ?? driverQueriesThrough(prisma);
    this.claims = budget.direct ?? driverQueriesThrough(prisma);
  }

  /**
   * Writes a request; its id, or null when the same delivery was written before (a retry). Written
   * at once when no write is on its way, else with the others that arrive meanwhile, in one INSERT.
   */
  write(platform: string, dedupeKey: string, lane: string, body: unknown): Promise<number | null> {
    return new Promise((written, failed) => {
      this.pending.push({ platform, dedupeKey, lane, value: body, body: JSON.stringify(body), written, failed });
      if (!this.writing) void this.writePending();
    });
  }

  private async writePending(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        try {
          const ids = await this.insert(batch);
          for (const write of batch) {
            // A key twice in one batch is a retry that came before the first was written: the first arrival gets the id.
            const id = ids.get(write.dedupeKey);
            if (id !== undefined) this.inHand.keep(id, write.value, write.body.length);
            write.written(id ?? null);
            ids.delete(write.dedupeKey);
          }
        } catch (error) {
          for (const write of batch) write.failed(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** One INSERT for the batch, in arrival order (ids are the processing order of a lane); the ids by dedupe key. */
  private async insert(batch: PendingWrite[]): Promise<Map<string, number>> {
    const values = [batch.map((write) => write.platform), batch.map((write) => write.dedupeKey), batch.map((write) => write.lane), batch.map((write) => write.body)];
    const rows = await this.writes.query<{ id: number; dedupeKey: string }>(insertStatement, values);
    return new Map(rows.map((row) => [row.dedupeKey, row.id]));
  }

  /**
   * Marks `done` processed and claims up to `limit` requests, in one statement: the oldest
   * unprocessed one of each lane, when no worker holds it (the lane of a request marked processed
   * here may give its next one at once).
   */
  async settle(platform: string, done: number[], now: Date, limit: number): Promise<InboxRequest[]> {
    const leaseUntil = utc(new Date(now.getTime() + this.settings.leaseMs));
    const parameters = [leaseUntil, platform, utc(now), Math.max(0, limit), done];
    if (done.length === 0 && limit <= 0) return [];
    const claimed = done.length === 0
      ? await this.claims.query<{ id: number }>(claimStatement, parameters)
      : await this.claims.query<{ id: number }>(settleStatement, [...parameters, utc(now)]);
    return this.withBodies(claimed.map((row) => row.id));
  }

  /**
   * The claimed requests with their bodies: from hand, else read back in one statement. When that
   * read fails, the claim is given back (or, with the database away, runs out with its lease).
   */
  private async withBodies(ids: number[]): Promise<InboxRequest[]> {
    const missing = ids.filter((id) => !this.inHand.peek(id));
    let read: InboxRequest[] = [];
    if (missing.length > 0) {
      try {
        read = await this.claims.query<InboxRequest>(bodiesStatement, [missing]);
      } catch (error) {
        await this.claims.query(releaseStatement, [ids]).catch(() => undefined);
        throw error;
      }
    }
    const readById = new Map(read.map((row) => [row.id, row.body]));
    return ids.map((id) => {
      const held = this.inHand.peek(id);
      this.inHand.forget(id);
      return { id, body: held ? held.body : readById.get(id) };
    });
  }

  /** Claims up to `limit` requests without marking any processed. */
  claim(platform: string, now: Date, limit: number): Promise<InboxRequest[]> {
    return this.settle(platform, [], now, limit);
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
    // A request is processed after it arrives, so "received a day ago" adds nothing but lets the
    // receivedAt index find them (processedAt is indexed only where it is null).
    await this.prisma.inboxMessage.deleteMany({ where: { receivedAt: { lt: dayAgo }, processedAt: { lt: dayAgo } } });
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
