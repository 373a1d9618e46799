// What risk treatment adds to the reminders: each open treatment action, to its owner, like a corrective action.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { NoticeButton } from "../domain/governanceNotices.js";

const reminderButton = (label: string, item: string, action: string): NoticeButton => ({ label, input: { kind: "reminder_action", item, action } });

export async function treatmentDueItems(prisma: PrismaClient, from: Date, to: Date) {
  const actions = await prisma.treatmentAction.findMany({
    where: { status: "open", dueDate: { gte: from, lte: to } },
    include: { owner: { select: { id: true, timeZone: true, managerId: true } }, risk: { select: { reference: true } } },
  });
  return actions.map((action) => ({
    itemKey: `treatment:${action.reference}`,
    dueOn: action.dueDate,
    title: `Risk treatment action ${action.reference} (${action.risk.reference}): ${action.description}`,
    person: action.owner,
    buttons: [
      { label: "Mark done", input: { kind: "record_action", reference: action.reference, action: "done" } } satisfies NoticeButton,
      reminderButton("Snooze 1 day", `treatment:${action.reference}`, "snooze_day"),
      reminderButton("Snooze 1 week", `treatment:${action.reference}`, "snooze_week"),
    ],
  }));
}
