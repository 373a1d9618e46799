// What the policy register adds to the reminders: a policy's review date (to its owner) and each
// unconfirmed acknowledgement of an open campaign (to the person asked). Shaped as the reminder scan's
// due items; the scan decides the stages, working hours and escalation as for everything else.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { NoticeButton } from "../domain/governanceNotices.js";
import { acknowledgementItem, readItButton } from "./acknowledgementCampaigns.js";
import { versionLabel } from "./policyRegister.js";

const reminderButton = (label: string, item: string, action: string): NoticeButton => ({ label, input: { kind: "reminder_action", item, action } });
const snoozes = (item: string) => [reminderButton("Snooze 1 day", item, "snooze_day"), reminderButton("Snooze 1 week", item, "snooze_week")];
const person = { select: { id: true, timeZone: true, managerId: true } } as const;

export async function policyDueItems(prisma: PrismaClient, from: Date, to: Date) {
  const [documents, pending] = await Promise.all([
    prisma.policyDocument.findMany({ where: { present: true, ownerId: { not: null }, nextReviewOn: { gte: from, lte: to } }, include: { owner: person } }),
    prisma.acknowledgement.findMany({
      where: { acknowledgedAt: null, campaign: { status: "open", dueOn: { gte: from, lte: to } } },
      include: { person, campaign: { include: { document: { select: { title: true } }, version: true } } },
    }),
  ]);
  return [
    ...documents.map((document) => ({
      itemKey: `policy:${document.reference}`,
      dueOn: document.nextReviewOn!,
      title: `The review of the policy ${document.reference} ${document.title}`,
      person: document.owner!,
      buttons: [reminderButton("Mark reviewed", `policy:${document.reference}`, "done"), ...snoozes(`policy:${document.reference}`)],
    })),
    ...pending.map((row) => {
      const item = acknowledgementItem(row.campaign.reference, row.personId);
      return {
        itemKey: item,
        dueOn: row.campaign.dueOn,
        title: `Reading ${row.campaign.document.title} (${versionLabel(row.campaign.version)}) and confirming it (${row.campaign.reference})`,
        person: row.person,
        buttons: [readItButton(row.campaign.reference), ...snoozes(item)],
      };
    }),
  ];
}

/** Who answers for a policy reminder item: the document's owner, or the person asked to read. */
export async function policyItemResponsible(prisma: PrismaClient, kind: string, reference: string): Promise<string | null | undefined> {
  if (kind === "policy") return (await prisma.policyDocument.findUnique({ where: { reference } }))?.ownerId;
  const [campaign, personId] = reference.split("/");
  const row = campaign && personId ? await prisma.acknowledgement.findFirst({ where: { personId, campaign: { reference: campaign } } }) : null;
  return row ? row.personId : undefined;
}
