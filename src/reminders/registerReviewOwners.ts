// Who answers for the review reminders of the registers reviewed on a date, so that their snoozes are
// checked like any other: the supplier relationship's owner, the dataset's owner, the obligation's owner.
import type { PrismaClient } from "../generated/prisma/client.js";

export const registerReviewKinds = ["supplier", "dataset", "obligation"] as const;
type RegisterReviewKind = (typeof registerReviewKinds)[number];

const ownerOnly = { select: { ownerId: true } } as const;
const ownerLookups: Record<RegisterReviewKind, (prisma: PrismaClient, reference: string) => Promise<{ ownerId: string } | null>> = {
  supplier: (prisma, reference) => prisma.supplier.findUnique({ where: { reference }, ...ownerOnly }),
  dataset: (prisma, reference) => prisma.dataset.findUnique({ where: { reference }, ...ownerOnly }),
  obligation: (prisma, reference) => prisma.customerObligation.findUnique({ where: { reference }, ...ownerOnly }),
};

/** The owner's id, or undefined when the record no longer exists. */
export async function registerReviewOwner(prisma: PrismaClient, kind: RegisterReviewKind, reference: string): Promise<string | undefined> {
  return (await ownerLookups[kind](prisma, reference))?.ownerId;
}
