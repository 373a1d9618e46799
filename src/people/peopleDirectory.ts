// The people of the organisation and their roles (ISO/IEC 42001 5.3: roles, responsibilities and
// authorities). Every change of a person's name, roles, manager or time zone writes a change-history
// entry (who, when, through which channel) in the same transaction, as for any governance record.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import { roleNames } from "../config/config.js";
import { appendChange, fieldChanges, type Actor } from "../store/changeHistory.js";
import { inTransaction, type Db } from "../store/recordWriter.js";
import type { KnownPerson, PersonRow } from "./peopleCsv.js";

export const personEntity = "person";

/** A person as the register shows them (and as `people list --format json` prints them). */
export interface PersonEntry {
  email: string | null;
  name: string;
  roles: Role[];
  manager_email: string | null;
  time_zone: string;
}

type PersonRecord = Prisma.PersonGetPayload<{ include: { manager: { select: { email: true } } } }>;

/** What the history records of a person: readable values (the manager's e-mail, not an id). */
const historyView = (person: PersonRecord) => ({
  displayName: person.displayName,
  email: person.email,
  roles: orderedRoles(person.roles),
  manager: person.manager?.email ?? null,
  timeZone: person.timeZone,
  slackUserId: person.slackUserId,
  teamsAadObjectId: person.teamsAadObjectId,
});

export const orderedRoles = (roles: Role[]): Role[] => roleNames.filter((role) => roles.includes(role));

const withManager = { manager: { select: { email: true } } } as const;

/** Applies one change to a person and records it; nothing is written when nothing changes. */
async function changePerson(tx: Prisma.TransactionClient, personId: string, data: Prisma.PersonUncheckedUpdateInput, actor: Actor): Promise<{ person: PersonRecord; changed: boolean }> {
  const before = await tx.person.findUniqueOrThrow({ where: { id: personId }, include: withManager });
  const after = await tx.person.update({ where: { id: personId }, data, include: withManager });
  const changes = fieldChanges(historyView(before), historyView(after));
  if (Object.keys(changes).length > 0) {
    await appendChange(tx, { actor, entityType: personEntity, entityId: personId, entityRef: after.email ?? after.displayName, action: "update", changes });
  }
  return { person: after, changed: Object.keys(changes).length > 0 };
}

async function createPerson(tx: Prisma.TransactionClient, data: Prisma.PersonUncheckedCreateInput, actor: Actor): Promise<PersonRecord> {
  const created = await tx.person.create({ data, include: withManager });
  await appendChange(tx, { actor, entityType: personEntity, entityId: created.id, entityRef: created.email ?? created.displayName, action: "create", changes: fieldChanges(null, historyView(created)) });
  return created;
}

export interface RoleChange {
  email: string;
  role: Role;
}

export interface PeopleImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  rolesGranted: RoleChange[];
  rolesRemoved: RoleChange[];
}

/** Who is in the directory already, for checking a file against it. */
export async function knownPeople(prisma: PrismaClient): Promise<KnownPerson[]> {
  const people = await prisma.person.findMany({ where: { email: { not: null } }, include: withManager });
  return people.map((person) => ({ email: person.email!, managerEmail: person.manager?.email ?? null, slackUserId: person.slackUserId, teamsAadObjectId: person.teamsAadObjectId }));
}

/**
 * Creates or updates everyone in the (already checked) rows, matched by e-mail, in one transaction:
 * first the people, then their managers (a manager may come later in the file).
 */
export async function importPeople(prisma: PrismaClient, rows: PersonRow[], actor: Actor): Promise<PeopleImportSummary> {
  return prisma.$transaction(
    async (tx) => {
      const summary: PeopleImportSummary = { created: 0, updated: 0, unchanged: 0, rolesGranted: [], rolesRemoved: [] };
      const ids = new Map<string, string>();
      const beforeRoles = new Map<string, Role[]>();
      for (const row of rows) {
        const existing = await tx.person.findUnique({ where: { email: row.email } });
        if (existing) {
          ids.set(row.email, existing.id);
          beforeRoles.set(row.email, existing.roles);
          continue;
        }
        // Created without a manager: the second pass sets it, once everyone in the file exists.
        ids.set(row.email, (await createPerson(tx, { email: row.email, ...rowDetails(row) }, actor)).id);
        summary.created++;
      }
      for (const row of rows) {
        const managerId = row.managerEmail ? (ids.get(row.managerEmail) ?? (await tx.person.findUniqueOrThrow({ where: { email: row.managerEmail } })).id) : null;
        const changed = await updateFromRow(tx, ids.get(row.email)!, row, managerId, actor);
        const before = beforeRoles.get(row.email);
        if (before) summary[changed ? "updated" : "unchanged"]++;
        summary.rolesGranted.push(...row.roles.filter((role) => role !== "member" && !(before ?? []).includes(role)).map((role) => ({ email: row.email, role })));
        summary.rolesRemoved.push(...(before ?? []).filter((role) => !row.roles.includes(role)).map((role) => ({ email: row.email, role })));
      }
      return summary;
    },
    { timeout: 60_000 },
  );
}

const rowDetails = (row: PersonRow) => ({
  displayName: row.name,
  roles: row.roles,
  ...(row.timeZone ? { timeZone: row.timeZone } : {}),
  ...(row.slackUserId ? { slackUserId: row.slackUserId } : {}),
  ...(row.teamsAadObjectId ? { teamsAadObjectId: row.teamsAadObjectId } : {}),
});

/** True when the row changed anything about the person. */
async function updateFromRow(tx: Prisma.TransactionClient, personId: string, row: PersonRow, managerId: string | null, actor: Actor): Promise<boolean> {
  return (await changePerson(tx, personId, { ...rowDetails(row), managerId }, actor)).changed;
}

export class PersonNotFound extends Error {}

/** Gives or takes one role; returns false when the person already had (or lacked) it. */
export async function changeRole(db: Db, personId: string, role: Role, change: "grant" | "revoke", actor: Actor): Promise<boolean> {
  if (role === "member") return false; // everyone is a member of staff
  return inTransaction(db, async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId } });
    if (!person) throw new PersonNotFound(personId);
    const has = person.roles.includes(role);
    if (change === "grant" ? has : !has) return false;
    const roles = change === "grant" ? orderedRoles([...person.roles, role]) : person.roles.filter((held) => held !== role);
    await changePerson(tx, personId, { roles }, actor);
    return true;
  });
}

/** Sets who manages whom, refusing a chain of managers that comes back to the person. */
export async function assignManager(prisma: PrismaClient, personId: string, managerId: string, actor: Actor): Promise<"set" | "unchanged" | "loop"> {
  return prisma.$transaction(async (tx) => {
    let cursor: string | null = managerId;
    const seen = new Set<string>();
    while (cursor && !seen.has(cursor)) {
      if (cursor === personId) return "loop";
      seen.add(cursor);
      cursor = (await tx.person.findUnique({ where: { id: cursor }, select: { managerId: true } }))?.managerId ?? null;
    }
    const current = await tx.person.findUniqueOrThrow({ where: { id: personId } });
    if (current.managerId === managerId) return "unchanged";
    await changePerson(tx, personId, { managerId }, actor);
    return "set";
  });
}

export async function listPeople(prisma: PrismaClient): Promise<PersonEntry[]> {
  const people = await prisma.person.findMany({ orderBy: [{ displayName: "asc" }, { email: "asc" }], include: withManager });
  return people.map((person) => ({ email: person.email, name: person.displayName, roles: orderedRoles(person.roles), manager_email: person.manager?.email ?? null, time_zone: person.timeZone }));
}
