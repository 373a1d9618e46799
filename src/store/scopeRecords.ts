// The one scope record: the first save creates SCP-0001, every later save with a change raises its
// version. Both go through the record writer, so each change is in the change history.
import type { Prisma } from "../generated/prisma/client.js";
import type { Actor } from "./changeHistory.js";
import { createRecord, inTransaction, updateRecord, type Db } from "./recordWriter.js";
import { exclusionsSchema, type ScopeStatement } from "../domain/scopeStatement.js";

export const scopeEntity = "AimsScope";

export type ScopeRecord = ScopeStatement & { id: string; reference: string; version: number; createdAt: Date; updatedAt: Date };

const sameStatement = (a: ScopeStatement, b: ScopeStatement) =>
  a.boundaries === b.boundaries && a.systemsInScope === b.systemsInScope && a.rolesInScope === b.rolesInScope && JSON.stringify(a.exclusions) === JSON.stringify(b.exclusions);

export class ScopeStore {
  constructor(private readonly db: Db) {}

  async current(): Promise<ScopeRecord | null> {
    const row = await this.db.aimsScope.findFirst({ orderBy: { createdAt: "asc" } });
    return row ? { ...row, exclusions: exclusionsSchema.parse(row.exclusions) } : null;
  }

  /** Records the scope, or its next version; an unchanged statement is left as it is. */
  save(statement: ScopeStatement, actor: Actor): Promise<ScopeRecord> {
    const data = { ...statement, exclusions: statement.exclusions as unknown as Prisma.InputJsonValue };
    return inTransaction(this.db, async (tx) => {
      const existing = await new ScopeStore(tx).current();
      if (existing && sameStatement(existing, statement)) return existing;
      const saved = existing
        ? await updateRecord(tx, {
            entityType: scopeEntity,
            key: existing.reference,
            actor,
            load: (inner) => inner.aimsScope.findUnique({ where: { id: existing.id } }),
            update: (inner) => inner.aimsScope.update({ where: { id: existing.id }, data: { ...data, version: existing.version + 1 } }),
          })
        : await createRecord(tx, {
            entityType: scopeEntity,
            prefix: "SCP",
            actor,
            create: (inner, reference) => inner.aimsScope.create({ data: { ...data, reference, createdVia: actor.channel } }),
          });
      return { ...saved, exclusions: exclusionsSchema.parse(saved.exclusions) };
    });
  }
}
