// The life-cycle records of AI systems (A.6.2.2–A.6.2.8): recorded by the system's owner or the
// governance team, revised as new versions (the one before is kept, marked superseded), and
// verification results accepted by the governance team. Every write has its change-history entry.
import type { LifecycleRecordKind, ThresholdComparison } from "../generated/prisma/enums.js";
import { can, type Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { appendChange, fieldChanges, type Actor } from "../store/changeHistory.js";
import { createRecord, inTransaction, updateRecord, type Db } from "../store/recordWriter.js";
import { lifecycleKindFacts, meetsThreshold } from "../domain/lifecycleRules.js";
import { displayDate } from "../domain/dateDisplay.js";
export { lifecycleGapsOf, recordsOnFile } from "../store/lifecycleRecordsOnFile.js";

export const lifecycleRecordEntity = "LifecycleRecord";

/** What a person gives for one record; the fields that do not apply to its kind stay empty. */
export interface LifecycleContent {
  summary: string;
  rationale?: string | null;
  link?: string | null;
  metric?: string | null;
  thresholdComparison?: ThresholdComparison | null;
  thresholdValue?: number | null;
  resultValue?: number | null;
  unit?: string | null;
  watches?: string[];
  frequency?: string | null;
  responsibleId?: string | null;
  logLocation?: string | null;
  retention?: string | null;
}

type Writer = Actor & { personId: string | null };

/** Pass or fail is derived, never typed: a verification result is judged against its own threshold. */
function withVerdict(kind: LifecycleRecordKind, content: LifecycleContent) {
  if (kind !== "verification") return { ...content, passed: null };
  const { thresholdComparison: comparison, thresholdValue: threshold, resultValue: result } = content;
  if (comparison == null || threshold == null || result == null) throw new ActionRefused("A verification result needs its metric, threshold and result.");
  return { ...content, passed: meetsThreshold(comparison, threshold, result) };
}

async function systemFor(db: Db, reference: string, viewer: Viewer, access: "create" | "edit") {
  const system = await db.aiSystem.findUnique({ where: { reference }, select: { id: true, reference: true, name: true, ownerId: true, riskTier: true, status: true } });
  if (!system) throw new ActionRefused(`${reference} is not in the AI system inventory.`);
  if (!can(viewer, access, "lifecycle_record", { ownerId: system.ownerId })) throw new ActionRefused(`Only the owner of ${reference} or the governance team can keep its life-cycle records.`);
  return system;
}

export async function addLifecycleRecord(db: Db, input: { systemReference: string; kind: LifecycleRecordKind; content: LifecycleContent }, viewer: Viewer, actor: Writer) {
  const system = await systemFor(db, input.systemReference, viewer, "create");
  return createRecord(db, {
    entityType: lifecycleRecordEntity,
    prefix: "LCR",
    actor,
    create: (tx, reference) =>
      tx.lifecycleRecord.create({ data: { ...withVerdict(input.kind, input.content), reference, kind: input.kind, systemId: system.id, recordedById: actor.personId, createdVia: actor.channel } }),
  });
}

export function currentVersion(db: Db, reference: string) {
  return db.lifecycleRecord.findFirst({ where: { reference, supersededAt: null }, include: { system: { select: { reference: true, name: true, ownerId: true } } } });
}

/**
 * A new version of a record: the current one is marked superseded (never overwritten) and the new one
 * carries the next version number. A revised verification result needs accepting again.
 */
export async function reviseLifecycleRecord(db: Db, reference: string, content: LifecycleContent, viewer: Viewer, actor: Writer, now: Date) {
  return inTransaction(db, async (tx) => {
    const current = await currentVersion(tx, reference);
    if (!current) throw new ActionRefused(`There is no life-cycle record ${reference}.`);
    await systemFor(tx, current.system.reference, viewer, "edit");
    await tx.lifecycleRecord.update({ where: { id: current.id }, data: { supersededAt: now } });
    const { system: _system, id: _id, createdAt: _createdAt, ...before } = current;
    const next = await tx.lifecycleRecord.create({
      data: { ...withVerdict(current.kind, content), reference, kind: current.kind, systemId: current.systemId, version: current.version + 1, recordedById: actor.personId, createdVia: actor.channel },
    });
    await appendChange(tx, { actor, entityType: lifecycleRecordEntity, entityId: next.id, entityRef: reference, action: "update", changes: fieldChanges(before, next) });
    return next;
  });
}

/** The governance team accepts a passing verification result; whoever recorded it cannot accept it too. */
export async function acceptVerification(db: Db, reference: string, viewer: Viewer, actor: Writer, now: Date) {
  const current = await currentVersion(db, reference);
  if (!current) throw new ActionRefused(`There is no life-cycle record ${reference}.`);
  if (current.kind !== "verification") throw new ActionRefused(`${reference} is ${lifecycleKindFacts[current.kind].words}; only verification and validation results are accepted.`);
  if (!can(viewer, "approve", "lifecycle_record")) throw new ActionRefused("Only the governance team can accept verification and validation results.");
  if (current.acceptedAt) throw new ActionRefused(`${reference} version ${current.version} was already accepted on ${displayDate(current.acceptedAt)}.`);
  if (current.passed !== true) throw new ActionRefused(`${reference} did not meet its threshold, so it can't be accepted: record a new result with "update ${reference}".`);
  if (current.recordedById === viewer.personId) throw new ActionRefused(`You recorded ${reference}; someone else in the governance team accepts it, so that results are checked by a second person.`);
  return updateRecord(db, {
    entityType: lifecycleRecordEntity,
    key: reference,
    actor,
    load: (tx) => tx.lifecycleRecord.findUnique({ where: { id: current.id } }),
    update: (tx) => tx.lifecycleRecord.update({ where: { id: current.id }, data: { acceptedById: viewer.personId, acceptedAt: now } }),
  });
}
