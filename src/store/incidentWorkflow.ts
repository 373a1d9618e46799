// Moves incidents through their life (triage, investigation, resolution, closure) and keeps their
// timeline. Every step is checked against the lifecycle table, written with its change-history
// entry and timeline event in one transaction, and tells the people who need to know.
import type { Acting } from "./acting.js";
import { can } from "../domain/accessPolicy.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { Incident, Severity } from "../generated/prisma/client.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { decide, lessonsLearnedRequired, type IncidentAction } from "../domain/incidentLifecycle.js";
import { actionStatusLabels, severityLabels } from "../domain/labels.js";
import type { Notice } from "../domain/governanceNotices.js";
import type { Actor } from "./changeHistory.js";
import { incidentEntity } from "./incidents.js";
import { NonconformityStore } from "./nonconformities.js";
import { enqueueNotice, personAudience } from "./notifications.js";
import { correctiveActionEntity, raiseCorrectiveAction, type NewCorrectiveAction } from "./correctiveActions.js";
import { inTransaction, updateRecord, type Db } from "./recordWriter.js";

export { correctiveActionEntity, type NewCorrectiveAction };

export interface LessonsLearned {
  whatHappened: string;
  why: string;
  changes: string;
}

/** One step in an incident's life, with the fields that step needs. */
export type IncidentStep =
  | { action: "acknowledge" }
  | { action: "assign"; assigneeId: string }
  | { action: "change_severity"; severity: Severity; reason: string }
  | { action: "mark_duplicate"; duplicateOf: string }
  | { action: "decline"; reason: string }
  | { action: "start_investigation" }
  | { action: "contain"; note: string }
  | { action: "resolve"; rootCause: string; correction: string; correctiveAction: NewCorrectiveAction | null }
  | { action: "close"; effectivenessCheck: string; lessons: LessonsLearned | null; carryOverReason?: string | null }
  | { action: "reopen"; reason: string }
  | { action: "set_system"; systemId: string | null; name: string }
  | { action: "raise_action"; correctiveAction: NewCorrectiveAction }
  | { action: "raise_nonconformity"; requirement: string; description: string }
  | { action: "add_note"; text: string; link: string | null };


/** What a step changes on the incident, what the timeline says, and whom to tell. */
interface Effect {
  data: Prisma.IncidentUncheckedUpdateInput;
  event: { kind: string; text: string; link?: string | null };
  tell: { personId: string | null; notice: Notice }[];
}

export class IncidentWorkflow {
  constructor(private readonly db: Db) {}

  /** Applies one step, or throws ActionRefused with a message for the person. */
  /** Takes one step; the incident comes back with what its timeline now records about the step. */
  apply(reference: string, step: IncidentStep, acting: Acting): Promise<Incident & { recorded: string }> {
    return inTransaction(this.db, async (tx) => {
      const before = await tx.incident.findUnique({ where: { reference } });
      if (!before) throw new ActionRefused(`There is no incident ${reference}.`);
      const decision = decide(step.action, before, acting.viewer);
      if (!decision.allowed) throw new ActionRefused(decision.reason);
      const effect = await this.effectOf(tx, before, step, acting);
      const after = await this.write(tx, before, { ...effect.data, status: decision.to }, acting.actor);
      const event = await tx.incidentEvent.create({
        data: { incidentId: before.id, actorId: acting.actor.personId, actorLabel: acting.actor.label, channel: acting.actor.channel, ...effect.event },
      });
      for (const { personId, notice } of effect.tell) {
        if (personId && personId !== acting.actor.personId) {
          await enqueueNotice(tx, personAudience(personId), notice, { occurrence: String(event.id), privateOnly: true });
        }
      }
      return { ...after, recorded: event.text };
    });
  }

  /** Marks a corrective action done: its owner or the governance team. */
  completeAction(reference: string, acting: Acting) {
    return inTransaction(this.db, async (tx) => {
      const action = await tx.correctiveAction.findUnique({ where: { reference } });
      if (!action) throw new ActionRefused(`There is no corrective action ${reference}.`);
      if (!can(acting.viewer, "edit", "corrective_action", { ownerId: action.ownerId })) {
        throw new ActionRefused(`Only the owner of ${reference} or the governance team can mark it done.`);
      }
      if (action.status !== "open") throw new ActionRefused(`${reference} is already ${actionStatusLabels[action.status].toLowerCase()}.`);
      const done = await updateRecord(tx, {
        entityType: correctiveActionEntity,
        key: reference,
        actor: acting.actor,
        load: async () => action,
        update: (inner) => inner.correctiveAction.update({ where: { id: action.id }, data: { status: "done", completedAt: acting.now } }),
      });
      if (action.incidentId) {
        await tx.incidentEvent.create({
          data: { incidentId: action.incidentId, actorId: acting.actor.personId, actorLabel: acting.actor.label, channel: acting.actor.channel, kind: "corrective_action", text: `${reference} marked done.` },
        });
      }
      return done;
    });
  }

  /** Writes the change only when it changes something, guarded against a concurrent step. */
  private async write(tx: Prisma.TransactionClient, before: Incident, data: Prisma.IncidentUncheckedUpdateInput, actor: Actor): Promise<Incident> {
    return updateRecord(tx, {
      entityType: incidentEntity,
      key: before.reference,
      actor,
      load: async () => before,
      update: async (inner) => {
        const { count } = await inner.incident.updateMany({ where: { id: before.id, status: before.status, updatedAt: before.updatedAt }, data });
        if (count === 0) throw new ActionRefused(`${before.reference} was changed by someone else a moment ago. Please look at it again.`);
        return (await inner.incident.findUnique({ where: { id: before.id } }))!;
      },
    });
  }

  private async effectOf(tx: Prisma.TransactionClient, incident: Incident, step: IncidentStep, acting: Acting): Promise<Effect> {
    const ref = incident.reference;
    const reporter = (notice: Omit<Notice, "recordRef">) => ({ personId: incident.reporterId, notice: { ...notice, recordRef: ref } });
    switch (step.action) {
      case "acknowledge": {
        const handlerId = incident.assigneeId ?? acting.actor.personId;
        const handler = await this.nameOf(tx, handlerId);
        return {
          data: { acknowledgedAt: acting.now, assigneeId: handlerId },
          event: { kind: "transition", text: `Acknowledged; handled by ${handler}.` },
          tell: [reporter({ kind: "incident_acknowledged", subject: `Your report ${ref} was acknowledged`, text: `The governance team has acknowledged ${ref}. ${handler} handles it.` })],
        };
      }
      case "assign": {
        const assignee = await this.nameOf(tx, step.assigneeId);
        return {
          data: { assigneeId: step.assigneeId, acknowledgedAt: incident.acknowledgedAt ?? acting.now },
          event: { kind: "assigned", text: `Assigned to ${assignee}.` },
          tell: [
            { personId: step.assigneeId, notice: { kind: "incident_assigned", subject: `You have been assigned ${ref}`, text: `${acting.actor.label} assigned ${ref}, ${severityLabels[incident.severity]}, to you. Open it with "incident ${ref}".`, recordRef: ref } },
            reporter({ kind: "incident_assigned", subject: `Your report ${ref} has a handler`, text: `${assignee} handles ${ref}.` }),
          ],
        };
      }
      case "change_severity":
        return {
          data: { severity: step.severity },
          event: { kind: "severity", text: `Severity ${severityLabels[incident.severity]} → ${severityLabels[step.severity]}: ${step.reason}` },
          tell: [],
        };
      case "mark_duplicate": {
        const original = await tx.incident.findUnique({ where: { reference: step.duplicateOf } });
        if (!original || original.id === incident.id) throw new ActionRefused(`${step.duplicateOf} is not another incident; which incident does ${ref} repeat?`);
        if (original.status === "duplicate") throw new ActionRefused(`${original.reference} is itself a duplicate; mark ${ref} as a duplicate of the incident it repeats.`);
        return {
          data: { duplicateOfId: original.id },
          event: { kind: "transition", text: `Marked as a duplicate of ${original.reference}.` },
          tell: [reporter({ kind: "incident_duplicate", subject: `Your report ${ref} is already being handled`, text: `${ref} describes the same incident as ${original.reference}, which the governance team is handling. Thank you for reporting it.` })],
        };
      }
      case "decline":
        return {
          data: { declineReason: step.reason },
          event: { kind: "transition", text: `Not an AI incident: ${step.reason}` },
          tell: [reporter({ kind: "incident_declined", subject: `Your report ${ref} was reviewed`, text: `The governance team reviewed ${ref} and does not treat it as an AI incident: ${step.reason}` })],
        };
      case "start_investigation":
        return { data: {}, event: { kind: "transition", text: "Investigation started." }, tell: [] };
      case "contain":
        return { data: { containmentNote: step.note }, event: { kind: "transition", text: `Contained: ${step.note}` }, tell: [] };
      case "resolve":
        return this.resolve(tx, incident, step, acting);
      case "close":
        return this.close(tx, incident, step, acting);
      case "reopen":
        return { data: { resolvedAt: null, closedAt: null }, event: { kind: "transition", text: `Reopened: ${step.reason}` }, tell: [] };
      case "set_system":
        return {
          data: { systemId: step.systemId, systemNameFreeText: step.systemId ? null : step.name, possiblyUnregistered: step.systemId === null },
          event: { kind: "system", text: `AI system set to ${step.name}${step.systemId ? "" : " (not in the inventory)"}.` },
          tell: [],
        };
      case "raise_action": {
        const raised = await this.raise(tx, incident, step.correctiveAction, acting);
        return { data: {}, event: raised.event, tell: [raised.tell] };
      }
      case "raise_nonconformity": {
        const raised = await new NonconformityStore(tx).raise({ incident, requirement: step.requirement, description: step.description }, acting);
        return { data: {}, event: { kind: "nonconformity", text: `Nonconformity ${raised.reference} raised against ${raised.requirement}: ${step.description}` }, tell: [] };
      }
      case "add_note":
        return { data: {}, event: { kind: step.link ? "evidence" : "note", text: step.text, link: step.link }, tell: [] };
    }
  }

  private async resolve(tx: Prisma.TransactionClient, incident: Incident, step: Extract<IncidentStep, { action: "resolve" }>, acting: Acting): Promise<Effect> {
    const existing = await tx.correctiveAction.count({ where: { incidentId: incident.id, status: { not: "cancelled" } } });
    if (existing === 0 && !step.correctiveAction) {
      throw new ActionRefused(`${incident.reference} needs at least one corrective action (what stops it happening again) before it can be resolved.`);
    }
    const raised = step.correctiveAction ? await this.raise(tx, incident, step.correctiveAction, acting) : null;
    return {
      data: { rootCause: step.rootCause, correction: step.correction, resolvedAt: acting.now },
      event: { kind: "transition", text: `Resolved. Root cause: ${step.rootCause} Correction: ${step.correction}${raised ? ` ${raised.event.text}` : ""}` },
      tell: [
        ...(raised ? [raised.tell] : []),
        { personId: incident.reporterId, notice: { kind: "incident_resolved", subject: `Your report ${incident.reference} is resolved`, text: `The cause of ${incident.reference} has been found and corrected; the governance team will check the fix works before closing it.`, recordRef: incident.reference } },
      ],
    };
  }

  /** Closure needs the lessons learned when severe, and every corrective action done or a reason to carry it over. */
  private async close(tx: Prisma.TransactionClient, incident: Incident, step: Extract<IncidentStep, { action: "close" }>, acting: Acting): Promise<Effect> {
    const ref = incident.reference;
    if (lessonsLearnedRequired(incident.severity) && !step.lessons) {
      throw new ActionRefused(`${ref} is ${severityLabels[incident.severity]}: it cannot close without a lessons-learned review.`);
    }
    const open = (await tx.correctiveAction.findMany({ where: { incidentId: incident.id, status: "open" }, select: { reference: true }, orderBy: { reference: "asc" } })).map((action) => action.reference);
    const reason = step.carryOverReason?.trim();
    if (open.length > 0 && !reason) {
      const them = open.join(", ");
      throw new ActionRefused(`${ref} can't close while ${them} ${open.length === 1 ? "is" : "are"} still open. Mark ${open.length === 1 ? "it" : "them"} done first (e.g. "${open[0]} done"), or close it again and give a reason to carry ${open.length === 1 ? "it" : "them"} over.`);
    }
    const carried = open.length > 0 ? ` Carried over, still open: ${open.join(", ")}. Reason: ${reason}` : "";
    return {
      data: {
        effectivenessCheck: step.effectivenessCheck,
        closedAt: acting.now,
        ...(step.lessons ? { lessonsWhatHappened: step.lessons.whatHappened, lessonsWhy: step.lessons.why, lessonsChanges: step.lessons.changes } : {}),
      },
      event: { kind: "transition", text: `Closed. Effectiveness check: ${step.effectivenessCheck}${step.lessons ? " Lessons learned recorded." : ""}${carried}` },
      tell: [{ personId: incident.reporterId, notice: { kind: "incident_closed", subject: `Your report ${ref} is closed`, text: `${ref} has been investigated, corrected and closed. Thank you for reporting it.`, recordRef: ref } }],
    };
  }

  private async raise(tx: Prisma.TransactionClient, incident: Incident, input: NewCorrectiveAction, acting: Acting) {
    const raised = await raiseCorrectiveAction(tx, { incidentId: incident.id, reference: incident.reference }, input, acting);
    return { event: { kind: "corrective_action", text: raised.eventText }, tell: { personId: input.ownerId, notice: raised.notice } };
  }

  private async nameOf(tx: Prisma.TransactionClient, personId: string | null): Promise<string> {
    if (!personId) return "the governance team";
    const person = await tx.person.findUnique({ where: { id: personId }, select: { displayName: true } });
    if (!person) throw new ActionRefused("That person is not in our directory.");
    return person.displayName;
  }
}

export type { IncidentAction };

export type { Acting } from "./acting.js";
