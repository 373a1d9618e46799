// The AI incident register.
import { incidentFieldsSchema, incidentPatchSchema, type IncidentPatch, type NewIncident } from "../domain/incident.js";
import type { Actor } from "./changeHistory.js";
import { createRecord, updateRecord, type Db } from "./recordWriter.js";

export const incidentEntity = "Incident";

export class IncidentStore {
  /** Works on the client or inside a caller's transaction. */
  constructor(private readonly prisma: Db) {}

  async report(input: NewIncident, actor: Actor) {
    const data = incidentFieldsSchema.parse(input);
    return createRecord(this.prisma, {
      entityType: incidentEntity,
      prefix: "INC",
      actor,
      create: (tx, reference) => tx.incident.create({ data: { ...data, reference } }),
    });
  }

  async update(reference: string, patch: IncidentPatch, actor: Actor) {
    // Only the fields given: schema defaults (status, confidential) must not overwrite what is stored.
    const parsed = incidentPatchSchema.parse(patch) as Record<string, unknown>;
    const data = Object.fromEntries(Object.keys(patch).map((field) => [field, parsed[field]]));
    return updateRecord(this.prisma, {
      entityType: incidentEntity,
      key: reference,
      actor,
      load: (tx) => tx.incident.findUnique({ where: { reference } }),
      update: (tx) => tx.incident.update({ where: { reference }, data }),
    });
  }

  byReference(reference: string) {
    return this.prisma.incident.findUnique({ where: { reference } });
  }

  list() {
    return this.prisma.incident.findMany({ orderBy: { reference: "asc" } });
  }
}
