// Creates and updates governance records together with their change-history entry, in one
// transaction. Every store goes through here, so no write can skip the audit trail.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { appendChange, fieldChanges, type Actor } from "./changeHistory.js";
import { nextReference, type ReferencePrefix } from "./references.js";

/** The client, or a transaction already open (a conversation saving its record as it closes). */
export type Db = PrismaClient | Prisma.TransactionClient;
/** The open transaction a flow saves its record in. */
export type Transaction = Prisma.TransactionClient;

/** Runs `work` in a transaction: the caller's when it has one, a new one otherwise. */
export function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // A transaction client lacks $disconnect; nested transactions (savepoints) are not supported by every adapter.
  return "$disconnect" in db ? (db as PrismaClient).$transaction(work) : work(db);
}

interface GovernanceRecord {
  id: string;
  reference: string;
  status?: string;
}

export async function createRecord<T extends GovernanceRecord>(
  db: Db,
  options: {
    entityType: string;
    prefix: ReferencePrefix;
    actor: Actor;
    create: (tx: Prisma.TransactionClient, reference: string) => Promise<T>;
  },
): Promise<T> {
  return inTransaction(db, async (tx) => {
    const record = await options.create(tx, await nextReference(tx, options.prefix));
    await appendChange(tx, {
      actor: options.actor,
      entityType: options.entityType,
      entityId: record.id,
      entityRef: record.reference,
      action: "create",
      changes: fieldChanges(null, record),
    });
    return record;
  });
}

export class RecordNotFoundError extends Error {
  constructor(entityType: string, key: string) {
    super(`${entityType} ${key} does not exist`);
    this.name = "RecordNotFoundError";
  }
}

export async function updateRecord<T extends GovernanceRecord>(
  db: Db,
  options: {
    entityType: string;
    key: string;
    actor: Actor;
    load: (tx: Prisma.TransactionClient) => Promise<T | null>;
    update: (tx: Prisma.TransactionClient, current: T) => Promise<T>;
    /** Why it changed, kept in the change history beside the fields (e.g. a declined ownership). */
    reason?: string;
  },
): Promise<T> {
  return inTransaction(db, async (tx) => {
    const before = await options.load(tx);
    if (!before) throw new RecordNotFoundError(options.entityType, options.key);
    const after = await options.update(tx, before);
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length > 0) {
      if (options.reason) changes.reason = { from: null, to: options.reason };
      await appendChange(tx, {
        actor: options.actor,
        entityType: options.entityType,
        entityId: after.id,
        entityRef: after.reference,
        action: "status" in changes ? "status_change" : "update",
        changes,
      });
    }
    return after;
  });
}
