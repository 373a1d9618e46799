// What life-cycle records each AI system has on file, as the tier rule (domain/lifecycleRules.ts)
// reads them: for approvals, the out-of-date view and readiness, in one query whatever the size.
import type { Prisma } from "../generated/prisma/client.js";
import { lifecycleGaps, type RecordOnFile } from "../domain/lifecycleRules.js";
import type { Db } from "./recordWriter.js";

/** The current records of some systems, as the tier rule reads them, by system id. */
export async function recordsOnFile(db: Db | Prisma.TransactionClient, systemIds?: string[]): Promise<Map<string, RecordOnFile[]>> {
  const rows = await db.lifecycleRecord.findMany({
    where: { supersededAt: null, ...(systemIds ? { systemId: { in: systemIds } } : {}) },
    select: { systemId: true, reference: true, kind: true, passed: true, acceptedAt: true },
    orderBy: { reference: "asc" },
  });
  const bySystem = new Map<string, RecordOnFile[]>();
  for (const row of rows) {
    const list = bySystem.get(row.systemId) ?? [];
    list.push({ reference: row.reference, kind: row.kind, passed: row.passed, accepted: row.acceptedAt !== null });
    bySystem.set(row.systemId, list);
  }
  return bySystem;
}

/** What one system still lacks for its tier. */
export async function lifecycleGapsOf(db: Db, system: { id: string; reference: string; riskTier: Parameters<typeof lifecycleGaps>[1] }) {
  return lifecycleGaps(system.reference, system.riskTier, (await recordsOnFile(db, [system.id])).get(system.id) ?? []);
}
