// Internal audits (9.2) and management reviews (9.3) on the calendar: "schedule audit 2027-01-15
// Claims models", "schedule review 2027-02-01 Q1 review", and "schedule" to see what is planned.
// An audit then asks for its criteria, systems in scope and auditors (scheduleAuditFlow.ts); a review's
// lead (whoever schedules it) is reminded before the date like any other due item.
import { englishDates } from "../conversations/dateAnswers.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, actorOfTurn } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { createRecord } from "../store/recordWriter.js";
import { scheduleAuditFlowId } from "./flows/scheduleAuditFlow.js";
import { displayDate } from "../domain/dateDisplay.js";

const kinds = { audit: "internal_audit", review: "management_review" } as const;
const kindLabels = { internal_audit: "Internal audit", management_review: "Management review" } as const;

export class ScheduleUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().replace(/^\//, "");
    if (/^(schedule|scheduled|calendar)$/i.test(typed)) return this.planned();
    const bareAudit = /^schedule\s+(an?\s+)?(internal\s+)?audit$/i.test(typed);
    const match = /^schedule\s+(audit|review)\s+(.+)$/i.exec(typed);
    if (!match && !bareAudit) return null;
    if (!turn.speaker.roles.includes("governance")) return useCaseRefusal("Only the governance team can schedule internal audits and management reviews.");
    if (!match) return { start: { flowId: scheduleAuditFlowId, prefill: {} } };
    const { date, scope } = dateAndScope(match[2]!, this.clock());
    if (!date) return useCaseRefusal('Please give the date first, e.g. "schedule audit 2027-01-15 Claims and pricing models".');
    if (date.getTime() < this.clock().getTime() - 24 * 60 * 60 * 1000) return useCaseRefusal("That date is in the past; when should it take place?");
    if (scope.length < 3) return useCaseRefusal('Please add the scope after the date, e.g. "schedule review 2027-02-01 Q1 management review".');
    const kind = kinds[match[1]!.toLowerCase() as keyof typeof kinds];
    // An audit goes on the programme with its criteria, auditors and their independence: the conversation asks for them.
    if (kind === "internal_audit") return { start: { flowId: scheduleAuditFlowId, prefill: { scheduledOn: date.toISOString().slice(0, 10), scope } } };
    const scheduled = await createRecord(this.prisma, {
      entityType: "ScheduledReview",
      prefix: "REV",
      actor: actorOfTurn(turn),
      create: (tx, reference) => tx.scheduledReview.create({ data: { reference, kind, scheduledOn: date, scope, leadId: turn.speaker.personId, createdVia: turn.channel } }),
    });
    return useCaseMessages({
      kind: "text",
      text: `${kindLabels[kind]} ${scheduled.reference} is scheduled for ${displayDate(date)}: ${scope}. You lead it and will be reminded before the date.`,
    });
  }

  private async planned(): Promise<UseCaseOutcome> {
    const planned = await this.prisma.scheduledReview.findMany({ where: { status: "planned" }, include: { lead: { select: { displayName: true } } }, orderBy: { scheduledOn: "asc" }, take: 20 });
    return useCaseMessages({
      kind: "record_list",
      title: "Planned internal audits and management reviews",
      items: planned.map((review) => ({
        reference: review.reference,
        text: `${kindLabels[review.kind]} · ${displayDate(review.scheduledOn)} · ${review.scope}${review.lead ? ` · led by ${review.lead.displayName}` : ""}${review.criteria ? ` · criteria: ${review.criteria}` : ""}${review.kind === "internal_audit" && review.auditorIds.length > 0 ? ` · ${review.independenceConflicts.length === 0 ? "auditors independent" : "auditor not independent, justified"}` : ""}`,
      })),
      ...(planned.length === 0 ? { note: 'Nothing is planned. Governance members: "schedule audit <date> <scope>" or "schedule review <date> <scope>".' } : {}),
    });
  }
}

/** "2027-01-15 Claims models" or "next Monday Claims models": the date, and the rest as the scope. */
function dateAndScope(text: string, now: Date): { date: Date | null; scope: string } {
  const iso = /^(\d{4}-\d{2}-\d{2})\s*(.*)$/.exec(text.trim());
  if (iso) return { date: new Date(`${iso[1]}T00:00:00Z`), scope: iso[2]!.trim() };
  const [found] = englishDates.parse(text, now, { forwardDate: true });
  if (!found || found.index !== 0) return { date: null, scope: text };
  const day = found.start.date();
  return { date: new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate())), scope: text.slice(found.text.length).trim() };
}
