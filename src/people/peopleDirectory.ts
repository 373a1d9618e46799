// The people of the organisation and their roles (ISO/IEC 42001 5.3: roles, responsibilities and
// authorities). Every change of a person's name, roles, manager or time zone writes a change-history
// entry (who, when, through which channel) in the same transaction, as for any governance record.
import { randomUUID } from "node:crypto";
import type { Person, Prisma, PrismaClient } from "../generated/prisma/client.js";
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
 * Creates or updates everyone in the (already checked) rows, matched by e-mail, in one transaction.
 * Newcomers are written in bulk (then their managers, who may come later in the file); people already
 * known are compared first and only those whose details changed are written, each with its history.
 */
export async function importPeople(prisma: PrismaClient, rows: PersonRow[], actor: Actor): Promise<PeopleImportSummary> {
  return prisma.$transaction(
    async (tx) => {
      const known = new Map((await tx.person.findMany({ where: { email: { in: rows.map((row) => row.email) } } })).map((person) => [person.email!, person]));
      const newcomers = rows.filter((row) => !known.has(row.email));
      const ids = new Map<string, string>([...known].map(([email, person]) => [email, person.id]));
      for (const row of newcomers) ids.set(row.email, randomUUID());
      const managerOf = await managerIds(tx, rows, ids);
      await createNewcomers(tx, newcomers, ids, managerOf, actor);
      const summary: PeopleImportSummary = { created: newcomers.length, updated: 0, unchanged: 0, rolesGranted: [], rolesRemoved: [] };
      for (const row of rows) {
        const before = known.get(row.email);
        summary.rolesGranted.push(...row.roles.filter((role) => role !== "member" && !(before?.roles ?? []).includes(role)).map((role) => ({ email: row.email, role })));
        if (!before) continue;
        summary.rolesRemoved.push(...before.roles.filter((role) => !row.roles.includes(role)).map((role) => ({ email: row.email, role })));
        const data = { ...rowDetails(row), managerId: managerOf.get(row.email) ?? null };
        const changed = differs(before, data) && (await changePerson(tx, before.id, data, actor)).changed;
        summary[changed ? "updated" : "unchanged"]++;
      }
      return summary;
    },
    { timeout: 120_000 },
  );
}

/** Each row's manager id: someone in the file, or someone already in the directory (one query for those). */
async function managerIds(tx: Prisma.TransactionClient, rows: PersonRow[], ids: Map<string, string>): Promise<Map<string, string>> {
  const outside = [...new Set(rows.map((row) => row.managerEmail).filter((email): email is string => !!email && !ids.has(email)))];
  const found = await tx.person.findMany({ where: { email: { in: outside } }, select: { id: true, email: true } });
  const idOf = new Map([...ids, ...found.map((person): [string, string] => [person.email!, person.id])]);
  return new Map(rows.filter((row) => row.managerEmail).map((row) => [row.email, idOf.get(row.managerEmail!)!]));
}

/** Newcomers in bulk, managers set afterwards (a manager may be a newcomer later in the file); one history entry each. */
async function createNewcomers(tx: Prisma.TransactionClient, rows: PersonRow[], ids: Map<string, string>, managerOf: Map<string, string>, actor: Actor): Promise<void> {
  if (rows.length === 0) return;
  await tx.person.createMany({ data: rows.map((row) => ({ id: ids.get(row.email)!, email: row.email, ...rowDetails(row) })) });
  const byManager = new Map<string, string[]>();
  for (const row of rows) {
    const managerId = managerOf.get(row.email);
    if (managerId) byManager.set(managerId, [...(byManager.get(managerId) ?? []), ids.get(row.email)!]);
  }
  for (const [managerId, personIds] of byManager) await tx.person.updateMany({ where: { id: { in: personIds } }, data: { managerId } });
  await tx.changeLog.createMany({
    data: rows.map((row) => ({
      actorId: actor.personId,
      actorLabel: actor.label,
      channel: actor.channel,
      entityType: personEntity,
      entityId: ids.get(row.email)!,
      entityRef: row.email,
      action: "create" as const,
      changes: fieldChanges(null, { displayName: row.name, email: row.email, roles: row.roles, manager: row.managerEmail, timeZone: row.timeZone ?? "UTC", slackUserId: row.slackUserId, teamsAadObjectId: row.teamsAadObjectId }) as Prisma.InputJsonValue,
    })),
  });
}

const rowDetails = (row: PersonRow) => ({
  displayName: row.name,
  roles: row.roles,
  ...(row.timeZone ? { timeZone: row.timeZone } : {}),
  ...(row.slackUserId ? { slackUserId: row.slackUserId } : {}),
  ...(row.teamsAadObjectId ? { teamsAadObjectId: row.teamsAadObjectId } : {}),
});

/** Whether writing these details would change the stored person (so unchanged people cost no write). */
function differs(person: Person, data: ReturnType<typeof rowDetails> & { managerId: string | null }): boolean {
  return (
    person.displayName !== data.displayName ||
    orderedRoles(person.roles).join() !== orderedRoles(data.roles).join() ||
    person.managerId !== data.managerId ||
    (data.timeZone !== undefined && person.timeZone !== data.timeZone) ||
    (data.slackUserId !== undefined && person.slackUserId !== data.slackUserId) ||
    (data.teamsAadObjectId !== undefined && person.teamsAadObjectId !== data.teamsAadObjectId)
  );
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
