// AI objectives (ISO/IEC 42001 6.2): created and updated through the record writer, so every change
// of target, owner, due date or status is in the change history.
import type { MeasurementFrequency, ObjectiveStatus } from "../generated/prisma/enums.js";
import type { Actor } from "./changeHistory.js";
import { createRecord, updateRecord, type Db } from "./recordWriter.js";

export const objectiveEntity = "AiObjective";

export interface ObjectiveFields {
  objective: string;
  target: string;
  measure: string;
  ownerId: string;
  dueOn: Date;
  status?: ObjectiveStatus;
  progressNote?: string | null;
  /** The measure (9.1): what is measured, how often, and the figure that counts as met. */
  metric?: string | null;
  frequency?: MeasurementFrequency | null;
  targetValue?: number | null;
  targetUnit?: string | null;
  targetAtMost?: boolean;
}

const withOwner = { owner: { select: { displayName: true, email: true } } } as const;

export class ObjectiveStore {
  constructor(private readonly db: Db) {}

  add(fields: ObjectiveFields, actor: Actor) {
    return createRecord(this.db, {
      entityType: objectiveEntity,
      prefix: "OBJ",
      actor,
      create: (tx, reference) => tx.aiObjective.create({ data: { ...fields, reference, createdVia: actor.channel } }),
    });
  }

  update(reference: string, fields: Partial<ObjectiveFields>, actor: Actor) {
    return updateRecord(this.db, {
      entityType: objectiveEntity,
      key: reference,
      actor,
      load: (tx) => tx.aiObjective.findUnique({ where: { reference } }),
      update: (tx, current) => tx.aiObjective.update({ where: { id: current.id }, data: fields }),
    });
  }

  byReference(reference: string) {
    return this.db.aiObjective.findUnique({ where: { reference }, include: withOwner });
  }

  all() {
    return this.db.aiObjective.findMany({ orderBy: [{ dueOn: "asc" }, { reference: "asc" }], include: withOwner });
  }
}
