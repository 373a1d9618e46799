// Loads checked inventory rows as AI system entries, and asks each owner, in one direct message, to
// confirm or correct what was imported for them. An entry with unanswered registration questions is
// kept as "incomplete" (a draft with no guessed tier): its owner completes it through the same
// re-attestation conversation as an update, which asks only what is missing, and it then goes for
// approval like any registration. Everything, DMs included, is written in one transaction.
import type { AiSystem, Prisma, PrismaClient } from "../generated/prisma/client.js";
import { nextReviewDate, type ReviewIntervals } from "../domain/reviewSchedule.js";
import { riskTierLabels } from "../domain/labels.js";
import type { Notice, NoticeButton } from "../domain/governanceNotices.js";
import { AiSystemStore } from "../store/aiSystems.js";
import type { Actor } from "../store/changeHistory.js";
import { enqueueNotice, personAudience } from "../store/notifications.js";
import { registrationQuestions, type InventoryContext, type InventoryEntry } from "./inventoryRows.js";

export const inventoryConfirmationKind = "inventory_confirmation";

export interface InventoryImportSummary {
  systems: { reference: string; name: string; tier: string; ownerEmail: string }[];
  owners: number;
}

export async function inventoryContext(prisma: PrismaClient): Promise<InventoryContext> {
  const [people, systems] = await Promise.all([
    prisma.person.findMany({ where: { email: { not: null } }, select: { id: true, email: true } }),
    prisma.aiSystem.findMany({ select: { name: true, reference: true } }),
  ]);
  return {
    ownerIdByEmail: new Map(people.map((person) => [person.email!.toLowerCase(), person.id])),
    referenceByName: new Map(systems.map((system) => [system.name.toLowerCase(), system.reference])),
  };
}

export async function importInventory(prisma: PrismaClient, entries: InventoryEntry[], options: { actor: Actor; now: Date; intervals: ReviewIntervals }): Promise<InventoryImportSummary> {
  return prisma.$transaction(
    async (tx) => {
      const created: { entry: InventoryEntry; system: AiSystem }[] = [];
      for (const entry of entries) created.push({ entry, system: await createEntry(tx, entry, options) });
      const byOwner = new Map<string, { entry: InventoryEntry; system: AiSystem }[]>();
      for (const item of created) {
        if (item.system.status === "retired") continue; // nothing to confirm about a system no longer used
        byOwner.set(item.entry.ownerId, [...(byOwner.get(item.entry.ownerId) ?? []), item]);
      }
      for (const [ownerId, items] of byOwner) await enqueueNotice(tx, personAudience(ownerId), confirmationNotice(items));
      return {
        systems: created.map(({ entry, system }) => ({ reference: system.reference, name: system.name, tier: tierText(entry), ownerEmail: entry.ownerEmail })),
        owners: byOwner.size,
      };
    },
    { timeout: 120_000 },
  );
}

const tierText = (entry: InventoryEntry) => (entry.missing.length > 0 ? "incomplete" : riskTierLabels[entry.tier!.tier].toLowerCase());

function createEntry(tx: Prisma.TransactionClient, entry: InventoryEntry, options: { actor: Actor; now: Date; intervals: ReviewIntervals }): Promise<AiSystem> {
  const complete = entry.missing.length === 0;
  return new AiSystemStore(tx).register(
    {
      name: entry.name,
      aliases: entry.aliases,
      purpose: entry.purpose,
      intendedUse: entry.intendedUse,
      kind: entry.kind,
      vendor: entry.kind === "internal_model" ? null : entry.vendor,
      businessUnit: entry.businessUnit,
      ownerId: entry.ownerId,
      dataCategories: entry.dataCategories ?? [],
      affectedParties: entry.affectedParties ?? [],
      autonomyLevel: entry.autonomyLevel,
      regulatedDomain: entry.regulatedDomain,
      lifecycleStage: entry.lifecycleStage,
      inAimsScope: entry.inAimsScope,
      riskTier: entry.tier?.tier ?? null,
      riskTierReasons: entry.tier?.reasons ?? [],
      // Incomplete entries wait for their owner's answers (completing one sends it for approval).
      status: entry.lifecycleStage === "retired" ? "retired" : complete ? "pending_review" : "draft",
      nextReviewDate: complete && entry.tier ? nextReviewDate(entry.tier.tier, options.now, options.intervals) : null,
      // Not attested until the owner confirms it: governance sees who has not answered.
      lastAttestedAt: null,
      createdVia: "import",
    },
    options.actor,
  );
}

/** One DM per owner: each imported entry with what is recorded, and a button to confirm or correct it. */
function confirmationNotice(items: { entry: InventoryEntry; system: AiSystem }[]): Notice {
  const lines = items.map(({ entry, system }) =>
    entry.missing.length > 0
      ? `• ${system.reference} ${system.name}: incomplete, please answer ${entry.missing.map((question) => registrationQuestions[question]).join(", ")}.`
      : `• ${system.reference} ${system.name}: ${riskTierLabels[entry.tier!.tier]} risk tier (${entry.tier!.reasons.join(" ")}).`,
  );
  const buttons: NoticeButton[] = items.flatMap(({ entry, system }) =>
    entry.missing.length > 0
      ? [{ label: `Complete ${system.reference}`, input: { kind: "reminder_action", item: `attestation:${system.reference}`, action: "update" } }]
      : [
          { label: `Confirm ${system.reference}`, input: { kind: "reminder_action", item: `attestation:${system.reference}`, action: "still_accurate" } },
          { label: `Correct ${system.reference}`, input: { kind: "reminder_action", item: `attestation:${system.reference}`, action: "update" } },
        ],
  );
  return {
    kind: inventoryConfirmationKind,
    subject: `Please confirm ${items.length === 1 ? "the AI system" : `${items.length} AI systems`} imported with you as owner`,
    text: [
      "The AI inventory was imported into our AI management system, with you as the owner of:",
      ...lines,
      "Please confirm each entry if it is accurate, or correct it (the questions come pre-filled; you change only what is wrong).",
    ].join("\n"),
    recordRef: `import:${items.map(({ system }) => system.reference).join(",")}`,
    actions: buttons.slice(0, 24),
  };
}

/** Imported entries whose owner has not confirmed or completed them yet, for the governance team. */
export function unconfirmedImports(prisma: PrismaClient) {
  return prisma.aiSystem.findMany({
    where: { createdVia: "import", lastAttestedAt: null, status: { not: "retired" } },
    orderBy: { reference: "asc" },
    include: { owner: { select: { displayName: true, email: true } } },
  });
}
