// The competence register (ISO/IEC 42001 7.2): training records with their change history.
import type { PrismaClient } from "../generated/prisma/client.js";
import { trainingFieldsSchema, type NewTrainingRecord } from "../domain/training.js";
import type { Actor } from "./changeHistory.js";
import { enqueueNotice, personAudience } from "./notifications.js";
import { createRecord, inTransaction, type Db } from "./recordWriter.js";
import { displayDate } from "../domain/dateDisplay.js";

export const trainingEntity = "TrainingRecord";

export class TrainingStore {
  constructor(private readonly db: Db) {}

  /** Records one training and tells the person it is on file. */
  record(input: NewTrainingRecord, actor: Actor) {
    const data = trainingFieldsSchema.parse(input);
    return inTransaction(this.db, async (tx) => {
      const record = await createRecord(tx, {
        entityType: trainingEntity,
        prefix: "TRN",
        actor,
        create: (inner, reference) => inner.trainingRecord.create({ data: { ...data, reference, createdVia: actor.channel } }),
      });
      const until = record.validUntil ? `, valid until ${displayDate(record.validUntil)}` : "";
      await enqueueNotice(tx, personAudience(record.personId), {
        kind: "training_recorded",
        subject: `Training recorded: ${record.course}`,
        text: `${actor.label} recorded that you completed "${record.course}" on ${displayDate(record.completedOn)}${until}. Type "training" to see your records.`,
        recordRef: record.reference,
      }, { privateOnly: true });
      return record;
    });
  }

  /** Several records at once: all of them, or none when any fails. */
  recordAll(inputs: NewTrainingRecord[], actor: Actor) {
    return (this.db as PrismaClient).$transaction(async (tx) => {
      const store = new TrainingStore(tx);
      const records = [];
      for (const input of inputs) records.push(await store.record(input, actor));
      return records;
    });
  }

  forPerson(personId: string) {
    return this.db.trainingRecord.findMany({ where: { personId }, orderBy: [{ completedOn: "desc" }] });
  }

  all() {
    return this.db.trainingRecord.findMany({ include: { person: { select: { displayName: true, email: true } } }, orderBy: [{ validUntil: "asc" }, { reference: "asc" }] });
  }
}
