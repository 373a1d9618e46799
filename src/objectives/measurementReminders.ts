// What objective measurement adds to the reminders: an objective still being pursued whose next
// result is due (one period after the last result, or after it was set), to its owner, with a
// button that opens the short conversation recording the result.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { NoticeButton } from "../domain/governanceNotices.js";
import { nextMeasurementDue } from "../domain/measurement.js";

const reminderButton = (label: string, item: string, action: string): NoticeButton => ({ label, input: { kind: "reminder_action", item, action } });

export async function measurementDueItems(prisma: PrismaClient, from: Date, to: Date) {
  const objectives = await prisma.aiObjective.findMany({
    where: { frequency: { not: null }, status: { in: ["not_started", "on_track", "at_risk"] } },
    include: { owner: { select: { id: true, timeZone: true, managerId: true } }, measurements: { orderBy: { measuredOn: "desc" }, take: 1, select: { measuredOn: true } } },
  });
  return objectives
    .map((objective) => ({ objective, dueOn: nextMeasurementDue(objective.frequency!, objective.measurements[0]?.measuredOn ?? null, objective.createdAt) }))
    .filter(({ dueOn }) => dueOn.getTime() >= from.getTime() && dueOn.getTime() <= to.getTime())
    .map(({ objective, dueOn }) => ({
      itemKey: `measure:${objective.reference}`,
      dueOn,
      title: `The next result of ${objective.reference} (${objective.metric ?? objective.objective})`,
      person: objective.owner,
      buttons: [
        { label: "Record the result", input: { kind: "record_action", reference: objective.reference, action: "measure" } } satisfies NoticeButton,
        reminderButton("Snooze 1 day", `measure:${objective.reference}`, "snooze_day"),
        reminderButton("Snooze 1 week", `measure:${objective.reference}`, "snooze_week"),
      ],
    }));
}
