// The organisation's context (ISO/IEC 42001 4.1) and interested parties (4.2): the records, their
// change history, and what the management review is given of them (9.3.2 b).
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { ContextIssueKind } from "../generated/prisma/enums.js";
import type { Actor } from "../store/changeHistory.js";
import { createRecord, updateRecord, type Db } from "../store/recordWriter.js";
import { displayDate } from "../domain/dateDisplay.js";

export const contextIssueEntity = "ContextIssue";
export const interestedPartyEntity = "InterestedParty";
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function recordContextIssue(db: Db, input: { kind: ContextIssueKind; description: string; effect: string; reviewOn: Date }, actor: Actor) {
  return createRecord(db, { entityType: contextIssueEntity, prefix: "CTX", actor, create: (tx, reference) => tx.contextIssue.create({ data: { ...input, reference, createdVia: actor.channel } }) });
}

export function recordInterestedParty(db: Db, input: { name: string; requirements: string; source: string; reviewOn: Date }, actor: Actor) {
  return createRecord(db, { entityType: interestedPartyEntity, prefix: "IP", actor, create: (tx, reference) => tx.interestedParty.create({ data: { ...input, reference, createdVia: actor.channel } }) });
}

/** An issue edited or reviewed: every field may change, and the change is in the history. */
export function updateContextIssue(db: Db, reference: string, input: { kind: ContextIssueKind; description: string; effect: string; reviewOn: Date }, actor: Actor) {
  return updateRecord(db, { entityType: contextIssueEntity, key: reference, actor, load: (tx) => tx.contextIssue.findUnique({ where: { reference } }), update: (tx, current) => tx.contextIssue.update({ where: { id: current.id }, data: input }) });
}

export function updateInterestedParty(db: Db, reference: string, input: { name: string; requirements: string; source: string; reviewOn: Date }, actor: Actor) {
  return updateRecord(db, { entityType: interestedPartyEntity, key: reference, actor, load: (tx) => tx.interestedParty.findUnique({ where: { reference } }), update: (tx, current) => tx.interestedParty.update({ where: { id: current.id }, data: input }) });
}

export interface ContextForReview {
  issues: { reference: string; kind: ContextIssueKind; description: string; effect: string; reviewOn: string; reviewDue: boolean; newSince: boolean }[];
  parties: { reference: string; name: string; requirements: string; source: string; reviewOn: string; reviewDue: boolean; newSince: boolean }[];
}

/** Every issue and party, marking those recorded since the previous review and those whose review is due. */
export async function contextForReview(prisma: PrismaClient | Prisma.TransactionClient, since: Date, now: Date): Promise<ContextForReview> {
  const [issues, parties] = await Promise.all([
    prisma.contextIssue.findMany({ orderBy: [{ kind: "asc" }, { reference: "asc" }] }),
    prisma.interestedParty.findMany({ orderBy: { reference: "asc" } }),
  ]);
  const shape = { reviewDue: (reviewOn: Date) => reviewOn <= now, newSince: (createdAt: Date) => createdAt > since };
  return {
    issues: issues.map((issue) => ({ reference: issue.reference, kind: issue.kind, description: issue.description, effect: issue.effect, reviewOn: isoDay(issue.reviewOn), reviewDue: shape.reviewDue(issue.reviewOn), newSince: shape.newSince(issue.createdAt) })),
    parties: parties.map((party) => ({ reference: party.reference, name: party.name, requirements: party.requirements, source: party.source, reviewOn: isoDay(party.reviewOn), reviewDue: shape.reviewDue(party.reviewOn), newSince: shape.newSince(party.createdAt) })),
  };
}

/** The lines the management review inputs show for the context. */
export function contextReviewLines(context: ContextForReview): string[] {
  if (context.issues.length === 0 && context.parties.length === 0) return ["No internal or external issues or interested parties are recorded (\"context\" in chat records them)."];
  const flags = (item: { newSince: boolean; reviewDue: boolean }) => [item.newSince ? "new" : null, item.reviewDue ? "review due" : null].filter(Boolean).join(", ");
  const flagged = (item: { newSince: boolean; reviewDue: boolean }) => (flags(item) ? ` [${flags(item)}]` : "");
  return [
    ...context.issues.map((issue) => `${issue.reference} ${issue.kind} issue: ${issue.description}. Effect: ${issue.effect}. Review ${displayDate(issue.reviewOn)}${flagged(issue)}`),
    ...context.parties.map((party) => `${party.reference} ${party.name} requires: ${party.requirements} (source: ${party.source}). Review ${displayDate(party.reviewOn)}${flagged(party)}`),
  ];
}

/** The two registers for exports and the evidence pack, with who recorded each (from the history). */
export async function contextIssueTable(prisma: PrismaClient) {
  const issues = await prisma.contextIssue.findMany({ orderBy: { reference: "asc" } });
  return { columns: ["reference", "kind", "description", "effect", "reviewOn", "createdAt", "createdVia"], rows: issues.map((issue) => ({ ...issue })) };
}

export async function interestedPartyTable(prisma: PrismaClient) {
  const parties = await prisma.interestedParty.findMany({ orderBy: { reference: "asc" } });
  return { columns: ["reference", "name", "requirements", "source", "reviewOn", "createdAt", "createdVia"], rows: parties.map((party) => ({ ...party })) };
}
