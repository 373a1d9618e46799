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

export class PersonStore {
  constructor(private readonly prisma: PrismaClient) {}

  create(details: PersonDetails) {
    return this.prisma.person.create({ data: details });
  }

  byId(id: string) {
    return this.prisma.person.findUnique({ where: { id } });
  }

  byEmail(email: string) {
    return this.prisma.person.findUnique({ where: { email: email.toLowerCase() } });
  }

  withRole(role: Role) {
    return this.prisma.person.findMany({ where: { roles: { has: role } }, orderBy: { displayName: "asc" } });
  }

  list() {
    return this.prisma.person.findMany({ orderBy: { displayName: "asc" } });
  }
}
