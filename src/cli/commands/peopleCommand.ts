// `aims people import|list|grant|revoke`: the organisation's people and their roles from the command
// line. An import is checked as a whole first (nothing is stored if any line is wrong), and what it
// changed is printed, roles taken away included, so nobody loses a role without it being said.
import { renderTable, type ExportFormat } from "../../export/recordExport.js";
import type { Role } from "../../generated/prisma/enums.js";
import { roleNames } from "../../config/config.js";
import { checkPeopleRows, peopleCsvColumns, requiredPeopleColumns } from "../../people/peopleCsv.js";
import { changeRole, importPeople, knownPeople, listPeople, type PeopleImportSummary } from "../../people/peopleDirectory.js";
import type { Actor } from "../../store/changeHistory.js";
import { CliError, withStore } from "../cliContext.js";
import { readCsv } from "./importCommand.js";

const cliActor = (what: string): Actor => ({ personId: null, label: what, channel: "cli" });

export async function importPeopleFile(file: string): Promise<void> {
  const rawRows = readCsv(file, requiredPeopleColumns, peopleCsvColumns);
  const summary = await withStore(async (_store, database) => {
    const checked = checkPeopleRows(rawRows, await knownPeople(database.prisma));
    if (checked.problems.length > 0) throw new CliError(`Nothing was imported; please fix these and try again:\n${checked.problems.join("\n")}`);
    return importPeople(database.prisma, checked.rows, { ...cliActor(`import of ${file}`), channel: "import" });
  });
  console.log(describeImport(file, summary));
}

export function describeImport(file: string, summary: PeopleImportSummary): string {
  const lines = [`Imported ${file}: ${summary.created} added, ${summary.updated} updated, ${summary.unchanged} unchanged.`];
  const listed = (changes: { email: string; role: Role }[]) => changes.map((change) => `  ${change.email}: ${change.role}`);
  if (summary.rolesGranted.length > 0) lines.push(`Roles granted (${summary.rolesGranted.length}):`, ...listed(summary.rolesGranted));
  if (summary.rolesRemoved.length > 0) lines.push(`Roles removed because the file no longer gives them (${summary.rolesRemoved.length}):`, ...listed(summary.rolesRemoved));
  return lines.join("\n");
}

export async function listPeopleCommand(options: { format: ExportFormat }): Promise<void> {
  const people = await withStore((_store, database) => listPeople(database.prisma));
  process.stdout.write(renderTable({ columns: ["email", "name", "roles", "manager_email", "time_zone"], rows: people as unknown as Record<string, unknown>[] }, options.format));
}

export const grantRoleCommand = (email: string, role: string) => changeRoleCommand(email, role, "grant");
export const revokeRoleCommand = (email: string, role: string) => changeRoleCommand(email, role, "revoke");

async function changeRoleCommand(email: string, role: string, change: "grant" | "revoke"): Promise<void> {
  const wanted = role.trim().toLowerCase();
  if (!roleNames.includes(wanted as Role) || wanted === "member") throw new CliError(`${role} is not a role that can be ${change === "grant" ? "granted" : "revoked"}; use one of ${roleNames.filter((name) => name !== "member").join(", ")}.`);
  const message = await withStore(async (store, database) => {
    const person = await store.people.byEmail(email);
    if (!person) throw new CliError(`Nobody with the e-mail ${email} is in the directory (see \`aims people list\`, or import them with \`aims people import\`).`);
    const changed = await changeRole(database.prisma, person.id, wanted as Role, change, cliActor(`${change} from the command line`));
    if (!changed) return `${person.displayName} (${person.email}) ${change === "grant" ? "already has" : "does not have"} the ${wanted} role; nothing changed.`;
    return `${change === "grant" ? "Granted" : "Revoked"} ${wanted} ${change === "grant" ? "to" : "from"} ${person.displayName} (${person.email}).`;
  });
  console.log(message);
}
