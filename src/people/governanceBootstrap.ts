// AIMS_GOVERNANCE_EMAILS: the first governance members of a new workspace, who could not otherwise be
// given the role by anyone. They become governance members at start when already known, or as soon
// as they first talk to the bot (matched by their Slack or Teams e-mail).
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Channel } from "../generated/prisma/enums.js";
import type { Actor } from "../store/changeHistory.js";
import { changeRole } from "./peopleDirectory.js";

export const bootstrapActor = (channel: Channel = "system"): Actor => ({ personId: null, label: "AIMS_GOVERNANCE_EMAILS", channel });

/** Grants governance to the listed people already in the directory; returns whom it was granted to. */
export async function bootstrapGovernance(prisma: PrismaClient, emails: string[], channel: Channel = "system"): Promise<string[]> {
  if (emails.length === 0) return [];
  const people = await prisma.person.findMany({ where: { email: { in: emails.map((email) => email.toLowerCase()) } } });
  const granted: string[] = [];
  for (const person of people) {
    if (await changeRole(prisma, person.id, "governance", "grant", bootstrapActor(channel))) granted.push(person.email!);
  }
  return granted;
}
