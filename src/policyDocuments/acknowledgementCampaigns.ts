// Acknowledgement campaigns (ISO/IEC 42001 7.3 awareness, A.2.2): the governance team asks everyone,
// or everyone with one role, to confirm they have read the approved version of a policy. Each person
// gets a direct message with the summary and "I have read it"; reminders chase those who have not.
import type { Prisma } from "../generated/prisma/client.js";
import type { Channel, Role } from "../generated/prisma/enums.js";
import { ActionRefused } from "../domain/actionRefused.js";
import type { NoticeButton } from "../domain/governanceNotices.js";
import { appendChange, type Actor } from "../store/changeHistory.js";
import { enqueueNotice, personAudience } from "../store/notifications.js";
import { createRecord, inTransaction, type Db } from "../store/recordWriter.js";
import { loadDocument, versionLabel } from "./policyRegister.js";
import { displayDate } from "../domain/dateDisplay.js";

export const campaignEntity = "AcknowledgementCampaign";
export const acknowledgementEntity = "Acknowledgement";

export const audienceLabels: Record<string, string> = { everyone: "everyone", owner: "AI system owners", manager: "managers", auditor: "auditors", governance: "the governance team" };

export const readItButton = (reference: string): NoticeButton => ({ label: "I have read it", input: { kind: "record_action", reference, action: "acknowledge" } });

/** Starts a campaign for the latest approved version and asks each person in the audience. */
export function startCampaign(db: Db, input: { documentReference: string; audience: string; dueOn: Date; actor: Actor & { personId: string }; notify?: boolean }) {
  return inTransaction(db, async (tx) => {
    const document = await loadDocument(tx, input.documentReference);
    if (!document) throw new ActionRefused(`${input.documentReference} is not in the policy register.`);
    const version = document.versions.find((candidate) => candidate.approvedOn !== null);
    if (!version) throw new ActionRefused(`${document.reference} has no approved version yet: approve it first ("approve ${document.reference}").`);
    const people = await tx.person.findMany({ where: input.audience === "everyone" ? {} : { roles: { has: input.audience as Role } }, select: { id: true } });
    if (people.length === 0) throw new ActionRefused(`Nobody has the role ${input.audience}, so there is nobody to ask.`);
    const campaign = await createRecord(tx, {
      entityType: campaignEntity,
      prefix: "ACK",
      actor: input.actor,
      create: (inner, reference) =>
        inner.acknowledgementCampaign.create({
          data: { reference, documentId: document.id, versionId: version.id, audience: input.audience, dueOn: input.dueOn, startedById: input.actor.personId, createdVia: input.actor.channel },
        }),
    });
    await tx.acknowledgement.createMany({ data: people.map((person) => ({ campaignId: campaign.id, personId: person.id })) });
    const notice = {
      kind: "policy_acknowledgement_request",
      subject: `Please read: ${document.title} (${versionLabel(version)})`,
      text:
        `${input.actor.label} asks you to read "${document.title}" (${document.fileName}, ${versionLabel(version)}) by ${displayDate(input.dueOn)} and confirm that you have.` +
        `${document.summary ? `\nIn short: ${document.summary}` : ""}\nYou can also ask me any question about it.`,
      recordRef: campaign.reference,
      actions: [readItButton(campaign.reference)],
    };
    // Loading a campaign run before (the demo organisation) records it without sending its messages again.
    if (input.notify !== false) for (const person of people) await enqueueNotice(tx, personAudience(person.id), notice, { privateOnly: true });
    return { campaign, document, version, asked: people.length };
  });
}

/** The person confirms they have read the campaign's policy version. */
export function acknowledge(db: Db, reference: string, person: { personId: string; displayName: string }, channel: Channel, now: Date) {
  return inTransaction(db, async (tx) => {
    const campaign = await tx.acknowledgementCampaign.findUnique({ where: { reference }, include: { document: true, version: true } });
    if (!campaign) throw new ActionRefused(`There is no acknowledgement campaign ${reference}.`);
    const row = await tx.acknowledgement.findUnique({ where: { campaignId_personId: { campaignId: campaign.id, personId: person.personId } } });
    if (campaign.status === "closed" && !row?.acknowledgedAt) throw new ActionRefused(`${reference} is closed: the governance team has taken its final record. Ask them if you need to confirm reading ${campaign.document.title}.`);
    if (!row) throw new ActionRefused(`${reference} did not ask you to read ${campaign.document.title}; nothing to confirm.`);
    const what = `${campaign.document.title} (${versionLabel(campaign.version)})`;
    if (row.acknowledgedAt) return { what, already: row.acknowledgedAt };
    await tx.acknowledgement.update({ where: { id: row.id }, data: { acknowledgedAt: now, channel } });
    await appendChange(tx as Prisma.TransactionClient, {
      actor: { personId: person.personId, label: person.displayName, channel },
      entityType: acknowledgementEntity,
      entityId: row.id,
      entityRef: `${reference} ${person.displayName}`,
      action: "update",
      changes: { acknowledgedAt: { from: null, to: now.toISOString() } },
    });
    // Reminders still queued for it are no longer wanted.
    await tx.notificationDelivery.updateMany({
      where: { status: "pending", notification: { recordRef: acknowledgementItem(reference, person.personId), kind: "reminder" } },
      data: { status: "cancelled", lastError: `acknowledged ${now.toISOString()}` },
    });
    return { what, already: null };
  });
}

/** The reminder item of one person's acknowledgement. */
export const acknowledgementItem = (campaignReference: string, personId: string) => `acknowledge:${campaignReference}/${personId}`;

/** Who has confirmed and who has not, for the campaign's view and its export. */
export async function campaignStatus(db: Db, reference: string) {
  return db.acknowledgementCampaign.findUnique({
    where: { reference },
    include: {
      document: { select: { reference: true, title: true, fileName: true } },
      version: true,
      startedBy: { select: { displayName: true } },
      acknowledgements: { include: { person: { select: { displayName: true, email: true } } }, orderBy: { person: { displayName: "asc" } } },
    },
  });
}

/**
 * Governance closes a campaign: its status becomes closed, and the change history keeps the final
 * record of who had confirmed and who had not at that moment (7.3 evidence). Reminders still queued
 * for it are cancelled, and nobody is asked again.
 */
export function closeCampaign(db: Db, reference: string, actor: Actor, now: Date) {
  return inTransaction(db, async (tx) => {
    const campaign = await tx.acknowledgementCampaign.findUnique({ where: { reference }, include: { document: true, acknowledgements: { include: { person: { select: { displayName: true } } }, orderBy: { person: { displayName: "asc" } } } } });
    if (!campaign) throw new ActionRefused(`There is no acknowledgement campaign ${reference}.`);
    if (campaign.status === "closed") throw new ActionRefused(`${reference} is already closed; "campaign ${reference}" shows its final record.`);
    const confirmed = campaign.acknowledgements.filter((row) => row.acknowledgedAt).map((row) => `${row.person.displayName} (${displayDate(row.acknowledgedAt!)})`);
    const notConfirmed = campaign.acknowledgements.filter((row) => !row.acknowledgedAt).map((row) => row.person.displayName);
    await tx.acknowledgementCampaign.update({ where: { id: campaign.id }, data: { status: "closed" } });
    await appendChange(tx as Prisma.TransactionClient, {
      actor,
      entityType: campaignEntity,
      entityId: campaign.id,
      entityRef: reference,
      action: "status_change",
      changes: { status: { from: "open", to: "closed" }, confirmed: { from: null, to: confirmed }, notConfirmed: { from: null, to: notConfirmed } },
    });
    await tx.notificationDelivery.updateMany({
      where: { status: "pending", notification: { recordRef: { startsWith: `acknowledge:${reference}/` }, kind: "reminder" } },
      data: { status: "cancelled", lastError: `campaign closed ${now.toISOString()}` },
    });
    return { title: campaign.document.title, confirmed, notConfirmed, asked: campaign.acknowledgements.length };
  });
}
