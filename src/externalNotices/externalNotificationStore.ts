// The record that someone outside the organisation was told about an incident (A.8.4, A.8.5):
// written with its change-history entry, and with a line on the incident's timeline, in one transaction.
import type { Prisma } from "../generated/prisma/client.js";
import type { ExternalRecipientKind } from "../generated/prisma/enums.js";
import { canSeeIncidentDetails, isGovernance, type Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import type { Actor } from "../store/changeHistory.js";
import { createRecord, inTransaction, type Db } from "../store/recordWriter.js";
import { recipientKindLabels } from "./externalNoticeWording.js";
import { displayDate } from "../domain/dateDisplay.js";

export const externalNotificationEntity = "ExternalNotification";

export interface NewExternalNotification {
  incidentReference: string;
  recipientKind: ExternalRecipientKind;
  recipient: string;
  notifiedOn: Date;
  summary: string;
  notifiedById: string;
  link: string | null;
}

/** Who may record that outsiders were told: the governance team and the incident's handler. */
export function mayRecordExternalNotification(viewer: Viewer, incident: { assigneeId: string | null; reporterId: string | null; confidential: boolean }): boolean {
  if (!canSeeIncidentDetails(viewer, incident)) return false;
  return isGovernance(viewer) || incident.assigneeId === viewer.personId;
}

export const refusalToRecord = (reference: string) =>
  `Only the governance team and the person handling ${reference} can record who outside was told about it.`;

export async function recordExternalNotification(db: Db, input: NewExternalNotification, actor: Actor, viewer: Viewer) {
  return inTransaction(db, async (tx) => {
    const incident = await tx.incident.findUnique({ where: { reference: input.incidentReference } });
    if (!incident) throw new ActionRefused(`There is no incident ${input.incidentReference}.`);
    if (!mayRecordExternalNotification(viewer, incident)) throw new ActionRefused(refusalToRecord(incident.reference));
    const record = await createRecord(tx, {
      entityType: externalNotificationEntity,
      prefix: "EXN",
      actor,
      create: (inner, reference) => inner.externalNotification.create({ data: dataFor(input, incident.id, reference, actor) }),
    });
    await tx.incidentEvent.create({
      data: {
        incidentId: incident.id,
        actorId: actor.personId,
        actorLabel: actor.label,
        channel: actor.channel,
        kind: "external_notification",
        text: `${record.reference}: ${recipientKindLabels[record.recipientKind].toLowerCase()} (${record.recipient}) told on ${displayDate(record.notifiedOn)}`,
        link: record.link,
      },
    });
    return record;
  });
}

function dataFor(input: NewExternalNotification, incidentId: string, reference: string, actor: Actor): Prisma.ExternalNotificationUncheckedCreateInput {
  return {
    reference,
    incidentId,
    recipientKind: input.recipientKind,
    recipient: input.recipient,
    notifiedOn: input.notifiedOn,
    summary: input.summary,
    notifiedById: input.notifiedById,
    link: input.link,
    createdVia: actor.channel,
  };
}
