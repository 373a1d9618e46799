// The AI system inventory.
import { aiSystemFieldsSchema, aiSystemPatchSchema, type AiSystemPatch, type NewAiSystem } from "../domain/aiSystem.js";
import type { Actor } from "./changeHistory.js";
import { createRecord, updateRecord, type Db } from "./recordWriter.js";

export type { AiSystem } from "../generated/prisma/client.js";

export const aiSystemEntity = "AiSystem";

export class AiSystemStore {
  /** Works on the client or inside a caller's transaction. */
  constructor(private readonly prisma: Db) {}

  async register(input: NewAiSystem, actor: Actor) {
    const data = aiSystemFieldsSchema.parse(input);
    return createRecord(this.prisma, {
      entityType: aiSystemEntity,
      prefix: "AIS",
      actor,
      create: (tx, reference) => tx.aiSystem.create({ data: { ...data, reference } }),
    });
  }

  async update(reference: string, patch: AiSystemPatch, actor: Actor, reason?: string) {
    // Only the fields given: a schema default (status) must not overwrite what is stored.
    const parsed = aiSystemPatchSchema.parse(patch) as Record<string, unknown>;
    const data = Object.fromEntries(Object.keys(patch).map((field) => [field, parsed[field]]));
    return updateRecord(this.prisma, {
      entityType: aiSystemEntity,
      key: reference,
      actor,
      load: (tx) => tx.aiSystem.findUnique({ where: { reference } }),
      update: (tx) => tx.aiSystem.update({ where: { reference }, data }),
      ...(reason ? { reason } : {}),
    });
  }

  byReference(reference: string) {
    return this.prisma.aiSystem.findUnique({ where: { reference } });
  }

  /** Case-insensitive search by name or reference, for "which system?" questions. */
  search(text: string, limit = 10) {
    return this.prisma.aiSystem.findMany({
      where: {
        status: { not: "retired" },
        OR: [
          { name: { contains: text, mode: "insensitive" } },
          { reference: { equals: text.toUpperCase() } },
          { vendor: { contains: text, mode: "insensitive" } },
        ],
      },
      orderBy: { name: "asc" },
      take: limit,
    });
  }

  list() {
    return this.prisma.aiSystem.findMany({ orderBy: { reference: "asc" } });
  }
}
