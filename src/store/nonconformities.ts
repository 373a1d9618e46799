// The nonconformity register (ISO/IEC 42001 10.2): raised from an audit, a management review, an
// incident or anything else; planned with a root cause, a correction and corrective actions; closed
// once those actions are done and shown to work. Every write carries its change-history entry.
import type { Nonconformity, Prisma } from "../generated/prisma/client.js";
import type { NonconformitySource } from "../generated/prisma/enums.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { newNonconformityNotice, requirementOf } from "../domain/nonconformity.js";
import { raiseCorrectiveAction, type NewCorrectiveAction } from "./correctiveActions.js";
import type { Acting } from "./acting.js";
import { enqueueNotice, governanceAudience, personAudience } from "./notifications.js";
import { createRecord, inTransaction, updateRecord, type Db } from "./recordWriter.js";

export const nonconformityEntity = "Nonconformity";

export interface NewNonconformity {
  /** The audit or review it was found in; its kind decides the source. */
  reviewReference?: string | null;
  /** The incident that revealed it. */
  incident?: { id: string; reference: string } | null;
  requirement: string;
  description: string;
}

export interface NonconformityPlan {
  rootCause: string;
  correction: string;
  correctiveAction: NewCorrectiveAction;
}

export class NonconformityStore {
  /** Works on the client or inside a caller's transaction (a conversation closing, an incident step). */
  constructor(private readonly db: Db) {}

  raise(input: NewNonconformity, acting: Acting): Promise<Nonconformity> {
    return inTransaction(this.db, async (tx) => {
      const review = input.reviewReference ? await tx.scheduledReview.findUnique({ where: { reference: input.reviewReference } }) : null;
      if (input.reviewReference && !review) throw new ActionRefused(`There is no audit or review ${input.reviewReference}.`);
      if (!can(acting.viewer, "create", "nonconformity", { leadId: review?.leadId ?? null })) throw new ActionRefused(refusalText("create", "nonconformity"));
      const requirement = requirementOf(input.requirement);
      if (!requirement.ok) throw new ActionRefused(requirement.message);
      const source: NonconformitySource = review ? review.kind : input.incident ? "incident" : "other";
      const raised = await createRecord(tx, {
        entityType: nonconformityEntity,
        prefix: "NC",
        actor: acting.actor,
        create: (inner, reference) =>
          inner.nonconformity.create({
            data: {
              reference,
              source,
              reviewId: review?.id ?? null,
              incidentId: input.incident?.id ?? null,
              requirement: requirement.id,
              description: input.description,
              raisedById: acting.actor.personId,
              createdVia: acting.actor.channel,
            },
          }),
      });
      const from = review?.reference ?? input.incident?.reference ?? null;
      await enqueueNotice(tx, governanceAudience, newNonconformityNotice({ ...raised, from, raisedBy: acting.actor.label }));
      return raised;
    });
  }

  /** Records the cause and the correction, and raises a corrective action whose owner is told. */
  plan(reference: string, plan: NonconformityPlan, acting: Acting) {
    return inTransaction(this.db, async (tx) => {
      const current = await this.editable(tx, reference, acting);
      const raised = await raiseCorrectiveAction(tx, { nonconformityId: current.id, reference }, plan.correctiveAction, acting);
      const planned = await this.write(tx, current, acting, { rootCause: plan.rootCause, correction: plan.correction, status: "action_planned" });
      if (plan.correctiveAction.ownerId !== acting.actor.personId) await enqueueNotice(tx, personAudience(plan.correctiveAction.ownerId), raised.notice);
      return { nonconformity: planned, action: raised.action, ownerName: raised.ownerName };
    });
  }

  /** Closes it once every corrective action is done (or cancelled) and their effect was checked. */
  close(reference: string, effectivenessCheck: string, acting: Acting) {
    return inTransaction(this.db, async (tx) => {
      const current = await this.editable(tx, reference, acting);
      const actions = await tx.correctiveAction.findMany({ where: { nonconformityId: current.id }, orderBy: { reference: "asc" } });
      if (actions.length === 0) throw new ActionRefused(`${reference} has no corrective action yet: plan one first (type "${reference} plan").`);
      const open = actions.filter((action) => action.status === "open").map((action) => action.reference);
      if (open.length > 0) {
        throw new ActionRefused(`${reference} can't close while ${open.join(", ")} ${open.length === 1 ? "is" : "are"} still open. Close it once the corrective actions are done (e.g. "${open[0]} done").`);
      }
      return this.write(tx, current, acting, { effectivenessCheck, status: "closed", closedAt: acting.now });
    });
  }

  private async editable(tx: Prisma.TransactionClient, reference: string, acting: Acting): Promise<Nonconformity> {
    if (!can(acting.viewer, "edit", "nonconformity")) throw new ActionRefused(refusalText("edit", "nonconformity"));
    const current = await tx.nonconformity.findUnique({ where: { reference } });
    if (!current) throw new ActionRefused(`There is no nonconformity ${reference}.`);
    if (current.status === "closed") throw new ActionRefused(`${reference} is already closed.`);
    return current;
  }

  private write(tx: Prisma.TransactionClient, current: Nonconformity, acting: Acting, data: Prisma.NonconformityUncheckedUpdateInput) {
    return updateRecord(tx, {
      entityType: nonconformityEntity,
      key: current.reference,
      actor: acting.actor,
      load: async () => current,
      update: (inner) => inner.nonconformity.update({ where: { id: current.id }, data }),
    });
  }
}

/** One nonconformity with where it came from and its corrective actions, for showing it. */
export function nonconformityDossier(db: Db, reference: string) {
  return db.nonconformity.findUnique({
    where: { reference },
    include: {
      review: { select: { reference: true, kind: true, leadId: true } },
      incident: { select: { reference: true } },
      raisedBy: { select: { displayName: true } },
      correctiveActions: { include: { owner: { select: { id: true, displayName: true } } }, orderBy: { reference: "asc" } },
    },
  });
}
export type NonconformityDossier = NonNullable<Awaited<ReturnType<typeof nonconformityDossier>>>;
