// The roles register as an auditor reads it (ISO/IEC 42001 5.3, A.3.2): who holds which role, since
// when and granted by whom, read from the people's change history. People added before the history
// kept their roles show the day they were added and "not recorded", rather than a guess.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Channel, Role } from "../generated/prisma/enums.js";
import { personEntity, orderedRoles } from "./peopleDirectory.js";
import { roleResponsibilities } from "./peopleRegister.js";

export interface RoleGrant {
  name: string;
  email: string | null;
  role: Role;
  responsibilities: string;
  since: Date;
  /** Who granted it, or null when the history does not say (the person was added without it). */
  grantedBy: string | null;
  grantedVia: Channel | null;
}

type Grant = { since: Date; grantedBy: string; grantedVia: Channel };

export async function roleGrants(prisma: PrismaClient): Promise<RoleGrant[]> {
  const [people, history] = await Promise.all([
    prisma.person.findMany({ orderBy: [{ displayName: "asc" }, { email: "asc" }] }),
    prisma.changeLog.findMany({ where: { entityType: personEntity }, orderBy: { id: "asc" } }),
  ]);
  const grants = new Map<string, Map<Role, Grant>>();
  for (const entry of history) {
    const roles = (entry.changes as Record<string, { from: unknown; to: unknown }>).roles;
    if (!roles) continue;
    const held = grants.get(entry.entityId) ?? new Map<Role, Grant>();
    const before = new Set((roles.from as Role[] | null) ?? []);
    const after = new Set((roles.to as Role[] | null) ?? []);
    for (const role of after) if (!before.has(role)) held.set(role, { since: entry.at, grantedBy: entry.actorLabel, grantedVia: entry.channel });
    for (const role of before) if (!after.has(role)) held.delete(role);
    grants.set(entry.entityId, held);
  }
  return people.flatMap((person) =>
    orderedRoles(person.roles)
      .filter((role) => role !== "member")
      .map((role) => {
        const grant = grants.get(person.id)?.get(role);
        return {
          name: person.displayName,
          email: person.email,
          role,
          responsibilities: roleResponsibilities[role] ?? "",
          since: grant?.since ?? person.createdAt,
          grantedBy: grant?.grantedBy ?? null,
          grantedVia: grant?.grantedVia ?? null,
        };
      }),
  );
}
