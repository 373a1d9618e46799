// The roles-and-responsibilities register (ISO/IEC 42001 5.3): everyone with their roles, whom they
// report to, and the latest change to their roles; in `aims export people` and the evidence pack.
import type { PrismaClient } from "../generated/prisma/client.js";
import { latestChanges } from "../store/changeHistory.js";
import { orderedRoles, personEntity } from "./peopleDirectory.js";

/** What each role is responsible for and may do, as the access policy grants it. */
export const roleResponsibilities: Record<string, string> = {
  member: "reports AI incidents and unregistered AI, asks policy questions, registers AI systems",
  owner: "keeps their AI systems' entries accurate, assesses their risks and impacts, re-attests them",
  manager: "approves low-tier systems of their reports, receives the weekly digest and escalations",
  auditor: "reads the registers, records audit results, raises nonconformities",
  governance: "triages incidents, approves systems and risk acceptances, decides the SoA, exports the evidence pack",
};

export const peopleRegisterColumns = ["email", "name", "roles", "responsibilities", "manager_email", "time_zone", "slack_user_id", "teams_aad_object_id", "lastChangedAt", "lastChangedBy", "lastChangeChannel"];

export async function peopleRegisterTable(prisma: PrismaClient): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const [people, latest] = await Promise.all([
    prisma.person.findMany({ orderBy: [{ displayName: "asc" }, { email: "asc" }], include: { manager: { select: { email: true } } } }),
    latestChanges(prisma, personEntity),
  ]);
  return {
    columns: peopleRegisterColumns,
    rows: people.map((person) => {
      const roles = orderedRoles(person.roles);
      const change = latest.get(person.id);
      return {
        email: person.email,
        name: person.displayName,
        roles,
        responsibilities: roles.map((role) => `${role}: ${roleResponsibilities[role]}`),
        manager_email: person.manager?.email ?? null,
        time_zone: person.timeZone,
        slack_user_id: person.slackUserId,
        teams_aad_object_id: person.teamsAadObjectId,
        lastChangedAt: change?.at ?? null,
        lastChangedBy: change?.actorLabel ?? null,
        lastChangeChannel: change?.channel ?? null,
      };
    }),
  };
}
