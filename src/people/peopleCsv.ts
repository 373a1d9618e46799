// Checks a people CSV (email,name,roles,manager_email,time_zone[,slack_user_id,teams_aad_object_id])
// before anything is stored: every problem is named with its line number, so the file can be fixed
// and imported again as a whole. Pure: the people already known are passed in.
import { z } from "zod";
import { roleNames, type RoleName } from "../config/config.js";

export const peopleCsvColumns = ["email", "name", "roles", "manager_email", "time_zone", "slack_user_id", "teams_aad_object_id"];
export const requiredPeopleColumns = ["email", "name", "roles"];

/** One person as the file describes them; roles always include member (everyone is a member of staff). */
export interface PersonRow {
  line: number;
  email: string;
  name: string;
  roles: RoleName[];
  managerEmail: string | null;
  timeZone: string | null;
  slackUserId: string | null;
  teamsAadObjectId: string | null;
}

/** Someone already in the directory: who manages them, and their platform ids (to catch clashes). */
export interface KnownPerson {
  email: string;
  managerEmail: string | null;
  slackUserId?: string | null;
  teamsAadObjectId?: string | null;
}

export interface CheckedPeople {
  rows: PersonRow[];
  problems: string[];
}

const emailSchema = z.email();

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reads each row on its own, then checks what needs the whole file: duplicates, managers, loops. */
export function checkPeopleRows(rawRows: Record<string, string>[], known: KnownPerson[]): CheckedPeople {
  const problems: string[] = [];
  const rows: PersonRow[] = [];
  for (const [index, raw] of rawRows.entries()) {
    const line = index + 2; // the header is line 1
    const parsed = readRow(raw, line);
    if (typeof parsed === "string") problems.push(parsed);
    else rows.push(parsed);
  }
  problems.push(...duplicateProblems(rows), ...managerProblems(rows, known), ...platformIdProblems(rows, known));
  return { rows, problems: problems.sort((a, b) => lineOf(a) - lineOf(b)) };
}

const lineOf = (problem: string) => Number(/^line (\d+)/.exec(problem)?.[1] ?? 0);

function readRow(raw: Record<string, string>, line: number): PersonRow | string {
  const issues: string[] = [];
  const email = (raw.email ?? "").trim().toLowerCase();
  if (!emailSchema.safeParse(email).success) issues.push(email ? `email: "${raw.email}" is not an e-mail address` : "email: missing");
  const name = (raw.name ?? "").trim();
  if (!name) issues.push("name: missing");
  const roleWords = (raw.roles ?? "").split(";").map((role) => role.trim().toLowerCase()).filter(Boolean);
  const unknownRoles = roleWords.filter((role) => !roleNames.includes(role as RoleName));
  if (unknownRoles.length > 0) issues.push(`roles: ${unknownRoles.map((role) => `"${role}"`).join(", ")} ${unknownRoles.length > 1 ? "are not roles" : "is not a role"} (use ${roleNames.join(", ")}, separated by ;)`);
  const managerEmail = (raw.manager_email ?? "").trim().toLowerCase() || null;
  if (managerEmail && !emailSchema.safeParse(managerEmail).success) issues.push(`manager_email: "${raw.manager_email}" is not an e-mail address`);
  const timeZone = (raw.time_zone ?? "").trim() || null;
  if (timeZone && !isTimeZone(timeZone)) issues.push(`time_zone: "${timeZone}" is not an IANA time zone (e.g. Europe/Berlin)`);
  const slackUserId = (raw.slack_user_id ?? "").trim() || null;
  if (slackUserId && !/^[UW][A-Z0-9]{2,}$/.test(slackUserId)) issues.push(`slack_user_id: "${slackUserId}" is not a Slack user id (e.g. U012AB3CD)`);
  const teamsAadObjectId = (raw.teams_aad_object_id ?? "").trim().toLowerCase() || null;
  if (teamsAadObjectId && !z.uuid().safeParse(teamsAadObjectId).success) issues.push(`teams_aad_object_id: "${teamsAadObjectId}" is not an Entra object id (a GUID)`);
  if (issues.length > 0) return `line ${line}: ${issues.join("; ")}`;
  const roles = roleNames.filter((role) => role === "member" || roleWords.includes(role));
  return { line, email, name, roles, managerEmail, timeZone, slackUserId, teamsAadObjectId };
}

function duplicateProblems(rows: PersonRow[]): string[] {
  const firstLine = new Map<string, number>();
  const problems: string[] = [];
  for (const row of rows) {
    const earlier = firstLine.get(row.email);
    if (earlier) problems.push(`line ${row.line}: email: ${row.email} is already on line ${earlier}; one line per person`);
    else firstLine.set(row.email, row.line);
  }
  return problems;
}

/** Each manager must be in the file or already known, and following managers upwards must end. */
function managerProblems(rows: PersonRow[], known: KnownPerson[]): string[] {
  const managerOf = new Map<string, string | null>(known.map((person) => [person.email.toLowerCase(), person.managerEmail?.toLowerCase() ?? null]));
  for (const row of rows) managerOf.set(row.email, row.managerEmail);
  const problems: string[] = [];
  for (const row of rows) {
    if (!row.managerEmail) continue;
    if (!managerOf.has(row.managerEmail)) {
      problems.push(`line ${row.line}: manager_email: ${row.managerEmail} is neither in this file nor in the directory`);
      continue;
    }
    const chain = [row.email];
    let next: string | null | undefined = row.managerEmail;
    while (next && !chain.includes(next)) {
      chain.push(next);
      next = managerOf.get(next);
    }
    if (next === row.email) problems.push(`line ${row.line}: manager_email: a loop of managers (${[...chain, row.email].join(" → ")})`);
  }
  return problems;
}

/** A Slack or Teams id belongs to one person: not twice in the file, nor someone else's already. */
function platformIdProblems(rows: PersonRow[], known: KnownPerson[]): string[] {
  const problems: string[] = [];
  for (const field of ["slackUserId", "teamsAadObjectId"] as const) {
    const column = field === "slackUserId" ? "slack_user_id" : "teams_aad_object_id";
    const owner = new Map<string, string>();
    for (const person of known) if (person[field]) owner.set(person[field]!.toLowerCase(), person.email.toLowerCase());
    const inFile = new Map<string, number>();
    for (const row of rows) {
      const id = row[field]?.toLowerCase();
      if (!id) continue;
      if (inFile.has(id)) problems.push(`line ${row.line}: ${column}: ${row[field]} is already on line ${inFile.get(id)}`);
      else if (owner.has(id) && owner.get(id) !== row.email && !rows.some((other) => other.email === owner.get(id) && other[field]?.toLowerCase() !== id)) {
        problems.push(`line ${row.line}: ${column}: ${row[field]} belongs to ${owner.get(id)} in the directory`);
      }
      inFile.set(id, row.line);
    }
  }
  return problems;
}
