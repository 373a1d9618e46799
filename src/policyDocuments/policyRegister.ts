// The register of controlled policy documents (ISO/IEC 42001 5.2, 7.5.2, 7.5.3, A.2.4): each file in
// POLICY_DIR with its owner, approver and review date, and a new version whenever its content changes
// (by SHA-256), which then waits for approval. Every write carries its change-history entry.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { can, type Viewer } from "../domain/accessPolicy.js";
import { appendChange, fieldChanges, type Actor } from "../store/changeHistory.js";
import { enqueueNotice, governanceAudience, personAudience } from "../store/notifications.js";
import { createRecord, inTransaction, updateRecord, type Db } from "../store/recordWriter.js";
import { frontMatterDate } from "./frontMatter.js";
import { readPolicyFiles, type PolicyFileFacts } from "./policyFiles.js";
import { displayDate } from "../domain/dateDisplay.js";

export const policyDocumentEntity = "PolicyDocument";
export const policyVersionEntity = "PolicyVersion";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const inMonths = (date: Date, months: number) => {
  const moved = new Date(`${isoDay(date)}T00:00:00Z`);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
};
/** Policies are reviewed at least yearly unless the register says otherwise. */
export const defaultReviewMonths = 12;

export const versionLabel = (version: { number: number; statedVersion: string | null }) => `v${version.number}${version.statedVersion ? ` (${version.statedVersion})` : ""}`;

/** Brings the register up to date with the files: new documents, and a new version for each changed file. */
export async function syncPolicyDocuments(prisma: PrismaClient, policyDir: string, actor: Actor): Promise<{ added: string[]; changed: string[] }> {
  const { files } = await readPolicyFiles(policyDir);
  const added: string[] = [];
  const changed: string[] = [];
  for (const file of files) {
    const outcome = await inTransaction(prisma, (tx) => syncOne(tx, file, actor)).catch((error: unknown) => {
      // Another replica (or the scheduler) recorded the same file at the same moment: its record stands.
      if ((error as { code?: string }).code === "P2002") return "same" as const;
      throw error;
    });
    if (outcome === "added") added.push(file.fileName);
    if (outcome === "changed") changed.push(file.fileName);
  }
  const present = files.map((file) => file.fileName);
  await prisma.policyDocument.updateMany({ where: { fileName: { notIn: present }, present: true }, data: { present: false } });
  return { added, changed };
}

async function syncOne(tx: Prisma.TransactionClient, file: PolicyFileFacts, actor: Actor): Promise<"added" | "changed" | "same"> {
  let document = await tx.policyDocument.findUnique({ where: { fileName: file.fileName } });
  const isNew = !document;
  if (!document) {
    const byEmail = async (email: string | undefined) => (email ? ((await tx.person.findUnique({ where: { email: email.toLowerCase() } }))?.id ?? null) : null);
    const [ownerId, approverId] = [await byEmail(file.frontMatter.owner), await byEmail(file.frontMatter.approver)];
    document = await createRecord(tx, {
      entityType: policyDocumentEntity,
      prefix: "POL",
      actor,
      create: (inner, reference) =>
        inner.policyDocument.create({
          data: { reference, fileName: file.fileName, title: file.title, ownerId, approverId, nextReviewOn: frontMatterDate(file.frontMatter.nextReview), summary: file.frontMatter.summary ?? null },
        }),
    });
  }
  const latest = await tx.policyVersion.findFirst({ where: { documentId: document.id }, orderBy: { number: "desc" } });
  if (latest?.contentHash === file.contentHash) return "same";
  const number = (latest?.number ?? 0) + 1;
  // Approval stated in the file itself (front matter) counts when it names a known approver and a date.
  const approvedOn = frontMatterDate(file.frontMatter.approved);
  const approvedById = approvedOn ? document.approverId : null;
  const version = await tx.policyVersion.create({
    data: { reference: `${document.reference} v${number}`, documentId: document.id, number, statedVersion: file.statedVersion, contentHash: file.contentHash, ...(approvedById ? { approvedById, approvedOn } : {}) },
  });
  await appendChange(tx, { actor, entityType: policyVersionEntity, entityId: version.id, entityRef: version.reference, action: "create", changes: fieldChanges(null, version) });
  if (document.title !== file.title) {
    await updateRecord(tx, { entityType: policyDocumentEntity, key: document.reference, actor, load: (inner) => inner.policyDocument.findUnique({ where: { id: document!.id } }), update: (inner) => inner.policyDocument.update({ where: { id: document!.id }, data: { title: file.title, present: true } }) });
  }
  if (!isNew && !version.approvedById) await announceNewVersion(tx, document, version);
  return isNew ? "added" : "changed";
}

/** The owner and the governance team hear that a policy changed and its new version waits for approval. */
async function announceNewVersion(tx: Prisma.TransactionClient, document: { reference: string; title: string; ownerId: string | null; approverId: string | null }, version: { reference: string; number: number; statedVersion: string | null }) {
  const notice = {
    kind: "policy_version_detected",
    subject: `${document.title} changed: ${version.reference} needs approval`,
    text: `The file of ${document.reference} "${document.title}" changed, so it is recorded as version ${versionLabel(version)}. Until it is approved, acknowledgement campaigns use the last approved version. Type "document ${document.reference}" to see it.`,
    recordRef: document.reference,
    actions: [{ label: "Approve this version", input: { kind: "record_action" as const, reference: document.reference, action: "approve" } }],
  };
  await enqueueNotice(tx, governanceAudience, notice, { occurrence: version.reference, privateOnly: true });
  for (const personId of new Set([document.ownerId, document.approverId].filter((id): id is string => id !== null))) {
    await enqueueNotice(tx, personAudience(personId), notice, { occurrence: version.reference, privateOnly: true });
  }
}

export const withPeople = {
  owner: { select: { id: true, displayName: true } },
  approver: { select: { id: true, displayName: true } },
  versions: { orderBy: { number: "desc" }, include: { approvedBy: { select: { displayName: true } } } },
} satisfies Prisma.PolicyDocumentInclude;

export function loadDocument(db: Db, reference: string) {
  return db.policyDocument.findUnique({ where: { reference }, include: withPeople });
}

/** The named approver is the one the document is assigned to for approval; the governance team may always. */
export const mayApprove = (viewer: Viewer, document: { approverId: string | null }) => can(viewer, "approve", "policy_document", { assigneeId: document.approverId });

/** Approves the latest version; the next review is set a year on when none is planned. */
export function approveLatestVersion(db: Db, reference: string, viewer: Viewer, actor: Actor & { personId: string }, now: Date) {
  return inTransaction(db, async (tx) => {
    const document = await loadDocument(tx, reference);
    if (!document) throw new ActionRefused(`${reference} is not in the policy register. Type "policy documents" to list them.`);
    if (!mayApprove(viewer, document)) throw new ActionRefused(`Only ${document.approver ? `${document.approver.displayName}, its approver,` : "its approver"} or the governance team can approve ${reference}.`);
    const latest = document.versions[0];
    if (!latest) throw new ActionRefused(`${reference} has no version yet: its file has not been read.`);
    if (latest.approvedOn) throw new ActionRefused(`${latest.reference} is already approved by ${latest.approvedBy?.displayName ?? "someone"} on ${displayDate(latest.approvedOn)}.`);
    await updateRecord(tx, {
      entityType: policyVersionEntity,
      key: latest.reference,
      actor,
      load: (inner) => inner.policyVersion.findUnique({ where: { id: latest.id } }),
      update: (inner) => inner.policyVersion.update({ where: { id: latest.id }, data: { approvedById: actor.personId, approvedOn: new Date(`${isoDay(now)}T00:00:00Z`) } }),
    });
    const nextReviewOn = document.nextReviewOn && document.nextReviewOn > now ? document.nextReviewOn : inMonths(now, defaultReviewMonths);
    await updateRecord(tx, {
      entityType: policyDocumentEntity,
      key: reference,
      actor,
      load: (inner) => inner.policyDocument.findUnique({ where: { id: document.id } }),
      update: (inner) => inner.policyDocument.update({ where: { id: document.id }, data: { nextReviewOn, ...(document.approverId ? {} : { approverId: actor.personId }) } }),
    });
    return { version: latest, nextReviewOn };
  });
}

/** The owner reviewed the policy and it stands: the next review is a year on. */
export function markPolicyReviewed(db: Db, reference: string, actor: Actor, now: Date) {
  return updateRecord(db, {
    entityType: policyDocumentEntity,
    key: reference,
    actor,
    load: (tx) => tx.policyDocument.findUnique({ where: { reference } }),
    update: (tx) => tx.policyDocument.update({ where: { reference }, data: { nextReviewOn: inMonths(now, defaultReviewMonths) } }),
  });
}

/** Owner, approver, next review and summary, as the register-edit conversation gives them. */
export function updateRegisterEntry(db: Db, reference: string, fields: { ownerId: string; approverId: string; nextReviewOn: Date; summary: string }, actor: Actor) {
  return updateRecord(db, {
    entityType: policyDocumentEntity,
    key: reference,
    actor,
    load: (tx) => tx.policyDocument.findUnique({ where: { reference } }),
    update: (tx) => tx.policyDocument.update({ where: { reference }, data: fields }),
  });
}
