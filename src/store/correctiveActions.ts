// Corrective actions (ISO/IEC 42001 10.2): raised for an incident or for a nonconformity, always
// with an owner and a due date, and the owner is told. One place creates them for both.
import type { Prisma } from "../generated/prisma/client.js";
import { ActionRefused } from "../domain/actionRefused.js";
import type { Notice } from "../domain/governanceNotices.js";
import type { Actor } from "./changeHistory.js";
import { createRecord } from "./recordWriter.js";
import { displayDate } from "../domain/dateDisplay.js";

export const correctiveActionEntity = "CorrectiveAction";

export interface NewCorrectiveAction {
  description: string;
  ownerId: string;
  dueDate: Date;
}

/** What the action is for: an incident or a nonconformity, by id and by reference (for the owner's notice). */
export interface ActionSubject {
  incidentId?: string;
  nonconformityId?: string;
  reference: string;
}

export const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

/** Creates the action with its change-history entry; returns it with the timeline text and the owner's notice. */
export async function raiseCorrectiveAction(tx: Prisma.TransactionClient, subject: ActionSubject, input: NewCorrectiveAction, acting: { actor: Actor; now: Date }) {
  if (dateOnly(input.dueDate) < dateOnly(acting.now)) throw new ActionRefused("A corrective action's due date can't be in the past.");
  const owner = await tx.person.findUnique({ where: { id: input.ownerId }, select: { displayName: true } });
  if (!owner) throw new ActionRefused("That person is not in our directory.");
  const action = await createRecord(tx, {
    entityType: correctiveActionEntity,
    prefix: "CA",
    actor: acting.actor,
    create: (inner, reference) =>
      inner.correctiveAction.create({
        data: {
          reference,
          incidentId: subject.incidentId ?? null,
          nonconformityId: subject.nonconformityId ?? null,
          description: input.description,
          ownerId: input.ownerId,
          dueDate: input.dueDate,
          createdVia: acting.actor.channel,
        },
      }),
  });
  const notice: Notice = {
    kind: "corrective_action_assigned",
    subject: `Corrective action ${action.reference} is yours`,
    text: `${acting.actor.label} raised ${action.reference} for ${subject.reference}: ${input.description}. Due ${displayDate(input.dueDate)}. When it is done, type "action ${action.reference} done".`,
    recordRef: action.reference,
  };
  return {
    action,
    ownerName: owner.displayName,
    eventText: `Corrective action ${action.reference} raised: ${input.description} (owner ${owner.displayName}, due ${displayDate(input.dueDate)}).`,
    notice,
  };
}
