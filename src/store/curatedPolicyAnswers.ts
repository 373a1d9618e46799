// Policy questions passed to the governance team, and the curated answers they write back: each
// change is written with its change-history entry in one transaction, like every governance record.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { appendChange, fieldChanges, type Actor } from "./changeHistory.js";

export const policyQuestionEntity = "policy_question";
export const curatedAnswerEntity = "curated_policy_answer";

/** PQ-0001 and PA-0001 share the reference counters of every other record. */
async function nextPolicyReference(tx: Prisma.TransactionClient, prefix: "PQ" | "PA"): Promise<string> {
  const counter = await tx.referenceCounter.upsert({ where: { prefix }, create: { prefix, last: 1 }, update: { last: { increment: 1 } } });
  return `${prefix}-${String(counter.last).padStart(4, "0")}`;
}

export interface CuratedAnswerFields {
  answer: string;
  sectionRef: string | null;
}

export class CuratedPolicyAnswers {
  constructor(private readonly db: Prisma.TransactionClient | PrismaClient) {}

  /** Marks a question passed to governance, giving it its reference (once). */
  async route(questionId: string, now: Date): Promise<{ reference: string; question: string; personId: string | null }> {
    const question = await this.db.policyQuestion.findUniqueOrThrow({ where: { id: questionId } });
    const reference = question.reference ?? (await nextPolicyReference(this.db as Prisma.TransactionClient, "PQ"));
    await this.db.policyQuestion.update({ where: { id: questionId }, data: { reference, routedAt: question.routedAt ?? now } });
    return { reference, question: question.question, personId: question.personId };
  }

  findQuestion(reference: string) {
    return this.db.policyQuestion.findUnique({ where: { reference } });
  }

  find(reference: string) {
    return this.db.curatedPolicyAnswer.findUnique({ where: { reference } });
  }

  /** The answers later questions may get, newest first. */
  active() {
    return this.db.curatedPolicyAnswer.findMany({ where: { retiredAt: null }, orderBy: { answeredAt: "desc" } });
  }

  all() {
    return this.db.curatedPolicyAnswer.findMany({ orderBy: { reference: "asc" } });
  }

  /** Questions passed to governance that nobody has answered yet, oldest first. */
  waiting() {
    return this.db.policyQuestion.findMany({ where: { routedAt: { not: null }, answeredAt: null }, orderBy: { routedAt: "asc" } });
  }

  /** Governance's answer to a passed question: a new curated answer, linked to the question. */
  async answer(questionReference: string, fields: CuratedAnswerFields, actor: Actor & { personId: string }, now: Date) {
    const question = await this.db.policyQuestion.findUniqueOrThrow({ where: { reference: questionReference } });
    const data = { question: question.question, answer: fields.answer, sectionRef: fields.sectionRef, answeredById: actor.personId, answeredByLabel: actor.label, answeredAt: now };
    const curated = await this.db.curatedPolicyAnswer.create({ data: { ...data, reference: await nextPolicyReference(this.db as Prisma.TransactionClient, "PA") } });
    await this.db.policyQuestion.update({ where: { id: question.id }, data: { answeredAt: now, curatedAnswerId: curated.id } });
    await appendChange(this.db as Prisma.TransactionClient, { actor, entityType: curatedAnswerEntity, entityId: curated.id, entityRef: curated.reference, action: "create", changes: fieldChanges(null, { ...data, answeredAt: now }) });
    await appendChange(this.db as Prisma.TransactionClient, {
      actor,
      entityType: policyQuestionEntity,
      entityId: question.id,
      entityRef: question.reference,
      action: "status_change",
      changes: { answeredAt: { from: null, to: now.toISOString() }, curatedAnswer: { from: null, to: curated.reference } },
    });
    return { question, curated };
  }

  async edit(reference: string, fields: CuratedAnswerFields, actor: Actor) {
    const before = await this.db.curatedPolicyAnswer.findUniqueOrThrow({ where: { reference } });
    const after = await this.db.curatedPolicyAnswer.update({ where: { reference }, data: fields });
    const changes = fieldChanges({ answer: before.answer, sectionRef: before.sectionRef }, fields);
    if (Object.keys(changes).length > 0) await appendChange(this.db as Prisma.TransactionClient, { actor, entityType: curatedAnswerEntity, entityId: after.id, entityRef: reference, action: "update", changes });
    return after;
  }

  async retire(reference: string, actor: Actor, now: Date) {
    const curated = await this.db.curatedPolicyAnswer.update({ where: { reference }, data: { retiredAt: now } });
    await appendChange(this.db as Prisma.TransactionClient, { actor, entityType: curatedAnswerEntity, entityId: curated.id, entityRef: reference, action: "status_change", changes: { retiredAt: { from: null, to: now.toISOString() } } });
    return curated;
  }

  /** A later question got this curated answer. */
  async given(id: string): Promise<void> {
    await this.db.curatedPolicyAnswer.update({ where: { id }, data: { timesGiven: { increment: 1 } } });
  }
}
