// The Statement of Applicability (ISO/IEC 42001 6.1.3): every Annex A control from the catalog, with
// the decision taken on it where there is one. A control's reference is its Annex A identifier, so a
// first decision is created here rather than through createRecord (which hands out a numbered
// reference), with the same change-history entry in the same transaction.
import type { ControlApplicability, Prisma, PrismaClient } from "../generated/prisma/client.js";
import { annexAControls, findControl, type AnnexAControl } from "../iso42001/catalog.js";
import { controlDecisionSchema, type ControlDecision } from "../domain/controlApplicability.js";
import { appendChange, fieldChanges, type Actor } from "./changeHistory.js";
import { inTransaction, updateRecord, type Db } from "./recordWriter.js";

export const controlApplicabilityEntity = "ControlApplicability";

const withOwner = { owner: { select: { displayName: true, email: true } } } as const;
export type StoredDecision = Prisma.ControlApplicabilityGetPayload<{ include: typeof withOwner }>;

/** One line of the SoA: the control, and its decision or null while nobody has decided. */
export interface SoaEntry {
  control: AnnexAControl;
  decision: StoredDecision | null;
}

export interface SoaCoverage {
  controls: number;
  decided: number;
  applicable: number;
  excluded: number;
  /** Of the applicable controls: an excluded control has nothing to implement. */
  implemented: number;
  inProgress: number;
  notStarted: number;
}

export class StatementOfApplicabilityStore {
  constructor(private readonly db: Db) {}

  /** All 38 controls in the standard's order, decided or not. */
  async entries(): Promise<SoaEntry[]> {
    const decisions = await this.db.controlApplicability.findMany({ include: withOwner });
    const byReference = new Map(decisions.map((decision) => [decision.reference, decision]));
    return annexAControls.map((control) => ({ control, decision: byReference.get(control.id) ?? null }));
  }

  /** One control as typed ("a.6.2.4"), or undefined when no Annex A control has that identifier. */
  async entry(typed: string): Promise<SoaEntry | undefined> {
    const control = findControl(typed);
    if (!control) return undefined;
    const decision = await this.db.controlApplicability.findUnique({ where: { reference: control.id }, include: withOwner });
    return { control, decision };
  }

  /** Records the decision on one control: its first one, or a change to it, with its change-history entry. */
  decide(controlId: string, input: ControlDecision, actor: Actor): Promise<ControlApplicability> {
    const control = findControl(controlId);
    if (!control) throw new Error(`${controlId} is not an Annex A control`);
    const data = controlDecisionSchema.parse(input);
    return inTransaction(this.db, async (tx) => {
      const current = await tx.controlApplicability.findUnique({ where: { reference: control.id } });
      if (!current) return createDecision(tx, control.id, data, actor);
      return updateRecord(tx, {
        entityType: controlApplicabilityEntity,
        key: control.id,
        actor,
        load: async () => current,
        update: (inner) => inner.controlApplicability.update({ where: { id: current.id }, data }),
      });
    });
  }

  /** Several decisions at once: all of them, or none when any fails. */
  decideAll(decisions: { controlId: string; decision: ControlDecision }[], actor: Actor) {
    return (this.db as PrismaClient).$transaction(async (tx) => {
      const store = new StatementOfApplicabilityStore(tx);
      const saved = [];
      for (const { controlId, decision } of decisions) saved.push(await store.decide(controlId, decision, actor));
      return saved;
    });
  }
}

async function createDecision(tx: Prisma.TransactionClient, controlId: string, data: ControlDecision, actor: Actor): Promise<ControlApplicability> {
  const record = await tx.controlApplicability.create({ data: { ...data, reference: controlId, createdVia: actor.channel } });
  await appendChange(tx, {
    actor,
    entityType: controlApplicabilityEntity,
    entityId: record.id,
    entityRef: record.reference,
    action: "create",
    changes: fieldChanges(null, record),
  });
  return record;
}

/** Coverage from the rows of one SoA. */
export function soaCoverage(entries: SoaEntry[]): SoaCoverage {
  const decided = entries.flatMap((entry) => (entry.decision ? [entry.decision] : []));
  const applicable = decided.filter((decision) => decision.applicable);
  const count = (implementation: ControlApplicability["implementation"]) => applicable.filter((decision) => decision.implementation === implementation).length;
  return {
    controls: entries.length,
    decided: decided.length,
    applicable: applicable.length,
    excluded: decided.length - applicable.length,
    implemented: count("implemented"),
    inProgress: count("in_progress"),
    notStarted: count("not_started"),
  };
}

/** "12 of 38 decided: 10 applicable (3 implemented, 4 in progress, 3 not started), 2 excluded." */
export function describeCoverage(coverage: SoaCoverage): string {
  return (
    `${coverage.decided} of ${coverage.controls} controls decided: ${coverage.applicable} applicable ` +
    `(${coverage.implemented} implemented, ${coverage.inProgress} in progress, ${coverage.notStarted} not started), ${coverage.excluded} excluded.`
  );
}
