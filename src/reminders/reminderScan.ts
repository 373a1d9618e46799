// Finds what falls due and queues the reminders for it. Run on a timer by every replica: each
// reminder's key (item, due date, stage) makes it exist once however often and wherever it runs.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { NoticeButton } from "../domain/governanceNotices.js";
import { daysUntil, dueWording, nextWorkingMoment, shouldEscalate, stageKey, stageOf, type ReminderSettings } from "../domain/reminderRules.js";
import { severityLabels } from "../domain/labels.js";
import { displayDate } from "../domain/dateDisplay.js";
import { enqueueNotice, governanceAudience, personAudience } from "../store/notifications.js";
import { ImpactAssessmentStore } from "../store/impactAssessments.js";
import { supplierReviewsDue } from "../suppliers/supplierRegister.js";
import { policyDueItems } from "../policyDocuments/policyReminders.js";
import { treatmentDueItems } from "../treatment/treatmentReminders.js";
import { measurementDueItems } from "../objectives/measurementReminders.js";
import { contextDueItems } from "../context/contextReminders.js";
import { datasetReviewsDue } from "../datasets/datasetRegister.js";
import { obligationReviewsDue } from "../customerObligations/obligationRegister.js";

/** Something with a due date and a person who answers for it. */
export interface DueItem {
  /** "review:AIS-0003", "attestation:AIS-0003", "action:CA-0001", "audit:REV-0001", "training:TRN-0001", "impact:AIA-0001", "risk:RSK-0001". */
  itemKey: string;
  dueOn: Date;
  /** What it is, in a few words: "The review of AIS-0003 Claims triage". */
  title: string;
  /** How its due date reads when "is due" / "was due" would not fit: a training "expires" / "expired". */
  dueVerbs?: { coming: string; past: string; then?: string };
  person: { id: string; timeZone: string; managerId: string | null };
  buttons: NoticeButton[];
}

const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;
/** How far past its due date an item is still chased (the overdue repeats and the escalation). */
const overdueWindowDays = 60;

const button = (label: string, item: string, action: string): NoticeButton => ({ label, input: { kind: "reminder_action", item, action } });
const snoozeButtons = (item: string) => [button("Snooze 1 day", item, "snooze_day"), button("Snooze 1 week", item, "snooze_week")];
const addMonths = (date: Date, months: number) => {
  const moved = new Date(date);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
};

export async function dueItems(prisma: PrismaClient, now: Date, settings: ReminderSettings): Promise<DueItem[]> {
  const horizon = new Date(now.getTime() + Math.max(...settings.daysBefore) * day);
  const oldest = new Date(now.getTime() - overdueWindowDays * day);
  const person = { select: { id: true, timeZone: true, managerId: true } } as const;
  const live = { status: { notIn: ["retired", "rejected", "draft"] as const }, ownerId: { not: null } } satisfies Prisma.AiSystemWhereInput;
  const [reviews, attestations, actions, audits, trainings, impacts, risks] = await Promise.all([
    prisma.aiSystem.findMany({ where: { ...live, nextReviewDate: { lte: horizon, gte: oldest } }, include: { owner: person } }),
    prisma.aiSystem.findMany({ where: { ...live, OR: [{ lastAttestedAt: { lte: addMonths(horizon, -settings.attestationMonths) } }, { lastAttestedAt: null }] }, include: { owner: person } }),
    prisma.correctiveAction.findMany({ where: { status: "open", dueDate: { lte: horizon, gte: oldest } }, include: { owner: person } }),
    prisma.scheduledReview.findMany({ where: { status: "planned", scheduledOn: { lte: horizon, gte: oldest }, leadId: { not: null } }, include: { lead: person } }),
    prisma.trainingRecord.findMany({ where: { validUntil: { lte: horizon, gte: oldest } }, include: { person } }),
    new ImpactAssessmentStore(prisma).dueBetween(oldest, horizon),
    // A risk's review falls to the owner of its system.
    prisma.risk.findMany({
      where: { status: { in: ["open", "acceptance_pending"] }, reviewDate: { lte: horizon, gte: oldest }, system: { ownerId: { not: null } } },
      include: { system: { select: { reference: true, name: true, owner: person } } },
    }),
  ]);
  return [
    ...reviews.map((system) => ({
      itemKey: `review:${system.reference}`,
      dueOn: system.nextReviewDate!,
      title: `The review of ${system.reference} ${system.name}`,
      person: system.owner!,
      buttons: [button("Mark reviewed", `review:${system.reference}`, "done"), ...snoozeButtons(`review:${system.reference}`)],
    })),
    ...attestations.map((system) => ({
      itemKey: `attestation:${system.reference}`,
      dueOn: addMonths(system.lastAttestedAt ?? system.createdAt, settings.attestationMonths),
      // A system never confirmed is due its first confirmation, counted from its registration.
      title: system.lastAttestedAt
        ? `Your confirmation that the inventory entry ${system.reference} ${system.name} is still accurate`
        : `Your first confirmation that the inventory entry ${system.reference} ${system.name} is accurate (registered ${displayDate(system.createdAt)}, never confirmed since)`,
      person: system.owner!,
      buttons: [button("Still accurate", `attestation:${system.reference}`, "still_accurate"), button("Update", `attestation:${system.reference}`, "update"), ...snoozeButtons(`attestation:${system.reference}`)],
    })),
    ...actions.map((action) => ({
      itemKey: `action:${action.reference}`,
      dueOn: action.dueDate,
      title: `Corrective action ${action.reference}: ${action.description}`,
      person: action.owner,
      buttons: [button("Mark done", `action:${action.reference}`, "done"), ...snoozeButtons(`action:${action.reference}`)],
    })),
    ...audits.map((review) => ({
      itemKey: `audit:${review.reference}`,
      dueOn: review.scheduledOn,
      title: `${review.kind === "internal_audit" ? "The internal audit" : "The management review"} ${review.reference} (${review.scope})`,
      person: review.lead!,
      buttons: [button("Mark held", `audit:${review.reference}`, "done"), ...snoozeButtons(`audit:${review.reference}`)],
    })),
    ...trainings.map((training) => ({
      itemKey: `training:${training.reference}`,
      dueOn: training.validUntil!,
      title: `Your training "${training.course}" (${training.reference})`,
      dueVerbs: { coming: "expires", past: "expired", then: "book the renewal" },
      person: training.person,
      buttons: snoozeButtons(`training:${training.reference}`),
    })),
    ...impacts.map((assessment) => ({
      itemKey: `impact:${assessment.reference}`,
      dueOn: assessment.reassessOn,
      title: `The re-assessment of the impact of ${assessment.system.reference} ${assessment.system.name} (${assessment.reference})`,
      person: assessment.system.owner!,
      buttons: [{ label: "Assess again", input: { kind: "record_action", reference: assessment.reference, action: "reassess" } } as NoticeButton, ...snoozeButtons(`impact:${assessment.reference}`)],
    })),
    ...risks.map((risk) => ({
      itemKey: `risk:${risk.reference}`,
      dueOn: risk.reviewDate,
      title: `The review of risk ${risk.reference} on ${risk.system.reference} ${risk.system.name}`,
      person: risk.system.owner!,
      buttons: [
        { label: "Reviewed, still accurate", input: { kind: "record_action", reference: risk.reference, action: "reviewed" } } satisfies NoticeButton,
        { label: "View risk", input: { kind: "record_action", reference: risk.reference, action: "view" } } satisfies NoticeButton,
        ...snoozeButtons(`risk:${risk.reference}`),
      ],
    })),
    ...(await supplierReviewsDue(prisma, oldest, horizon)),
    ...(await policyDueItems(prisma, oldest, horizon)),
    ...(await treatmentDueItems(prisma, oldest, horizon)),
    ...(await measurementDueItems(prisma, oldest, horizon)),
    ...(await contextDueItems(prisma, oldest, horizon)),
    ...(await datasetReviewsDue(prisma, oldest, horizon)),
    ...(await obligationReviewsDue(prisma, oldest, horizon)),
  ].filter((item) => item.dueOn.getTime() >= oldest.getTime());
}

/** Queues today's reminders (and escalations) for everything due; returns how many were new. */
export async function queueReminders(prisma: PrismaClient, now: Date, settings: ReminderSettings): Promise<number> {
  const items = await dueItems(prisma, now, settings);
  const snoozed = new Set(
    (await prisma.reminderState.findMany({ where: { itemKey: { in: items.map((item) => item.itemKey) }, snoozedUntil: { gt: now } } })).map((state) => state.itemKey),
  );
  const before = await prisma.notification.count();
  for (const item of items) {
    if (snoozed.has(item.itemKey)) continue;
    const stage = stageOf(item.dueOn, now, settings);
    if (!stage) continue;
    await prisma.$transaction(async (tx) => {
      await remind(tx, item, stageKey(stage), now, settings);
      if (stage.kind === "overdue" && shouldEscalate(item.dueOn, now, settings)) await escalate(tx, item, now);
    });
  }
  await queueTriageReminders(prisma, now, settings);
  return (await prisma.notification.count()) - before;
}

async function remind(tx: Prisma.TransactionClient, item: DueItem, stage: string, now: Date, settings: ReminderSettings): Promise<void> {
  const overdue = daysUntil(item.dueOn, now) < 0;
  await enqueueNotice(
    tx,
    personAudience(item.person.id),
    {
      kind: "reminder",
      subject: overdue ? `Overdue: ${item.title}` : `Reminder: ${item.title}`,
      text: dueSentence(item, now),
      recordRef: item.itemKey,
      actions: item.buttons,
    },
    { occurrence: `${item.dueOn.toISOString().slice(0, 10)}:${stage}`, privateOnly: true, notBefore: nextWorkingMoment(now, item.person.timeZone, settings.workingHours) },
  );
}

/** "… is due in 7 days (10 April 2026).", "… was due yesterday (…).", "Your training … expires tomorrow (…): book the renewal." */
function dueSentence(item: DueItem, now: Date): string {
  const verbs: NonNullable<DueItem["dueVerbs"]> = item.dueVerbs ?? { coming: "is due", past: "was due" };
  const verb = daysUntil(item.dueOn, now) < 0 ? verbs.past : verbs.coming;
  const then = verbs.then ? `: ${verbs.then}` : "";
  // A description that ends a sentence of its own ("Add tests.") must not end up as "Add tests. is due".
  return `${item.title.replace(/[.!?;:,\s]+$/, "")} ${verb} ${dueWording(item.dueOn, now)}${then}.`;
}

/** Long overdue: the governance team, and the person's manager when we know them, hear of it once. */
async function escalate(tx: Prisma.TransactionClient, item: DueItem, now: Date): Promise<void> {
  const notice = {
    kind: "reminder_escalation",
    subject: `Overdue for a while: ${item.title}`,
    text: `${dueSentence(item, now).replace(/\.$/, "")} and is still open.`,
    recordRef: item.itemKey,
  };
  const occurrence = item.dueOn.toISOString().slice(0, 10);
  await enqueueNotice(tx, governanceAudience, notice, { occurrence, privateOnly: true });
  if (item.person.managerId) await enqueueNotice(tx, personAudience(item.person.managerId), notice, { occurrence, privateOnly: true });
}

/** Incidents nobody has triaged: SEV1 after an hour, the others after a working day. */
async function queueTriageReminders(prisma: PrismaClient, now: Date, settings: ReminderSettings): Promise<void> {
  const waiting = await prisma.incident.findMany({ where: { status: "reported", reportedAt: { lte: new Date(now.getTime() - hour) } }, select: { reference: true, severity: true, reportedAt: true } });
  for (const incident of waiting) {
    const overdue = incident.severity === "sev1" || nextWorkingMoment(new Date(incident.reportedAt.getTime() + day), "UTC", settings.workingHours) <= now;
    if (!overdue) continue;
    await prisma.$transaction((tx) =>
      enqueueNotice(
        tx,
        governanceAudience,
        {
          kind: "triage_overdue",
          subject: `${incident.reference}, ${severityLabels[incident.severity]}, is waiting for triage`,
          text: `${incident.reference} was reported ${dueWording(incident.reportedAt, now).replace(/ \(.*\)$/, "")} and has not been acknowledged yet.`,
          recordRef: incident.reference,
          actions: [{ label: "Acknowledge", input: { kind: "incident_action", reference: incident.reference, action: "acknowledge" } }, { label: "View details", input: { kind: "incident_action", reference: incident.reference, action: "view" } }],
        },
        // Governance DMs only: the notice names no details, but a channel is not where triage lapses are discussed.
        { privateOnly: true },
      ),
    );
  }
}
