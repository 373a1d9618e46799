// Obligations to customers for AI in our own products (ISO/IEC 42001 A.10.4): what we promise, to whom,
// where it is written, for which system, who answers for it and when it is reviewed.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { can, isGovernance, type Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { latestChanges, type Actor, latestChangeColumns, latestChangeOf } from "../store/changeHistory.js";
import { createRecord, inTransaction, updateRecord, type Db } from "../store/recordWriter.js";
import { cancelQueuedReminders, dayOf, nextRegisterReview, registerReviewButtons } from "../store/registerReviews.js";

export const customerObligationEntity = "CustomerObligation";

export interface NewCustomerObligation {
  customer: string;
  systemReference: string;
  promise: string;
  contractReference: string | null;
  ownerId: string;
  reviewOn: Date;
}

const withSystemAndOwner = { system: { select: { reference: true, name: true, kind: true } }, owner: { select: { displayName: true, email: true } } } as const;

export function recordCustomerObligation(db: Db, input: NewCustomerObligation, viewer: Viewer, actor: Actor) {
  if (!isGovernance(viewer)) throw new ActionRefused("Only the governance team records obligations to customers.");
  return inTransaction(db, async (tx) => {
    const { systemReference, ...fields } = input;
    const system = await tx.aiSystem.findUnique({ where: { reference: systemReference } });
    if (!system) throw new ActionRefused(`${systemReference} is not in the AI system inventory.`);
    return createRecord(tx, { entityType: customerObligationEntity, prefix: "COB", actor, create: (inner, reference) => inner.customerObligation.create({ data: { ...fields, reference, systemId: system.id, createdVia: actor.channel } }) });
  });
}

export function listCustomerObligations(db: Db, systemReference?: string) {
  return db.customerObligation.findMany({ where: systemReference ? { system: { reference: systemReference } } : {}, orderBy: { reference: "asc" }, include: withSystemAndOwner });
}

/** The owner (or governance) reviewed the obligation and it still holds: the next review is a year on. */
export function markObligationReviewed(db: Db, reference: string, viewer: Viewer, actor: Actor, now: Date) {
  return inTransaction(db, async (tx) => {
    const obligation = await tx.customerObligation.findUnique({ where: { reference } });
    if (!obligation) throw new ActionRefused(`There is no customer obligation ${reference}.`);
    if (!can(viewer, "edit", "customer_obligation", { ownerId: obligation.ownerId })) throw new ActionRefused(`Only the owner of ${reference} or the governance team can record its review.`);
    const reviewed = await updateRecord(tx, {
      entityType: customerObligationEntity,
      key: reference,
      actor,
      load: (inner) => inner.customerObligation.findUnique({ where: { reference } }),
      update: (inner) => inner.customerObligation.update({ where: { reference }, data: { lastReviewedOn: dayOf(now), reviewOn: nextRegisterReview(now) } }),
    });
    await cancelQueuedReminders(tx, `obligation:${reference}`, `reviewed ${now.toISOString()}`);
    return reviewed;
  });
}

export async function customerObligationTable(prisma: PrismaClient) {
  const [obligations, latest] = await Promise.all([listCustomerObligations(prisma), latestChanges(prisma, customerObligationEntity)]);
  return {
    columns: [...Object.values(Prisma.CustomerObligationScalarFieldEnum), "systemReference", "systemName", "ownerName", "ownerEmail", ...latestChangeColumns],
    rows: obligations.map(({ system, owner, ...obligation }) => {
      const change = latest.get(obligation.id);
      return {
        ...obligation,
        systemReference: system.reference,
        systemName: system.name,
        ownerName: owner.displayName,
        ownerEmail: owner.email,
        ...latestChangeOf(change),
      };
    }),
  };
}

/** Obligation reviews falling due between two dates, as reminders to their owners. */
export async function obligationReviewsDue(prisma: PrismaClient, from: Date, to: Date) {
  const obligations = await prisma.customerObligation.findMany({ where: { reviewOn: { gte: from, lte: to } }, include: { owner: { select: { id: true, timeZone: true, managerId: true } }, system: { select: { reference: true } } } });
  return obligations.map((obligation) => ({
    itemKey: `obligation:${obligation.reference}`,
    dueOn: obligation.reviewOn,
    title: `The review of customer obligation ${obligation.reference} to ${obligation.customer} on ${obligation.system.reference} (whether it is still met)`,
    person: obligation.owner,
    buttons: registerReviewButtons(`obligation:${obligation.reference}`, obligation.reference),
  }));
}
