// The append-only change history of governance records (ISO/IEC 42001 7.5). Entries are
// written in the same transaction as the change they describe, so neither exists without the other.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { ChangeAction, Channel } from "../generated/prisma/enums.js";

/** Who made a change and through which surface. personId is null for anonymous and system changes. */
export interface Actor {
  personId: string | null;
  label: string;
  channel: Channel;
}

export const systemActor = (channel: Channel = "system"): Actor => ({ personId: null, label: "system", channel });
export const anonymousActor = (channel: Channel): Actor => ({ personId: null, label: "anonymous", channel });

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Bookkeeping columns that change on every write and say nothing an auditor needs. */
const untrackedFields = new Set(["updatedAt", "createdAt", "id"]);

export function fieldChanges(before: object | null, after: object): FieldChanges {
  const changes: FieldChanges = {};
  const previous = (before ?? {}) as Record<string, unknown>;
  for (const [field, value] of Object.entries(after)) {
    if (untrackedFields.has(field)) continue;
    const from = comparable(previous[field]);
    const to = comparable(value);
    if (before === null ? to !== null : JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

function comparable(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

export interface ChangeEntry {
  actor: Actor;
  entityType: string;
  entityId: string;
  entityRef?: string | null;
  action: ChangeAction;
  changes: FieldChanges;
}

export async function appendChange(tx: Prisma.TransactionClient, entry: ChangeEntry): Promise<void> {
  await tx.changeLog.create({
    data: {
      actorId: entry.actor.personId,
      actorLabel: entry.actor.label,
      channel: entry.actor.channel,
      entityType: entry.entityType,
      entityId: entry.entityId,
      entityRef: entry.entityRef ?? null,
      action: entry.action,
      changes: entry.changes as Prisma.InputJsonValue,
    },
  });
}

export async function historyOf(prisma: PrismaClient, entityType: string, entityId: string) {
  return prisma.changeLog.findMany({ where: { entityType, entityId }, orderBy: { id: "asc" } });
}

/** The most recent entry per record of one type, for exports ("last changed by whom, when"). */
export async function latestChanges(prisma: PrismaClient, entityType: string) {
  const rows = await prisma.changeLog.findMany({
    where: { entityType },
    distinct: ["entityId"],
    orderBy: [{ entityId: "asc" }, { id: "desc" }],
  });
  return new Map(rows.map((row) => [row.entityId, row]));
}

/** The export columns that say who changed a record last, when and through which channel. */
export const latestChangeColumns = ["lastChangedAt", "lastChangedBy", "lastChangeAction", "lastChangeChannel"] as const;

/** A record's latest change (from latestChanges) as those columns; all null when it has none. */
export function latestChangeOf(change: { at: Date; actorLabel: string; action: string; channel: string } | undefined) {
  return {
    lastChangedAt: change?.at ?? null,
    lastChangedBy: change?.actorLabel ?? null,
    lastChangeAction: change?.action ?? null,
    lastChangeChannel: change?.channel ?? null,
  };
}
