// The external notifications register as an export table: every stored column, the incident and
// the person behind the ids, and the latest change from the history.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { latestChanges, latestChangeColumns, latestChangeOf } from "../store/changeHistory.js";
import { externalNotificationEntity } from "./externalNotificationStore.js";
import { recipientKindLabels } from "./externalNoticeWording.js";

export async function externalNotificationsTable(prisma: PrismaClient) {
  const [notifications, latest] = await Promise.all([
    prisma.externalNotification.findMany({
      orderBy: { reference: "asc" },
      include: { incident: { select: { reference: true } }, notifiedBy: { select: { displayName: true, email: true } } },
    }),
    latestChanges(prisma, externalNotificationEntity),
  ]);
  return {
    columns: [...Object.values(Prisma.ExternalNotificationScalarFieldEnum), "incidentReference", "recipientKindLabel", "notifiedByName", "notifiedByEmail", ...latestChangeColumns],
    rows: notifications.map(({ incident, notifiedBy, ...notification }) => {
      const change = latest.get(notification.id);
      return {
        ...notification,
        incidentReference: incident.reference,
        recipientKindLabel: recipientKindLabels[notification.recipientKind],
        notifiedByName: notifiedBy.displayName,
        notifiedByEmail: notifiedBy.email,
        ...latestChangeOf(change),
      };
    }),
  };
}
