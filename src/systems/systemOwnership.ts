// Who registered a system and who owns it are two people: the owner named by a colleague is told,
// and may decline. Ownership then goes back to the person who registered it (a system is never
// left without an owner), and the governance team is told so they can find the right one.
import type { Prisma } from "../generated/prisma/client.js";
import { ActionRefused } from "../domain/actionRefused.js";
import type { Notice, NoticeButton } from "../domain/governanceNotices.js";
import { AiSystemStore } from "../store/aiSystems.js";
import type { Acting } from "../store/acting.js";
import { enqueueNotice, governanceAudience, personAudience } from "../store/notifications.js";
import { inTransaction, type Db } from "../store/recordWriter.js";

export const declineOwnershipAction = "decline_ownership";

const declineButton = (reference: string): NoticeButton => ({ label: "Decline ownership", input: { kind: "record_action", reference, action: declineOwnershipAction } });

/** Tells a named owner who put their name on the system, and lets them decline. */
export async function tellNamedOwner(
  tx: Prisma.TransactionClient,
  system: { reference: string; name: string; ownerId: string | null },
  registeredBy: { personId: string; displayName: string },
): Promise<boolean> {
  if (!system.ownerId || system.ownerId === registeredBy.personId) return false;
  const notice: Notice = {
    kind: "system_owner_named",
    subject: `You are named owner of ${system.reference}`,
    text:
      `${registeredBy.displayName} registered ${system.reference} "${system.name}" and named you its owner: you answer for its reviews, ` +
      `re-attestations and incidents. If it is not yours, decline and say why; ownership then goes back to ${registeredBy.displayName}, who is told with the governance team.`,
    recordRef: system.reference,
    actions: [declineButton(system.reference)],
  };
  await enqueueNotice(tx, personAudience(system.ownerId), notice, { privateOnly: true });
  return true;
}

/** Refuses, before a reason is asked for, a decline this person cannot make; returns who would own it again. */
export async function checkDecline(db: Db, reference: string, personId: string) {
  const system = await db.aiSystem.findUnique({ where: { reference }, include: { reportedBy: { select: { id: true, displayName: true } } } });
  if (!system) throw new ActionRefused(`${reference} is not in the AI system inventory.`);
  if (system.ownerId !== personId) throw new ActionRefused(`Only the owner of ${reference} can decline its ownership.`);
  const registrant = system.reportedBy;
  if (!registrant || registrant.id === system.ownerId) {
    throw new ActionRefused(`You registered ${reference} yourself, so there is nobody to hand it back to. Ask the governance team to name another owner.`);
  }
  return { system, registrant };
}

/** The named owner declines, saying why: the person who registered it owns it again, and they and governance read the reason. */
export async function declineOwnership(db: Db, reference: string, reason: string, acting: Acting): Promise<{ returnedTo: string }> {
  return inTransaction(db, async (tx) => {
    const { system, registrant } = await checkDecline(tx, reference, acting.viewer.personId);
    await new AiSystemStore(tx).update(reference, { ownerId: registrant.id }, acting.actor, `Ownership declined: ${reason}`);
    const declined = `${acting.actor.label} declined ownership of ${reference} "${system.name}"`;
    await enqueueNotice(tx, governanceAudience, {
      kind: "system_owner_declined",
      subject: `${acting.actor.label} declined ownership of ${reference}`,
      text: `${declined}, which ${registrant.displayName} registered and named them owner of. Their reason: ${reason}\n${registrant.displayName} owns it again until the right owner is found.`,
      recordRef: reference,
    });
    await enqueueNotice(
      tx,
      personAudience(registrant.id),
      { kind: "system_owner_declined", subject: `${reference} is yours again`, text: `${declined}, so you own it again. Their reason: ${reason}\nThe governance team has been told.`, recordRef: reference },
      { privateOnly: true },
    );
    return { returnedTo: registrant.displayName };
  });
}
