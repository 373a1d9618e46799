// The supplier register (A.10.2, A.10.3): who supplies which AI systems, whether due diligence was
// done and when, the contract, who answers for what, and when the relationship is next reviewed.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { Channel } from "../generated/prisma/enums.js";
import { latestChanges, type Actor, latestChangeColumns, latestChangeOf } from "../store/changeHistory.js";
import { createRecord, inTransaction, updateRecord, type Db } from "../store/recordWriter.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { isGovernance, type Viewer } from "../domain/accessPolicy.js";
import { cancelQueuedReminders, dayOf, nextRegisterReview, registerReviewButtons } from "../store/registerReviews.js";

export const supplierEntity = "Supplier";

export interface NewSupplier {
  name: string;
  systemReferences: string[];
  dueDiligenceDone: boolean;
  dueDiligenceOn: Date | null;
  contractReference: string | null;
  responsibilities: string;
  ownerId: string;
  reviewDate: Date;
}

export async function registerSupplier(db: Db, input: NewSupplier, actor: Actor & { channel: Channel }) {
  const { systemReferences, ...fields } = input;
  const known = new Set((await db.aiSystem.findMany({ where: { reference: { in: systemReferences } }, select: { reference: true } })).map((system) => system.reference));
  const unknown = systemReferences.filter((reference) => !known.has(reference));
  if (unknown.length > 0) throw new ActionRefused(`${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in the AI system inventory: type "edit 2" to correct the systems supplied.`);
  return createRecord(db, {
    entityType: supplierEntity,
    prefix: "SUP",
    actor,
    create: (tx, reference) =>
      tx.supplier.create({ data: { ...fields, reference, createdVia: actor.channel, systems: { connect: systemReferences.map((system) => ({ reference: system })) } } }),
  });
}

export function listSuppliers(prisma: PrismaClient) {
  return prisma.supplier.findMany({ orderBy: { reference: "asc" }, include: { systems: { select: { reference: true, name: true } }, owner: { select: { displayName: true, email: true } } } });
}

export async function suppliersTable(prisma: PrismaClient) {
  const [suppliers, latest] = await Promise.all([listSuppliers(prisma), latestChanges(prisma, supplierEntity)]);
  return {
    columns: [...Object.values(Prisma.SupplierScalarFieldEnum), "systemReferences", "systemNames", "ownerName", "ownerEmail", ...latestChangeColumns],
    rows: suppliers.map(({ systems, owner, ...supplier }) => {
      const change = latest.get(supplier.id);
      return {
        ...supplier,
        systemReferences: systems.map((system) => system.reference),
        systemNames: systems.map((system) => system.name),
        ownerName: owner.displayName,
        ownerEmail: owner.email,
        ...latestChangeOf(change),
      };
    }),
  };
}

/** Supplier reviews falling due between two dates, as reminders to the relationship's owner. */
export async function supplierReviewsDue(prisma: PrismaClient, from: Date, to: Date) {
  const suppliers = await prisma.supplier.findMany({ where: { reviewDate: { gte: from, lte: to } }, include: { owner: { select: { id: true, timeZone: true, managerId: true } } } });
  return suppliers.map((supplier) => ({
    itemKey: `supplier:${supplier.reference}`,
    dueOn: supplier.reviewDate,
    title: `The review of supplier ${supplier.reference} ${supplier.name} (due diligence, contract, responsibilities)`,
    person: supplier.owner,
    buttons: registerReviewButtons(`supplier:${supplier.reference}`, supplier.reference),
  }));
}

/** The relationship's owner (or governance) reviewed the supplier: the review is recorded and the next set a year on. */
export function markSupplierReviewed(db: Db, reference: string, viewer: Viewer, actor: Actor, now: Date) {
  return inTransaction(db, async (tx) => {
    const supplier = await tx.supplier.findUnique({ where: { reference } });
    if (!supplier) throw new ActionRefused(`There is no supplier ${reference}.`);
    if (!isGovernance(viewer) && supplier.ownerId !== viewer.personId) throw new ActionRefused(`Only the owner of ${reference} or the governance team can record its review.`);
    const reviewed = await updateRecord(tx, {
      entityType: supplierEntity,
      key: reference,
      actor,
      load: (inner) => inner.supplier.findUnique({ where: { reference } }),
      update: (inner) => inner.supplier.update({ where: { reference }, data: { lastReviewedOn: dayOf(now), reviewDate: nextRegisterReview(now) } }),
    });
    await cancelQueuedReminders(tx, `supplier:${reference}`, `reviewed ${now.toISOString()}`);
    return reviewed;
  });
}
