// Risk treatment actions (ISO/IEC 42001 6.1.3, 8.3): the actions that put a risk's treatment in place,
// each with its control, owner and due date, and the sign-off of the residual risk once they are done.
import type { Prisma } from "../generated/prisma/client.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { can, type Viewer } from "../domain/accessPolicy.js";
import type { Actor } from "../store/changeHistory.js";
import { enqueueNotice, personAudience } from "../store/notifications.js";
import { createRecord, inTransaction, updateRecord, type Db } from "../store/recordWriter.js";
import { riskEntity } from "../store/risks.js";
import { displayDate } from "../domain/dateDisplay.js";
import { actionStatusLabels } from "../domain/labels.js";

export const treatmentActionEntity = "TreatmentAction";

const riskWithSystem = { system: { select: { reference: true, name: true, ownerId: true } } } as const;

/** Treatment is planned by those who may change the risk: its system's owner and the governance team. */
export async function riskForTreatment(db: Db, reference: string, viewer: Viewer) {
  const risk = await db.risk.findUnique({ where: { reference }, include: riskWithSystem });
  if (!risk) throw new ActionRefused(`There is no risk ${reference}.`);
  if (!can(viewer, "edit", "risk", { ownerId: risk.system.ownerId })) throw new ActionRefused(`Only the owner of ${risk.system.reference} or the governance team can plan the treatment of ${reference}.`);
  if (risk.status === "closed") throw new ActionRefused(`${reference} is closed; a closed risk needs no treatment.`);
  return risk;
}

export async function addTreatmentAction(
  tx: Prisma.TransactionClient,
  input: { riskReference: string; control: string; description: string; ownerId: string; dueDate: Date },
  viewer: Viewer,
  actor: Actor,
  options: { notify?: boolean } = {},
) {
  const risk = await riskForTreatment(tx, input.riskReference, viewer);
  const action = await createRecord(tx, {
    entityType: treatmentActionEntity,
    prefix: "TRA",
    actor,
    create: (inner, reference) =>
      inner.treatmentAction.create({ data: { reference, riskId: risk.id, control: input.control, description: input.description, ownerId: input.ownerId, dueDate: input.dueDate, createdVia: actor.channel } }),
  });
  // Loading actions planned before (the demo organisation) records them without telling their owners again.
  if (input.ownerId !== actor.personId && options.notify !== false) {
    await enqueueNotice(
      tx,
      personAudience(input.ownerId),
      {
        kind: "treatment_action_assigned",
        subject: `Risk treatment action for you: ${action.reference} (${risk.reference})`,
        text: `${actor.label} asked you to put in place "${input.control}" for the risk ${risk.reference} on ${risk.system.reference} ${risk.system.name}: ${input.description}. Due ${displayDate(input.dueDate)}.`,
        recordRef: action.reference,
        actions: [{ label: "Mark done", input: { kind: "record_action", reference: action.reference, action: "done" } }],
      },
      { privateOnly: true },
    );
  }
  return { action, risk };
}

/** The action's owner (or governance) marks it done; any reminders still queued stop. */
export function completeTreatmentAction(db: Db, reference: string, viewer: Viewer, actor: Actor, now: Date) {
  return inTransaction(db, async (tx) => {
    const action = await tx.treatmentAction.findUnique({ where: { reference } });
    if (!action) throw new ActionRefused(`There is no treatment action ${reference}.`);
    if (!can(viewer, "edit", "corrective_action", { ownerId: action.ownerId })) throw new ActionRefused(`Only the owner of ${reference} or the governance team can mark it done.`);
    if (action.status !== "open") throw new ActionRefused(`${reference} is already ${actionStatusLabels[action.status].toLowerCase()}.`);
    const done = await updateRecord(tx, {
      entityType: treatmentActionEntity,
      key: reference,
      actor,
      load: (inner) => inner.treatmentAction.findUnique({ where: { reference } }),
      update: (inner) => inner.treatmentAction.update({ where: { reference }, data: { status: "done", completedAt: now } }),
    });
    await tx.notificationDelivery.updateMany({
      where: { status: "pending", notification: { recordRef: `treatment:${reference}`, kind: "reminder" } },
      data: { status: "cancelled", lastError: `done ${now.toISOString()}` },
    });
    const open = await tx.treatmentAction.count({ where: { riskId: action.riskId, status: "open" } });
    return { action: done, openLeft: open };
  });
}

/**
 * The residual risk is accepted as it stands by its system's owner or the governance team, once every
 * treatment action is done: the residual rating assumes the treatment is in place.
 */
export function signOffResidualRisk(db: Db, reference: string, viewer: Viewer, actor: Actor & { personId: string }, now: Date) {
  return inTransaction(db, async (tx) => {
    const risk = await tx.risk.findUnique({ where: { reference }, include: { ...riskWithSystem, residualSignedOffBy: { select: { displayName: true } }, treatmentActions: true } });
    if (!risk) throw new ActionRefused(`There is no risk ${reference}.`);
    if (!can(viewer, "edit", "risk", { ownerId: risk.system.ownerId })) throw new ActionRefused(`Only the owner of ${risk.system.reference} or the governance team can sign off the residual risk of ${reference}.`);
    if (risk.residualSignedOffAt) throw new ActionRefused(`The residual risk of ${reference} was signed off by ${risk.residualSignedOffBy?.displayName ?? "someone"} on ${displayDate(risk.residualSignedOffAt)}.`);
    const open = risk.treatmentActions.filter((action) => action.status === "open");
    if (risk.treatment !== "accept" && risk.treatmentActions.length === 0) throw new ActionRefused(`${reference} has no treatment action yet: plan one first ("treat ${reference}").`);
    if (open.length > 0) throw new ActionRefused(`${reference} still has ${open.length} open treatment action${open.length === 1 ? "" : "s"} (${open.map((action) => action.reference).join(", ")}); sign off the residual risk once they are done.`);
    return updateRecord(tx, {
      entityType: riskEntity,
      key: reference,
      actor,
      load: (inner) => inner.risk.findUnique({ where: { reference } }),
      update: (inner) => inner.risk.update({ where: { reference }, data: { residualSignedOffById: actor.personId, residualSignedOffAt: now } }),
    });
  });
}
