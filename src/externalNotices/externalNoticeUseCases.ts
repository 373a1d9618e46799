// "notified INC-0007": starts the short conversation that records who outside was told about an
// incident, after checking the incident exists and this person may record it.
import type { PrismaClient } from "../generated/prisma/client.js";
import { parseIncidentReference } from "../domain/incidentLifecycle.js";
import { useCaseRefusal as refusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { mayRecordExternalNotification, refusalToRecord } from "./externalNotificationStore.js";
import { externalNotificationFlowId } from "./flows/recordExternalNotificationFlow.js";

/** "notified INC-7", "told INC-0007", "external notification INC-7", "incident INC-7 notified". */
const request = /^(?:(?:notified|told|external notifications?|external notices?)\s+(inc[-\s]?\d{1,6})|(?:incident\s+)?(inc[-\s]?\d{1,6})\s+(?:notified|told|external notifications?|external notices?))$/i;

export const isExternalNotificationRequest = (text: string) => request.test(text.trim().replace(/[.!]+$/, ""));

export class ExternalNoticeUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const match = request.exec(text.trim().replace(/[.!]+$/, ""));
    if (!match) return null;
    const reference = parseIncidentReference((match[1] ?? match[2])!)!;
    const incident = await this.prisma.incident.findUnique({ where: { reference }, select: { assigneeId: true, reporterId: true, confidential: true } });
    if (!incident) return refusal(`There is no incident ${reference}.`);
    if (!mayRecordExternalNotification(viewerOf(turn), incident)) return refusal(refusalToRecord(reference));
    return { start: { flowId: externalNotificationFlowId, prefill: { incident: reference } } };
  }
}
