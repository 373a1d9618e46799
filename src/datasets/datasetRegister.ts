// The dataset register (ISO/IEC 42001 A.7.2–A.7.6, A.4.3): each dataset an AI system is built, tested
// or run on, with where it comes from, the lawful basis, its provenance, the quality it must meet and
// what the checks found, how it is prepared, how long it is kept, who owns it and when it is reviewed.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { LawfulBasis } from "../generated/prisma/enums.js";
import { can, type Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { latestChanges, type Actor, latestChangeColumns, latestChangeOf } from "../store/changeHistory.js";
import { createRecord, inTransaction, updateRecord, type Db } from "../store/recordWriter.js";
import { cancelQueuedReminders, dayOf, nextRegisterReview, registerReviewButtons } from "../store/registerReviews.js";

export const datasetEntity = "Dataset";

export const lawfulBasisLabels: Record<LawfulBasis, string> = {
  consent: "Consent",
  contract: "Contract",
  legal_obligation: "Legal obligation",
  vital_interests: "Vital interests",
  public_task: "Public task",
  legitimate_interests: "Legitimate interests",
  no_personal_data: "No personal data",
};

export interface NewDataset {
  name: string;
  systemReferences: string[];
  source: string;
  lawfulBasis: LawfulBasis;
  provenance: string;
  qualityCriteria: string;
  qualityResults: string | null;
  preparation: string;
  retention: string;
  ownerId: string;
  reviewOn: Date;
}

const withSystemsAndOwner = { systems: { select: { reference: true, name: true, ownerId: true }, orderBy: { reference: "asc" } }, owner: { select: { id: true, displayName: true, email: true } } } as const;

/**
 * Governance may link any system; a system owner only the systems they own, so nobody attaches data
 * to someone else's system. Systems not in the inventory are named so the answer can be corrected.
 */
async function linkableSystems(db: Db, references: string[], viewer: Viewer) {
  const systems = await db.aiSystem.findMany({ where: { reference: { in: references } }, select: { reference: true, ownerId: true } });
  const known = new Set(systems.map((system) => system.reference));
  const unknown = references.filter((reference) => !known.has(reference));
  if (unknown.length > 0) throw new ActionRefused(`${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in the AI system inventory: type "edit 2" to correct the systems that use it.`);
  const notTheirs = systems.filter((system) => !can(viewer, "edit", "ai_system", { ownerId: system.ownerId })).map((system) => system.reference);
  if (notTheirs.length > 0) throw new ActionRefused(`You don't own ${notTheirs.join(", ")}: only its owner or the governance team can record the data it uses.`);
}

export async function registerDataset(db: Db, input: NewDataset, viewer: Viewer, actor: Actor) {
  if (!can(viewer, "create", "dataset")) throw new ActionRefused("Only system owners and the governance team keep the dataset register.");
  const { systemReferences, ...fields } = input;
  return inTransaction(db, async (tx) => {
    await linkableSystems(tx, systemReferences, viewer);
    return createRecord(tx, {
      entityType: datasetEntity,
      prefix: "DS",
      actor,
      create: (inner, reference) => inner.dataset.create({ data: { ...fields, reference, createdVia: actor.channel, systems: { connect: systemReferences.map((system) => ({ reference: system })) } } }),
    });
  });
}

export function listDatasets(db: Db, systemReference?: string) {
  return db.dataset.findMany({ where: systemReference ? { systems: { some: { reference: systemReference } } } : {}, orderBy: { reference: "asc" }, include: withSystemsAndOwner });
}

export function findDataset(db: Db, reference: string) {
  return db.dataset.findUnique({ where: { reference }, include: withSystemsAndOwner });
}

async function datasetToChange(db: Db, reference: string, viewer: Viewer) {
  const dataset = await db.dataset.findUnique({ where: { reference } });
  if (!dataset) throw new ActionRefused(`There is no dataset ${reference}.`);
  if (!can(viewer, "edit", "dataset", { ownerId: dataset.ownerId })) throw new ActionRefused(`Only the owner of ${reference} or the governance team can change it.`);
  return dataset;
}

/** A corrected entry ("edit DS-0001"): every field as answered, the systems relinked; the history keeps what changed. */
export function updateDataset(db: Db, reference: string, input: NewDataset, viewer: Viewer, actor: Actor) {
  const { systemReferences, ...fields } = input;
  return inTransaction(db, async (tx) => {
    await datasetToChange(tx, reference, viewer);
    await linkableSystems(tx, systemReferences, viewer);
    const withSystems = { systems: { select: { reference: true }, orderBy: { reference: "asc" } } } as const;
    return updateRecord(tx, {
      entityType: datasetEntity,
      key: reference,
      actor,
      load: (inner) => inner.dataset.findUnique({ where: { reference }, include: withSystems }),
      update: (inner) => inner.dataset.update({ where: { reference }, data: { ...fields, systems: { set: systemReferences.map((system) => ({ reference: system })) } }, include: withSystems }),
    });
  });
}

/** The entry's answers, so "edit DS-0001" starts from what is recorded and ends at the summary. */
export function answersOfDataset(dataset: NonNullable<Awaited<ReturnType<typeof findDataset>>>) {
  const { reference, name, systems, source, lawfulBasis, provenance, qualityCriteria, qualityResults, preparation, retention, owner, reviewOn } = dataset;
  return { name, systems: systems.map((system) => system.reference), source, lawfulBasis, provenance, qualityCriteria, qualityResults, preparation, retention, owner: { personId: owner.id, displayName: owner.displayName }, reviewOn: reviewOn.toISOString(), updateDataset: reference };
}

/** The owner (or governance) reviewed the entry and it stands: the next review is a year on. */
export function markDatasetReviewed(db: Db, reference: string, viewer: Viewer, actor: Actor, now: Date) {
  return inTransaction(db, async (tx) => {
    await datasetToChange(tx, reference, viewer);
    const reviewed = await updateRecord(tx, {
      entityType: datasetEntity,
      key: reference,
      actor,
      load: (inner) => inner.dataset.findUnique({ where: { reference } }),
      update: (inner) => inner.dataset.update({ where: { reference }, data: { lastReviewedOn: dayOf(now), reviewOn: nextRegisterReview(now) } }),
    });
    await cancelQueuedReminders(tx, `dataset:${reference}`, `reviewed ${now.toISOString()}`);
    return reviewed;
  });
}

/** The results of a quality check against the dataset's criteria; the history keeps the earlier results. */
export function recordQualityResults(db: Db, reference: string, results: string, viewer: Viewer, actor: Actor) {
  return inTransaction(db, async (tx) => {
    await datasetToChange(tx, reference, viewer);
    return updateRecord(tx, {
      entityType: datasetEntity,
      key: reference,
      actor,
      load: (inner) => inner.dataset.findUnique({ where: { reference } }),
      update: (inner) => inner.dataset.update({ where: { reference }, data: { qualityResults: results } }),
    });
  });
}

export async function datasetTable(prisma: PrismaClient) {
  const [datasets, latest] = await Promise.all([listDatasets(prisma), latestChanges(prisma, datasetEntity)]);
  return {
    columns: [...Object.values(Prisma.DatasetScalarFieldEnum), "systemReferences", "systemNames", "ownerName", "ownerEmail", ...latestChangeColumns],
    rows: datasets.map(({ systems, owner, ...dataset }) => {
      const change = latest.get(dataset.id);
      return {
        ...dataset,
        systemReferences: systems.map((system) => system.reference),
        systemNames: systems.map((system) => system.name),
        ownerName: owner.displayName,
        ownerEmail: owner.email,
        ...latestChangeOf(change),
      };
    }),
  };
}

/** Dataset reviews falling due between two dates, as reminders to the dataset's owner. */
export async function datasetReviewsDue(prisma: PrismaClient, from: Date, to: Date) {
  const datasets = await prisma.dataset.findMany({ where: { reviewOn: { gte: from, lte: to } }, include: { owner: { select: { id: true, timeZone: true, managerId: true } } } });
  return datasets.map((dataset) => ({
    itemKey: `dataset:${dataset.reference}`,
    dueOn: dataset.reviewOn,
    title: `The review of dataset ${dataset.reference} ${dataset.name} (source, lawful basis, quality, retention)`,
    person: dataset.owner,
    buttons: registerReviewButtons(`dataset:${dataset.reference}`, dataset.reference),
  }));
}
