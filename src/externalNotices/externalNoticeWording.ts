// How external notifications read in chat, on the incident view and in exports.
import type { ExternalRecipientKind } from "../generated/prisma/enums.js";
import { displayDate } from "../domain/dateDisplay.js";

export const recipientKindLabels: Record<ExternalRecipientKind, string> = {
  regulator: "Regulator or authority",
  customer: "Customer",
  affected_people: "Affected people",
  supplier: "Supplier",
  other: "Someone else outside",
};

export const recipientKindHints: Record<ExternalRecipientKind, string> = {
  regulator: "A supervisory authority, e.g. a data protection authority",
  customer: "A customer organisation or client",
  affected_people: "The people the AI system affected",
  supplier: "The provider of the AI system or its components",
  other: "Anyone else outside the organisation",
};

interface ShownNotification {
  reference: string;
  recipientKind: ExternalRecipientKind;
  recipient: string;
  notifiedOn: Date;
  summary: string;
  notifiedBy: { displayName: string };
}

/** One line per notification for the incident view: to whom, when, by whom, and what they were told. */
export const externalNotificationLines = (notifications: readonly ShownNotification[]): string[] =>
  notifications.map(
    (notice) =>
      `External notification ${notice.reference}: ${recipientKindLabels[notice.recipientKind].toLowerCase()} (${notice.recipient}) told on ${displayDate(notice.notifiedOn)} by ${notice.notifiedBy.displayName}: ${notice.summary}`,
  );
