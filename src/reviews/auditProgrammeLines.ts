// How an internal audit's place in the programme (9.2.2) reads when it is shown: the criteria, the AI
// systems in scope, who is responsible for the area, the auditors, and their independence.
import type { Db } from "../store/recordWriter.js";
import { independenceWording } from "../domain/auditIndependence.js";

interface AuditRecord {
  kind: string;
  criteria: string | null;
  scopeSystems: string[];
  areaOwnerId: string | null;
  auditorIds: string[];
  independenceConflicts: string[];
  independenceJustification: string | null;
}

export async function auditProgrammeLines(db: Db, audit: AuditRecord): Promise<string[]> {
  if (audit.kind !== "internal_audit" || audit.auditorIds.length === 0) return [];
  const ids = [...audit.auditorIds, ...(audit.areaOwnerId ? [audit.areaOwnerId] : [])];
  const people = new Map((await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((person) => [person.id, person.displayName]));
  return [
    `Criteria: ${audit.criteria ?? "not recorded"}`,
    `AI systems in scope: ${audit.scopeSystems.length > 0 ? audit.scopeSystems.join(", ") : "none in particular"}${audit.areaOwnerId ? `; area responsible: ${people.get(audit.areaOwnerId) ?? "unknown"}` : ""}.`,
    `Auditors: ${audit.auditorIds.map((id) => people.get(id) ?? "unknown").join(", ")}.`,
    `${independenceWording(audit.independenceConflicts, audit.independenceJustification)}.`,
  ];
}
