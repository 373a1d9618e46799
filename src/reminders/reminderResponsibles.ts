// Who answers for a reminder, by the kind of item it is about: the person whose button presses on it
// count besides the governance team's. One lookup per kind, so a new kind of reminder adds a line here.
import type { PrismaClient } from "../generated/prisma/client.js";
import { policyItemResponsible } from "../policyDocuments/policyReminders.js";
import { lookUpWord, type WordTable } from "../domain/wordTable.js";
import { registerReviewKinds, registerReviewOwner } from "./registerReviewOwners.js";

/** The responsible person's id; undefined when the record no longer exists. */
type ResponsibleLookup = (prisma: PrismaClient, reference: string, kind: string) => Promise<string | null | undefined>;

const systemOwner: ResponsibleLookup = async (prisma, reference) => (await prisma.aiSystem.findUnique({ where: { reference } }))?.ownerId;
const ownerOfSystemBehind = { select: { system: { select: { ownerId: true } } } } as const;

const registerReviewLookups = Object.fromEntries(
  registerReviewKinds.map((kind): [string, ResponsibleLookup] => [kind, (prisma, reference) => registerReviewOwner(prisma, kind, reference)]),
);

const responsibleByKind: WordTable<ResponsibleLookup> = {
  review: systemOwner,
  attestation: systemOwner,
  action: async (prisma, reference) => (await prisma.correctiveAction.findUnique({ where: { reference } }))?.ownerId,
  audit: async (prisma, reference) => (await prisma.scheduledReview.findUnique({ where: { reference } }))?.leadId,
  training: async (prisma, reference) => (await prisma.trainingRecord.findUnique({ where: { reference } }))?.personId,
  impact: async (prisma, reference) => (await prisma.impactAssessment.findUnique({ where: { reference }, ...ownerOfSystemBehind }))?.system.ownerId,
  risk: async (prisma, reference) => (await prisma.risk.findUnique({ where: { reference }, ...ownerOfSystemBehind }))?.system.ownerId,
  policy: (prisma, reference, kind) => policyItemResponsible(prisma, kind, reference),
  acknowledge: (prisma, reference, kind) => policyItemResponsible(prisma, kind, reference),
  treatment: async (prisma, reference) => (await prisma.treatmentAction.findUnique({ where: { reference } }))?.ownerId,
  measure: async (prisma, reference) => (await prisma.aiObjective.findUnique({ where: { reference } }))?.ownerId,
  ...registerReviewLookups,
};

/** Who answers for the reminder's item; undefined when it, or its kind, is unknown. */
export async function reminderResponsible(prisma: PrismaClient, kind: string, reference: string): Promise<string | null | undefined> {
  const lookup = lookUpWord(responsibleByKind, kind);
  return lookup ? lookup(prisma, reference, kind) : undefined;
}
