// What the registers reviewed on a date (suppliers, datasets, customer obligations) share: the next
// review a year on, and the reminders already queued for the old date stopped.
import type { Prisma } from "../generated/prisma/client.js";

/** Registers reviewed on a date are looked at again a year later unless someone sets another date. */
export const registerReviewMonths = 12;

export const dayOf = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T00:00:00Z`);

export function nextRegisterReview(reviewedOn: Date): Date {
  const next = dayOf(reviewedOn);
  next.setUTCMonth(next.getUTCMonth() + registerReviewMonths);
  return next;
}

/** The reminders for `item` ("supplier:SUP-0001") that have not gone out are no longer wanted. */
export function cancelQueuedReminders(tx: Prisma.TransactionClient, item: string, why: string) {
  return tx.notificationDelivery.updateMany({ where: { status: "pending", notification: { recordRef: item, kind: "reminder" } }, data: { status: "cancelled", lastError: why } });
}

const reminderButton = (label: string, item: string, action: string) => ({ label, input: { kind: "reminder_action" as const, item, action } });

/** The buttons of a register review's reminder: Mark reviewed (on the record) and the snoozes (on the reminder). */
export const registerReviewButtons = (item: string, reference: string) => [
  { label: "Mark reviewed", input: { kind: "record_action" as const, reference, action: "reviewed" } },
  reminderButton("Snooze 1 day", item, "snooze_day"),
  reminderButton("Snooze 1 week", item, "snooze_week"),
];
