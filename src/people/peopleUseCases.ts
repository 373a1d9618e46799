// People and roles in chat, for the governance team: "people", "grant @someone auditor",
// "revoke @someone auditor", "manager of @someone is @other". Someone is named by a Slack mention
// (<@U012AB>), a Teams mention (<at>Name</at>), their name as a channel decodes a mention, or an e-mail address.
import type { Person, PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import { roleNames } from "../config/config.js";
import { can } from "../domain/accessPolicy.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { assignManager, changeRole, listPeople, orderedRoles } from "./peopleDirectory.js";

// Channels decode mentions before a turn reaches here (Slack's <@U…> and Teams' <at>…</at> become the
// person's name), so someone is an e-mail address, a name, or a raw mention from a channel that did not.
const someone = String.raw`(.+?)`;
const rolePattern = roleNames.filter((role) => role !== "member").join("|");
const grantPattern = new RegExp(String.raw`^(grant|revoke)\s+${someone}\s+(?:the\s+)?(${rolePattern})(?:\s+role)?$`, "i");
const managerPattern = new RegExp(String.raw`^(?:the\s+)?manager\s+of\s+${someone}\s+is\s+${someone}$`, "i");

export class PeopleUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().replace(/^\//, "").replace(/[.!]+$/, "").replace(/\s+/g, " ");
    if (/^(people|roles|who has which role)$/i.test(typed)) return this.list(turn);
    const grant = grantPattern.exec(typed);
    if (grant) return this.changeRole(turn, grant[1]!.toLowerCase() as "grant" | "revoke", grant[2]!, grant[3]!.toLowerCase() as Role);
    const manager = managerPattern.exec(typed);
    if (manager) return this.setManager(turn, manager[1]!, manager[2]!);
    return null;
  }

  private async list(turn: Turn): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "view", "people")) return useCaseRefusal("Only the governance team and auditors can see everyone's roles.");
    const people = await listPeople(this.prisma);
    const shown = people.slice(0, 50);
    return useCaseMessages({
      kind: "record_list",
      title: "People and their roles",
      items: shown.map((person) => ({
        reference: person.email ?? person.name,
        text: `${person.name} · ${person.roles.join(", ")}${person.manager_email ? ` · manager ${person.manager_email}` : ""} · ${person.time_zone}`,
      })),
      note: `${people.length} people.${people.length > shown.length ? ' The full register: "npx aims people list".' : ""} Change a role with "grant @someone auditor" or "revoke @someone auditor".`,
    });
  }

  private async changeRole(turn: Turn, change: "grant" | "revoke", who: string, role: Role): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "edit", "people")) return useCaseRefusal("Only the governance team can grant or revoke roles.");
    const person = await this.resolve(who);
    if (typeof person === "string") return useCaseRefusal(person);
    if (change === "revoke" && role === "governance" && (await this.isLastGovernanceMember(person))) {
      return useCaseRefusal(`${person.displayName} is the only governance member; grant the role to someone else first, so that someone can still manage roles.`);
    }
    const changed = await changeRole(this.prisma, person.id, role, change, actorOfTurn(turn));
    if (!changed) return useCaseMessages({ kind: "text", text: `${person.displayName} ${change === "grant" ? "already has" : "does not have"} the ${role} role; nothing changed.` });
    const roles = orderedRoles((await this.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).roles);
    return useCaseMessages({ kind: "text", text: `${change === "grant" ? "Granted" : "Revoked"} ${role} ${change === "grant" ? "to" : "from"} ${person.displayName}. Their roles: ${roles.join(", ")}. (Recorded in the change history.)` });
  }

  private async setManager(turn: Turn, whoText: string, managerText: string): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "edit", "people")) return useCaseRefusal("Only the governance team can say who manages whom.");
    const [person, manager] = [await this.resolve(whoText), await this.resolve(managerText)];
    if (typeof person === "string") return useCaseRefusal(person);
    if (typeof manager === "string") return useCaseRefusal(manager);
    const outcome = await assignManager(this.prisma, person.id, manager.id, actorOfTurn(turn));
    if (outcome === "loop") return useCaseRefusal(`${manager.displayName} cannot manage ${person.displayName}: ${person.displayName} is already above ${manager.displayName} in the chain of managers.`);
    if (outcome === "unchanged") return useCaseMessages({ kind: "text", text: `${manager.displayName} already manages ${person.displayName}; nothing changed.` });
    return useCaseMessages({ kind: "text", text: `${manager.displayName} is now ${person.displayName}'s manager (for low-tier approvals and escalations). (Recorded in the change history.)` });
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
    const mailto = /^<mailto:([^|>]+)/.exec(text)?.[1];
    if (mailto || /^\S+@\S+$/.test(text)) {
      const email = (mailto ?? text).trim().toLowerCase();
      const person = await this.prisma.person.findUnique({ where: { email } });
      return person ?? `Nobody with the e-mail ${email} is in the directory.`;
    }
    return this.byName(text.replace(/^@/, "").trim());
  }

  /** A person named as a channel decodes a mention: exactly one person of that name, or a question. */
  private async byName(name: string): Promise<Person | string> {
    const matches = await this.prisma.person.findMany({ where: { displayName: { equals: name, mode: "insensitive" } } });
    if (matches.length === 1) return matches[0]!;
    return matches.length === 0 ? `I don't know anyone called ${name} yet: mention them, use their e-mail address, or import them with "npx aims people import".` : `Several people are called ${name}; please use their e-mail address instead.`;
  }
}
