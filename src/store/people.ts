// People known to the AIMS: who owns, reports, triages and manages.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";

export interface PersonDetails {
  displayName: string;
  email?: string | null;
  slackUserId?: string | null;
  teamsAadObjectId?: string | null;
  roles?: Role[];
  timeZone?: string;
}

export interface PersonStoreOptions {
  /** AIMS_GOVERNANCE_EMAILS: these people become governance members when they first talk to the bot. */
  governanceEmails?: string[];
  /** Grants them the role, with its change-history entry (the people feature does this). */
  grantGovernance?: (emails: string[], channel: "slack" | "teams") => Promise<unknown>;
}

export class PersonStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: PersonStoreOptions = {},
  ) {}

  create(details: PersonDetails) {
    return this.prisma.person.create({ data: details });
  }

  byId(id: string) {
    return this.prisma.person.findUnique({ where: { id } });
  }

  bySlackUserId(slackUserId: string) {
    return this.prisma.person.findUnique({ where: { slackUserId } });
  }

  byTeamsObjectId(teamsAadObjectId: string) {
    return this.prisma.person.findUnique({ where: { teamsAadObjectId } });
  }

  setManager(personId: string, managerId: string) {
    return this.prisma.person.update({ where: { id: personId }, data: { managerId } });
  }

  linkSlackUser(personId: string, slackUserId: string) {
    return this.prisma.person.update({ where: { id: personId }, data: { slackUserId } });
  }

  byEmail(email: string) {
    return this.prisma.person.findUnique({ where: { email: email.toLowerCase() } });
  }

  withRole(role: Role) {
    return this.prisma.person.findMany({ where: { roles: { has: role } }, orderBy: { displayName: "asc" } });
  }

  /**
   * The person behind a chat account: by platform id, else by email (linking the account),
   * else a new member. Profile details refresh the stored name and time zone.
   */
  async resolveChatUser(platform: { slackUserId: string } | { teamsAadObjectId: string }, profile: { displayName: string; email?: string | null; timeZone?: string | null }, options: { justLookedUp?: boolean } = {}) {
    const person = await this.linkOrCreateChatUser(platform, profile, options.justLookedUp ?? false);
    const email = person.email?.toLowerCase();
    if (!email || !this.options.governanceEmails?.includes(email) || person.roles.includes("governance")) return person;
    await this.options.grantGovernance?.([email], "slackUserId" in platform ? "slack" : "teams");
    return this.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
  }

  /** `justLookedUp`: the caller has just found nobody with this platform id, so it is not read again. */
  private async linkOrCreateChatUser(platform: { slackUserId: string } | { teamsAadObjectId: string }, profile: { displayName: string; email?: string | null; timeZone?: string | null }, justLookedUp: boolean) {
    const known = justLookedUp ? null : await this.prisma.person.findUnique({ where: platform });
    if (known) return known;
    const email = profile.email?.toLowerCase() ?? null;
    const byEmail = email ? await this.prisma.person.findUnique({ where: { email } }) : null;
    const details = { ...platform, ...(profile.timeZone ? { timeZone: profile.timeZone } : {}) };
    if (byEmail) return this.prisma.person.update({ where: { id: byEmail.id }, data: details });
    try {
      return await this.prisma.person.create({ data: { ...details, displayName: profile.displayName, email } });
    } catch (error) {
      // Two first messages from the same new user at once: the other one created them.
      if ((error as { code?: string }).code === "P2002") return this.prisma.person.findUniqueOrThrow({ where: platform });
      throw error;
    }
  }

  list() {
    return this.prisma.person.findMany({ orderBy: { displayName: "asc" } });
  }
}
