// The buttons on reminders: Still accurate, Mark done, Snooze. Each checks that the person may
// act on the item, records the change with its history, and stops the reminders still queued for it.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Turn } from "../conversations/messages.js";
import { useCaseMessages, useCaseRefusal, type UseCaseOutcome, viewerOf, actorOfTurn } from "../conversations/useCaseOutcome.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { nextReviewDate, type ReviewIntervals } from "../domain/reviewSchedule.js";
import { aiSystemEntity } from "../store/aiSystems.js";
import { IncidentWorkflow } from "../store/incidentWorkflow.js";
import { updateRecord } from "../store/recordWriter.js";
import { markPolicyReviewed } from "../policyDocuments/policyRegister.js";
import type { Actor } from "../store/changeHistory.js";
import { flowIds } from "../conversations/intents.js";
import { answersOf } from "../systems/flows/registerAiSystemFlow.js";
import { lookUpWord } from "../domain/wordTable.js";
import { reminderResponsible } from "./reminderResponsibles.js";
import { displayDate } from "../domain/dateDisplay.js";

const day = 24 * 60 * 60 * 1000;
const snoozes: Record<string, number> = { snooze_day: day, snooze_week: 7 * day };

export class ReminderUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
    private readonly settings: { reviewIntervals: ReviewIntervals; attestationMonths: number },
  ) {}

  async act(item: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    const now = this.clock();
    const actor: Actor = actorOfTurn(turn);
    try {
      if (action === "update") return await this.update(item, turn);
      const snooze = lookUpWord(snoozes, action);
      const text = snooze ? await this.snooze(item, now, snooze, turn) : await this.complete(item, action, now, actor, turn);
      await this.stopQueued(item, now);
      return useCaseMessages({ kind: "text", text });
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  /** Re-attestation with changes: the registration questions, pre-filled from the entry, ending at the summary. */
  private async update(item: string, turn: Turn): Promise<UseCaseOutcome> {
    const [kind, reference] = splitItem(item);
    if (kind !== "attestation") throw new ActionRefused("That reminder has no such action.");
    await this.responsibleFor(item, turn);
    const system = await this.prisma.aiSystem.findUniqueOrThrow({ where: { reference }, include: { owner: { select: { id: true, displayName: true } } } });
    return { start: { flowId: flowIds.registerSystem, prefill: answersOf(system) } };
  }

  private async snooze(item: string, now: Date, forMs: number, turn: Turn): Promise<string> {
    await this.responsibleFor(item, turn);
    const until = new Date(now.getTime() + forMs);
    await this.prisma.reminderState.upsert({ where: { itemKey: item }, create: { itemKey: item, snoozedUntil: until }, update: { snoozedUntil: until } });
    return `Snoozed until ${displayDate(until)}. I'll remind you again then if it is still open.`;
  }

  private async complete(item: string, action: string, now: Date, actor: Actor, turn: Turn): Promise<string> {
    const [kind, reference] = splitItem(item);
    const viewer = viewerOf(turn);
    if (kind === "action" && action === "done") {
      await new IncidentWorkflow(this.prisma).completeAction(reference, { actor, viewer, now });
      return `${reference} is done. Thank you!`;
    }
    if (kind === "attestation" && action === "still_accurate") {
      await this.responsibleFor(item, turn);
      await this.updateSystem(reference, actor, { lastAttestedAt: now });
      return `Thank you: ${reference} is confirmed as accurate today. The next confirmation is due in ${this.settings.attestationMonths} months.`;
    }
    if (kind === "review" && action === "done") {
      await this.responsibleFor(item, turn);
      const system = await this.prisma.aiSystem.findUniqueOrThrow({ where: { reference } });
      const next = nextReviewDate(system.riskTier ?? "medium", now, this.settings.reviewIntervals);
      await this.updateSystem(reference, actor, { nextReviewDate: next });
      return `The review of ${reference} is recorded. The next one is due on ${displayDate(next)}.`;
    }
    if (kind === "audit" && action === "done") {
      await this.responsibleFor(item, turn);
      await updateRecord(this.prisma, {
        entityType: "ScheduledReview",
        key: reference,
        actor,
        load: (tx) => tx.scheduledReview.findUnique({ where: { reference } }),
        update: (tx) => tx.scheduledReview.update({ where: { reference }, data: { status: "held" } }),
      });
      return `${reference} is recorded as held.`;
    }
    if (kind === "policy" && action === "done") {
      await this.responsibleFor(item, turn);
      const document = await markPolicyReviewed(this.prisma, reference, actor, now);
      return `The review of ${reference} is recorded. The next one is due on ${displayDate(document.nextReviewOn!)}.`;
    }
    throw new ActionRefused("That reminder has no such action.");
  }

  private updateSystem(reference: string, actor: Actor, data: { lastAttestedAt?: Date; nextReviewDate?: Date }) {
    return updateRecord(this.prisma, {
      entityType: aiSystemEntity,
      key: reference,
      actor,
      load: (tx) => tx.aiSystem.findUnique({ where: { reference } }),
      update: (tx) => tx.aiSystem.update({ where: { reference }, data }),
    });
  }

  /** The person the reminder is for, or the governance team, may act on it. */
  private async responsibleFor(item: string, turn: Turn): Promise<void> {
    if (turn.speaker.roles.includes("governance")) return;
    const [kind, reference] = splitItem(item);
    const responsible = await reminderResponsible(this.prisma, kind, reference);
    if (responsible === undefined) throw new ActionRefused(`${reference} no longer exists.`);
    if (responsible !== turn.speaker.personId) throw new ActionRefused(`This reminder is for someone else: only they or the governance team can act on ${reference}.`);
  }

  /** Reminders for the item that have not gone out yet are no longer wanted. */
  private async stopQueued(item: string, now: Date): Promise<void> {
    await this.prisma.notificationDelivery.updateMany({
      where: { status: "pending", notification: { recordRef: item, kind: "reminder" } },
      data: { status: "cancelled", lastError: `no longer due (${now.toISOString()})` },
    });
  }
}

function splitItem(item: string): [string, string] {
  const at = item.indexOf(":");
  if (at < 1) throw new ActionRefused("That reminder could not be read.");
  return [item.slice(0, at), item.slice(at + 1)];
}
