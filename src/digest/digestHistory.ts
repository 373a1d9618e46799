// Last week's "Needs attention", for "changes since last week": the counts are recorded when a
// week's digest is sent, because most of them (a system overdue for review, an incident awaiting
// triage) cannot be worked out afterwards from the records as they are now.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { attentionKeys, type AttentionKey, type DigestPeriod } from "./weeklyDigest.js";
import { addDays } from "./zonedCalendar.js";

export type AttentionCounts = Record<AttentionKey, number>;

export async function lastWeeksAttention(prisma: PrismaClient, period: DigestPeriod): Promise<AttentionCounts | null> {
  const record = await prisma.digestRecord.findUnique({ where: { timeZone_weekStart: { timeZone: period.timeZone, weekStart: addDays(period.weekStart, -7) } } });
  return record ? countsFrom(record.attention) : null;
}

export async function recordWeeksAttention(prisma: Prisma.TransactionClient, period: DigestPeriod, counts: AttentionCounts): Promise<void> {
  const key = { timeZone: period.timeZone, weekStart: period.weekStart };
  await prisma.digestRecord.upsert({ where: { timeZone_weekStart: key }, create: { ...key, attention: counts, recordedAt: period.to }, update: { attention: counts, recordedAt: period.to } });
}

/** A stored record read defensively: a key it lacks (added since) counts as unknown, not as 0. */
function countsFrom(stored: unknown): AttentionCounts | null {
  if (typeof stored !== "object" || stored === null) return null;
  const values = stored as Record<string, unknown>;
  return Object.fromEntries(attentionKeys.map((key) => [key, typeof values[key] === "number" ? values[key] : Number.NaN])) as AttentionCounts;
}
