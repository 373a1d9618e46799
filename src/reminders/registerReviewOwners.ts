// Who answers for the review reminders of the registers reviewed on a date, so that their snoozes are
// checked like any other: the supplier relationship's owner, the dataset's owner, the obligation's owner.
import type { PrismaClient } from "../generated/prisma/client.js";

export const registerReviewKinds = ["supplier", "dataset", "obligation"] as const;

export const isRegisterReviewKind = (kind: string): kind is (typeof registerReviewKinds)[number] => (registerReviewKinds as readonly string[]).includes(kind);

/** The owner's id, or undefined when the record no longer exists. */
export async function registerReviewOwner(prisma: PrismaClient, kind: (typeof registerReviewKinds)[number], reference: string): Promise<string | undefined> {
  const where = { where: { reference }, select: { ownerId: true } } as const;
  const record = kind === "supplier" ? await prisma.supplier.findUnique(where) : kind === "dataset" ? await prisma.dataset.findUnique(where) : await prisma.customerObligation.findUnique(where);
  return record?.ownerId;
}
