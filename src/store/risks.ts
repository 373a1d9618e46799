// The AI risk register (ISO/IEC 42001 6.1.2 and 6.1.3): assessments of one system's risks, their
// treatment and residual risk, and the governance decision on accepting a risk. Scores and levels
// are always computed from the matrix here, never taken from the caller, so a stored level is
// always the one the documented rule gives.
import type { Prisma } from "../generated/prisma/client.js";
import type { RiskCategory, RiskDirection, RiskTreatment } from "../generated/prisma/enums.js";
import { ActionRefused } from "../domain/actionRefused.js";
import type { NoticeButton } from "../domain/governanceNotices.js";
import { acceptanceOnAssessment, rateResidualRisk, rateRisk, residualProblem, riskLevelLabels, type Impacts, nextRiskReview } from "../domain/riskMatrix.js";
import { riskStatusLabels } from "../domain/riskRegister.js";
import type { Actor } from "./changeHistory.js";
import { enqueueNotice, governanceAudience, personAudience } from "./notifications.js";
import { createRecord, inTransaction, updateRecord, type Db } from "./recordWriter.js";
import { displayDate } from "../domain/dateDisplay.js";

export const riskEntity = "Risk";

export interface NewRisk {
  systemId: string;
  direction: RiskDirection;
  category: RiskCategory;
  description: string;
  likelihood: number;
  impacts: Impacts;
  treatment: RiskTreatment;
  treatmentJustification: string;
  /** Annex A control identifiers, already checked against the catalog. */
  controls: string[];
  residualLikelihood: number;
  residualImpact: number;
  reviewDate: Date;
}

/** A risk with what is needed to show it: its system (and owner), assessor and decider. */
const withPeople = {
  system: { select: { reference: true, name: true, ownerId: true, owner: { select: { displayName: true } } } },
  assessor: { select: { id: true, displayName: true } },
  acceptanceDecidedBy: { select: { displayName: true } },
} satisfies Prisma.RiskInclude;

export type RiskWithPeople = Prisma.RiskGetPayload<{ include: typeof withPeople }>;

const ordered = [{ score: "desc" }, { reference: "asc" }] satisfies Prisma.RiskOrderByWithRelationInput[];

const acceptanceButtons = (reference: string): NoticeButton[] => [
  { label: "View risk", input: { kind: "record_action", reference, action: "view" } },
  { label: "Approve acceptance", input: { kind: "record_action", reference, action: "approve_acceptance" } },
  { label: "Reject acceptance", input: { kind: "record_action", reference, action: "reject_acceptance" } },
];

export class RiskStore {
  constructor(private readonly db: Db) {}

  /**
   * Records one assessment. Accepting a risk needs a governance decision: `assessorMayApprove` (from
   * the access policy) makes the assessment that decision; otherwise the governance team is asked.
   */
  assess(input: NewRisk, actor: Actor & { personId: string }, options: { assessorMayApprove: boolean; now: Date }) {
    const inherent = rateRisk(input.likelihood, input.impacts);
    const residual = rateResidualRisk(input.residualLikelihood, input.residualImpact);
    const problem = residualProblem(inherent.score, residual.score);
    if (problem) throw new ActionRefused(problem);
    const acceptance = acceptanceOnAssessment(input.treatment, options.assessorMayApprove);
    const { impacts, ...fields } = input;
    return inTransaction(this.db, async (tx) => {
      const risk = await createRecord(tx, {
        entityType: riskEntity,
        prefix: "RSK",
        actor,
        create: (inner, reference) =>
          inner.risk.create({
            data: {
              ...fields,
              reference,
              impactSafety: impacts.safety,
              impactFinancial: impacts.financial,
              impactReputational: impacts.reputational,
              impactRegulatory: impacts.regulatory,
              impactEthical: impacts.ethical,
              impactEnvironmental: impacts.environmental,
              score: inherent.score,
              level: inherent.level,
              residualScore: residual.score,
              residualLevel: residual.level,
              status: acceptance === "pending" ? "acceptance_pending" : "open",
              assessorId: actor.personId,
              ...(acceptance === "approved_by_assessor" ? { acceptanceDecidedById: actor.personId, acceptanceDecidedAt: options.now, acceptanceDecisionNote: "Accepted by a governance member when assessing." } : {}),
              createdVia: actor.channel,
            },
          }),
      });
      if (acceptance === "pending") await this.askGovernance(tx, risk.reference, actor.label);
      return risk;
    });
  }

  private async askGovernance(tx: Prisma.TransactionClient, reference: string, assessorName: string): Promise<void> {
    const risk = await tx.risk.findUniqueOrThrow({ where: { reference }, include: withPeople });
    await enqueueNotice(tx, governanceAudience, {
      kind: "risk_acceptance_requested",
      subject: `Risk acceptance to decide: ${reference} (${riskLevelLabels[risk.level]})`,
      text:
        `${assessorName} assessed ${reference} on ${risk.system.reference} ${risk.system.name} as ${risk.level} (score ${risk.score}) and proposes to accept it.\n` +
        `Risk: ${risk.description}\nWhy accept: ${risk.treatmentJustification}`,
      recordRef: reference,
      actions: acceptanceButtons(reference),
    });
  }

  /** The owner (or governance) reviewed the risk and it still stands: the next review is set by its residual level. */
  markReviewed(reference: string, actor: Actor, now: Date) {
    return updateRecord(this.db, {
      entityType: riskEntity,
      key: reference,
      actor,
      load: (tx) => tx.risk.findUnique({ where: { reference } }),
      update: (tx, current) => tx.risk.update({ where: { reference }, data: { reviewDate: nextRiskReview(current.residualLevel, now) } }),
    });
  }

  /** A governance member approves or rejects accepting the risk; the assessor is told either way. */
  decideAcceptance(reference: string, decision: { approve: boolean; note: string | null }, actor: Actor & { personId: string }, now: Date) {
    return inTransaction(this.db, async (tx) => {
      if (!(await tx.risk.findUnique({ where: { reference }, select: { id: true } }))) throw new ActionRefused(`There is no risk ${reference}.`);
      const risk = await updateRecord(tx, {
        entityType: riskEntity,
        key: reference,
        actor,
        load: (inner) => inner.risk.findUnique({ where: { reference } }),
        update: (inner, current) => {
          if (current.status !== "acceptance_pending") {
            throw new ActionRefused(`${reference} is not waiting for an acceptance decision: it is "${riskStatusLabels[current.status].toLowerCase()}".`);
          }
          return inner.risk.update({
            where: { reference },
            data: {
              status: decision.approve ? "open" : "acceptance_rejected",
              acceptanceDecidedById: actor.personId,
              acceptanceDecidedAt: now,
              acceptanceDecisionNote: decision.note,
            },
          });
        },
      });
      if (risk.assessorId) {
        await enqueueNotice(
          tx,
          personAudience(risk.assessorId),
          decision.approve
            ? {
                kind: "risk_acceptance_approved",
                subject: `Risk acceptance approved: ${reference}`,
                text: `${actor.label} approved accepting ${reference}. It stays open and is reviewed on ${displayDate(risk.reviewDate)}. Type "risk ${reference}" to see it.`,
                recordRef: reference,
              }
            : {
                kind: "risk_acceptance_rejected",
                subject: `Risk acceptance rejected: ${reference}`,
                text: `${actor.label} rejected accepting ${reference}: ${decision.note ?? "no reason given"}. Please assess it again with another treatment (type "assess risk").`,
                recordRef: reference,
              },
          { occurrence: now.toISOString(), privateOnly: true },
        );
      }
      return risk;
    });
  }

  byReference(reference: string): Promise<RiskWithPeople | null> {
    return this.db.risk.findUnique({ where: { reference }, include: withPeople });
  }

  /** The risks of one system, the highest score first. */
  listBySystem(systemId: string): Promise<RiskWithPeople[]> {
    return this.db.risk.findMany({ where: { systemId }, include: withPeople, orderBy: ordered });
  }

  /** The risks of the systems one person owns. */
  listForOwner(ownerId: string): Promise<RiskWithPeople[]> {
    return this.db.risk.findMany({ where: { system: { ownerId } }, include: withPeople, orderBy: ordered });
  }

  listAll(): Promise<RiskWithPeople[]> {
    return this.db.risk.findMany({ include: withPeople, orderBy: ordered });
  }
}
