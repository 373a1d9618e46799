// SLACK_ROLE_USERGROUPS: Slack user groups as the source of truth for roles (e.g. governance=S012AB).
// Each sync gives the role to every member of the group (adding people the bot has not met yet, by
// their Slack profile) and takes it from people on Slack who are no longer in the group.
import type { WebClient } from "@slack/web-api";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import type { Logger } from "../logging/logger.js";
import type { Actor } from "../store/changeHistory.js";
import type { PersonStore } from "../store/people.js";
import { changeRole } from "./peopleDirectory.js";

export interface RoleUsergroup {
  role: Role;
  usergroupId: string;
}

export interface UsergroupSyncResult {
  granted: number;
  revoked: number;
  failedGroups: string[];
}

const groupActor = (usergroupId: string): Actor => ({ personId: null, label: `Slack user group ${usergroupId}`, channel: "slack" });

export async function syncRoleUsergroups(
  deps: { client: WebClient; prisma: PrismaClient; people: PersonStore; logger: Logger },
  groups: RoleUsergroup[],
  /** People who keep governance whatever the group says (AIMS_GOVERNANCE_EMAILS). */
  keepGovernance: string[] = [],
): Promise<UsergroupSyncResult> {
  const result: UsergroupSyncResult = { granted: 0, revoked: 0, failedGroups: [] };
  for (const group of groups) {
    let members: string[];
    try {
      members = (await deps.client.usergroups.users.list({ usergroup: group.usergroupId })).users ?? [];
    } catch (error) {
      deps.logger.warn({ err: error, usergroup: group.usergroupId, role: group.role }, "could not read a Slack user group (is the usergroups:read scope granted?); its role was left as it is");
      result.failedGroups.push(group.usergroupId);
      continue;
    }
    const memberIds = new Set<string>();
    for (const slackUserId of members) {
      const person = await personFor(deps, slackUserId);
      memberIds.add(person.id);
      if (await changeRole(deps.prisma, person.id, group.role, "grant", groupActor(group.usergroupId))) result.granted++;
    }
    const holders = await deps.prisma.person.findMany({ where: { slackUserId: { not: null } }, select: { id: true, roles: true, email: true } });
    for (const holder of holders) {
      if (!holder.roles.includes(group.role) || memberIds.has(holder.id)) continue;
      if (group.role === "governance" && holder.email && keepGovernance.includes(holder.email.toLowerCase())) continue;
      if (await changeRole(deps.prisma, holder.id, group.role, "revoke", groupActor(group.usergroupId))) result.revoked++;
    }
  }
  return result;
}

async function personFor(deps: { client: WebClient; people: PersonStore }, slackUserId: string) {
  const known = await deps.people.bySlackUserId(slackUserId);
  if (known) return known;
  const { user } = await deps.client.users.info({ user: slackUserId });
  return deps.people.resolveChatUser(
    { slackUserId },
    { displayName: user?.real_name || user?.profile?.real_name || user?.name || slackUserId, email: user?.profile?.email ?? null, timeZone: user?.tz ?? null },
  );
}
