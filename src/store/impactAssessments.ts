// The register of AI system impact assessments (ISO/IEC 42001 6.1.4, A.5). A system keeps every
// assessment it had; the latest one is the one in force.
import type { Channel } from "../generated/prisma/enums.js";
import type { Actor } from "./changeHistory.js";
import { createRecord, type Db } from "./recordWriter.js";

export const impactAssessmentEntity = "ImpactAssessment";

export interface NewImpactAssessment {
  systemId: string;
  individuals: string;
  groups: string;
  society: string;
  foreseeableMisuse: string;
  mitigations: string;
  reassessOn: Date;
  assessorId: string | null;
  createdVia: Channel;
}

const withSystem = { system: { select: { reference: true, name: true, ownerId: true } }, assessor: { select: { displayName: true } } } as const;

export class ImpactAssessmentStore {
  constructor(private readonly db: Db) {}

  create(input: NewImpactAssessment, actor: Actor) {
    return createRecord(this.db, {
      entityType: impactAssessmentEntity,
      prefix: "AIA",
      actor,
      create: (tx, reference) => tx.impactAssessment.create({ data: { ...input, reference } }),
    });
  }

  /** The assessment in force for a system: its most recent one. */
  latestFor(systemId: string) {
    return this.db.impactAssessment.findFirst({ where: { systemId }, orderBy: [{ createdAt: "desc" }, { reference: "desc" }], include: withSystem });
  }

  byReference(reference: string) {
    return this.db.impactAssessment.findUnique({ where: { reference }, include: withSystem });
  }

  list() {
    return this.db.impactAssessment.findMany({ orderBy: { reference: "asc" }, include: withSystem });
  }

  /** Assessments in force whose re-assessment date falls between the two dates (for reminders). */
  async dueBetween(from: Date, to: Date) {
    const candidates = await this.db.impactAssessment.findMany({
      where: { reassessOn: { gte: from, lte: to }, system: { status: { notIn: ["retired", "rejected"] }, ownerId: { not: null } } },
      include: { system: { select: { reference: true, name: true, owner: { select: { id: true, timeZone: true, managerId: true } } } } },
    });
    if (candidates.length === 0) return [];
    // A newer assessment of the same system replaces an older one, so only the latest is chased.
    const latest = await this.db.impactAssessment.groupBy({ by: ["systemId"], where: { systemId: { in: candidates.map((one) => one.systemId) } }, _max: { createdAt: true } });
    const newest = new Map(latest.map((row) => [row.systemId, row._max.createdAt?.getTime()]));
    return candidates.filter((one) => newest.get(one.systemId) === one.createdAt.getTime());
  }
}
