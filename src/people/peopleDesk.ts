// People and roles in chat, for the governance team: "people", "grant @someone auditor",
// "revoke @someone auditor", "manager of @someone is @other". Someone is named by a Slack mention
// (<@U012AB>), a Teams mention (<at>Name</at>), or an e-mail address (Slack sends <mailto:…|…>).
import type { Person, PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import { roleNames } from "../config/config.js";
import { can } from "../domain/accessPolicy.js";
import { actorOfTurn, deskMessages, deskRefusal, viewerOf, type Desk, type DeskOutcome } from "../conversations/desk.js";
import type { Turn } from "../conversations/messages.js";
import { assignManager, changeRole, listPeople, orderedRoles } from "./peopleDirectory.js";

const someone = String.raw`(<@[A-Z0-9]+(?:\|[^>]*)?>|<at>[^<]+</at>|<mailto:[^|>]+(?:\|[^>]*)?>|\S+@\S+)`;
const rolePattern = roleNames.filter((role) => role !== "member").join("|");
const grantPattern = new RegExp(String.raw`^(grant|revoke)\s+${someone}\s+(?:the\s+)?(${rolePattern})(?:\s+role)?$`, "i");
const managerPattern = new RegExp(String.raw`^(?:the\s+)?manager\s+of\s+${someone}\s+is\s+${someone}$`, "i");

export class PeopleDesk implements Desk {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<DeskOutcome | null> {
    const typed = text.trim().replace(/^\//, "").replace(/[.!]+$/, "").replace(/\s+/g, " ");
    if (/^(people|roles|who has which role)$/i.test(typed)) return this.list(turn);
    const grant = grantPattern.exec(typed);
    if (grant) return this.changeRole(turn, grant[1]!.toLowerCase() as "grant" | "revoke", grant[2]!, grant[3]!.toLowerCase() as Role);
    const manager = managerPattern.exec(typed);
    if (manager) return this.setManager(turn, manager[1]!, manager[2]!);
    return null;
  }

  private async list(turn: Turn): Promise<DeskOutcome> {
    if (!can(viewerOf(turn), "view", "people")) return deskRefusal("Only the governance team and auditors can see everyone's roles.");
    const people = await listPeople(this.prisma);
    const shown = people.slice(0, 50);
    return deskMessages({
      kind: "record_list",
      title: "People and their roles",
      items: shown.map((person) => ({
        reference: person.email ?? person.name,
        text: `${person.name} · ${person.roles.join(", ")}${person.manager_email ? ` · manager ${person.manager_email}` : ""} · ${person.time_zone}`,
      })),
      note: `${people.length} people.${people.length > shown.length ? ' The full register: "npx aims people list".' : ""} Change a role with "grant @someone auditor" or "revoke @someone auditor".`,
    });
  }

  private async changeRole(turn: Turn, change: "grant" | "revoke", who: string, role: Role): Promise<DeskOutcome> {
    if (!can(viewerOf(turn), "edit", "people")) return deskRefusal("Only the governance team can grant or revoke roles.");
    const person = await this.resolve(who);
    if (typeof person === "string") return deskRefusal(person);
    if (change === "revoke" && role === "governance" && (await this.isLastGovernanceMember(person))) {
      return deskRefusal(`${person.displayName} is the only governance member; grant the role to someone else first, so that someone can still manage roles.`);
    }
    const changed = await changeRole(this.prisma, person.id, role, change, actorOfTurn(turn));
    if (!changed) return deskMessages({ kind: "text", text: `${person.displayName} ${change === "grant" ? "already has" : "does not have"} the ${role} role; nothing changed.` });
    const roles = orderedRoles((await this.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).roles);
    return deskMessages({ kind: "text", text: `${change === "grant" ? "Granted" : "Revoked"} ${role} ${change === "grant" ? "to" : "from"} ${person.displayName}. Their roles: ${roles.join(", ")}. (Recorded in the change history.)` });
  }

  private async setManager(turn: Turn, whoText: string, managerText: string): Promise<DeskOutcome> {
    if (!can(viewerOf(turn), "edit", "people")) return deskRefusal("Only the governance team can say who manages whom.");
    const [person, manager] = [await this.resolve(whoText), await this.resolve(managerText)];
    if (typeof person === "string") return deskRefusal(person);
    if (typeof manager === "string") return deskRefusal(manager);
    const outcome = await assignManager(this.prisma, person.id, manager.id, actorOfTurn(turn));
    if (outcome === "loop") return deskRefusal(`${manager.displayName} cannot manage ${person.displayName}: ${person.displayName} is already above ${manager.displayName} in the chain of managers.`);
    if (outcome === "unchanged") return deskMessages({ kind: "text", text: `${manager.displayName} already manages ${person.displayName}; nothing changed.` });
    return deskMessages({ kind: "text", text: `${manager.displayName} is now ${person.displayName}'s manager (for low-tier approvals and escalations). (Recorded in the change history.)` });
  }

  private async isLastGovernanceMember(person: Person): Promise<boolean> {
    if (!person.roles.includes("governance")) return false;
    const members = await this.prisma.person.findMany({ select: { roles: true } });
    return members.filter((member) => member.roles.includes("governance")).length <= 1;
  }

  /** A person from a mention or an e-mail address, or a message saying why they could not be found. */
  private async resolve(text: string): Promise<Person | string> {
    const slack = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text);
    if (slack) {
      const person = await this.prisma.person.findUnique({ where: { slackUserId: slack[1]! } });
      return person ?? `I don't know ${text} yet: ask them to send me a message first, or import them with "npx aims people import".`;
    }
    const teams = /^<at>([^<]+)<\/at>$/.exec(text);
    if (teams) {
      const matches = await this.prisma.person.findMany({ where: { displayName: { equals: teams[1]!.trim(), mode: "insensitive" } } });
      if (matches.length === 1) return matches[0]!;
      return matches.length === 0 ? `I don't know ${teams[1]} yet: ask them to send me a message first.` : `Several people are called ${teams[1]}; please use their e-mail address instead.`;
    }
    const email = (/^<mailto:([^|>]+)/.exec(text)?.[1] ?? text).trim().toLowerCase();
    const person = await this.prisma.person.findUnique({ where: { email } });
    return person ?? `Nobody with the e-mail ${email} is in the directory.`;
  }
}
