// What the organisation's context adds to the reminders: an issue or an interested party whose review
// date comes, to each governance member (they keep the context; no one person owns it). "edit CTX-0001"
// reviews it and sets the next date.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { NoticeButton } from "../domain/governanceNotices.js";

const reminderButton = (label: string, item: string, action: string): NoticeButton => ({ label, input: { kind: "reminder_action", item, action } });

export async function contextDueItems(prisma: PrismaClient, from: Date, to: Date) {
  const due = { reviewOn: { gte: from, lte: to } };
  const [issues, parties, governance] = await Promise.all([
    prisma.contextIssue.findMany({ where: due, select: { reference: true, description: true, reviewOn: true } }),
    prisma.interestedParty.findMany({ where: due, select: { reference: true, name: true, reviewOn: true } }),
    prisma.person.findMany({ where: { roles: { has: "governance" } }, select: { id: true, timeZone: true, managerId: true } }),
  ]);
  const records = [
    ...issues.map((issue) => ({ reference: issue.reference, dueOn: issue.reviewOn, title: `The review of context issue ${issue.reference} ("edit ${issue.reference}")` })),
    ...parties.map((party) => ({ reference: party.reference, dueOn: party.reviewOn, title: `The review of interested party ${party.reference} ${party.name} ("edit ${party.reference}")` })),
  ];
  return records.flatMap((record) =>
    governance.map((person) => ({
      itemKey: `context:${record.reference}`,
      dueOn: record.dueOn,
      title: record.title,
      person,
      buttons: [reminderButton("Snooze 1 day", `context:${record.reference}`, "snooze_day"), reminderButton("Snooze 1 week", `context:${record.reference}`, "snooze_week")],
    })),
  );
}
