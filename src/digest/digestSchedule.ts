// Sends the weekly digest once a week (default Monday 09:00 in the configured time zone): as a DM
// to every governance member and everyone with the manager role, and to every subscribed channel,
// each once per week however many replicas check, because the week is part of each notification's
// key. Each gets the copy meant for them (see overdueWording.ts), and the week's "Needs attention"
// counts are recorded for next week's comparison.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { enqueueNotice, personAudience } from "../store/notifications.js";
import { digestNotice } from "./digestNotice.js";
import { buildWeeklyDigest } from "./buildWeeklyDigest.js";
import { digestPeriod, type DigestReader } from "./weeklyDigest.js";
import { recordWeeksAttention } from "./digestHistory.js";
import { attentionCounts } from "./needsAttention.js";

export interface DigestSchedule {
  timeZone: string;
  /** Hours after Monday 00:00 local time when the digest goes out (default 9: Monday 09:00). */
  hoursIntoWeek: number;
  attestationMonths: number;
}

export const channelAudience = (platform: string, channelId: string) => `channel:${platform}:${channelId}`;

/** Queues this week's digest when its time has come; returns how many recipients it was queued for. */
export async function queueWeeklyDigest(prisma: PrismaClient, now: Date, schedule: DigestSchedule): Promise<number> {
  const period = digestPeriod(now, schedule.timeZone);
  if (now.getTime() < period.from.getTime() + schedule.hoursIntoWeek * 60 * 60 * 1000) return 0;
  const already = await prisma.notification.count({ where: { kind: "weekly_digest", recordRef: `digest:${period.weekStart}` } });
  const [people, subscriptions] = await Promise.all([
    prisma.person.findMany({ where: { roles: { hasSome: ["governance", "manager"] } }, select: { id: true, roles: true } }),
    prisma.digestSubscription.findMany(),
  ]);
  const recipients: { audience: string; reader: DigestReader }[] = [
    ...people.map((person) => ({ audience: personAudience(person.id), reader: person.roles.includes("governance") ? ("governance" as const) : ("manager" as const) })),
    ...subscriptions.map((subscription) => ({ audience: channelAudience(subscription.platform, subscription.channelId), reader: "channel" as const })),
  ];
  if (already >= recipients.length) return 0;
  const digest = await buildWeeklyDigest(prisma, { now, timeZone: schedule.timeZone, attestationMonths: schedule.attestationMonths });
  // The chart renderer (a native canvas and Chart.js) is loaded when a digest is due, not at every start.
  const { renderDigestChart } = await import("./digestChart.js");
  const chart = renderDigestChart(digest);
  const recordRef = `digest:${period.weekStart}`;
  await prisma.$transaction(async (tx) => {
    for (const { audience, reader } of recipients) {
      // The governance copy names confidential incidents' references: direct messages only.
      await enqueueNotice(tx, audience, digestNotice(digest, reader), { privateOnly: reader === "governance" });
    }
    await attachChart(tx, recordRef, chart);
    await recordWeeksAttention(tx, period, attentionCounts(digest));
  });
  return recipients.length - already;
}

/** The chart goes with every copy of this week's digest. */
async function attachChart(tx: Prisma.TransactionClient, recordRef: string, chart: Buffer): Promise<void> {
  await tx.notification.updateMany({ where: { kind: "weekly_digest", recordRef, attachment: null }, data: { attachment: new Uint8Array(chart) } });
}
