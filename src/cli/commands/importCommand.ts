// `aims import training|soa FILE.csv` (and `systems`, see inventoryImportCommand.ts): bulk-records trainings or Statement of Applicability decisions
// from a spreadsheet export. Every row is checked first; any problem is reported with its line
// number and nothing is stored, so a file can be fixed and imported again without creating half a register.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { controlDecisionSchema, soaCsvRowSchema, type ControlDecision } from "../../domain/controlApplicability.js";
import { trainingCsvRowSchema, trainingFieldsSchema, type NewTrainingRecord } from "../../domain/training.js";
import { findControl } from "../../iso42001/catalog.js";
import { systemActor, type Actor } from "../../store/changeHistory.js";
import { StatementOfApplicabilityStore } from "../../store/statementOfApplicability.js";
import { TrainingStore } from "../../store/trainingRecords.js";
import { CliError, withStore } from "../cliContext.js";
import { importSystems } from "./inventoryImportCommand.js";

export const importKinds = ["training", "soa", "systems"] as const;
export type ImportKind = (typeof importKinds)[number];
export const trainingCsvColumns = ["email", "course", "completed_on", "valid_until", "provider", "evidence_link"];
export const soaCsvColumns = ["control", "applicable", "justification", "implementation", "owner_email", "evidence_links"];

export async function importRecords(kind: ImportKind, file: string): Promise<void> {
  if (kind === "soa") return importStatementOfApplicability(file);
  if (kind === "systems") return importSystems(file);
  const rows = readCsv(file, ["email", "course", "completed_on"], trainingCsvColumns);
  const count = await withStore(async (store, database) => {
    const problems: string[] = [];
    const records: NewTrainingRecord[] = [];
    for (const [index, row] of rows.entries()) {
      const line = index + 2; // the header is line 1
      const parsed = trainingCsvRowSchema.safeParse(row);
      if (!parsed.success) {
        problems.push(`line ${line}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
        continue;
      }
      if (parsed.data.completed_on.getTime() > Date.now() + 24 * 60 * 60 * 1000) {
        problems.push(`line ${line}: completed_on: the date is in the future`);
        continue;
      }
      const person = await store.people.byEmail(parsed.data.email);
      if (!person) {
        problems.push(`line ${line}: nobody with the email ${parsed.data.email} is in the directory`);
        continue;
      }
      const record = trainingFieldsSchema.safeParse({
        personId: person.id,
        course: parsed.data.course,
        completedOn: parsed.data.completed_on,
        validUntil: parsed.data.valid_until,
        provider: parsed.data.provider,
        evidenceLink: parsed.data.evidence_link,
      });
      if (record.success) records.push(record.data);
      else problems.push(`line ${line}: ${record.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
    }
    if (problems.length > 0) throw new CliError(`Nothing was imported; please fix these and try again:\n${problems.join("\n")}`);
    await new TrainingStore(database.prisma).recordAll(records, importActor(file));
    return records.length;
  });
  console.error(`Imported ${count} training record${count === 1 ? "" : "s"} from ${file}.`);
}

const importActor = (file: string): Actor => ({ ...systemActor("import"), label: `import of ${file}` });
const issuesOf = (issues: { path: PropertyKey[]; message: string }[]) => issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");

/** Decisions on Annex A controls, one control per line; a control decided before is updated. */
async function importStatementOfApplicability(file: string): Promise<void> {
  const rows = readCsv(file, ["control", "applicable"], soaCsvColumns);
  const count = await withStore(async (store, database) => {
    const problems: string[] = [];
    const decisions: { controlId: string; decision: ControlDecision }[] = [];
    const seenOnLine = new Map<string, number>();
    for (const [index, row] of rows.entries()) {
      const line = index + 2; // the header is line 1
      const parsed = soaCsvRowSchema.safeParse(row);
      if (!parsed.success) {
        problems.push(`line ${line}: ${issuesOf(parsed.error.issues)}`);
        continue;
      }
      const control = findControl(parsed.data.control);
      if (!control) {
        problems.push(`line ${line}: control: ${parsed.data.control} is not an Annex A control (identifiers look like A.6.2.4)`);
        continue;
      }
      const earlier = seenOnLine.get(control.id);
      if (earlier) {
        problems.push(`line ${line}: control: ${control.id} is already on line ${earlier}; one line per control`);
        continue;
      }
      seenOnLine.set(control.id, line);
      const owner = parsed.data.owner_email ? await store.people.byEmail(parsed.data.owner_email) : null;
      if (parsed.data.owner_email && !owner) {
        problems.push(`line ${line}: owner_email: nobody with the email ${parsed.data.owner_email} is in the directory`);
        continue;
      }
      const decision = controlDecisionSchema.safeParse({
        applicable: parsed.data.applicable,
        justification: parsed.data.justification,
        implementation: parsed.data.applicable ? parsed.data.implementation : "not_started",
        ownerId: owner?.id ?? null,
        evidenceLinks: parsed.data.evidence_links,
      });
      if (decision.success) decisions.push({ controlId: control.id, decision: decision.data });
      else problems.push(`line ${line}: ${issuesOf(decision.error.issues)}`);
    }
    if (problems.length > 0) throw new CliError(`Nothing was imported; please fix these and try again:\n${problems.join("\n")}`);
    await new StatementOfApplicabilityStore(database.prisma).decideAll(decisions, importActor(file));
    return decisions.length;
  });
  console.error(`Imported ${count} Statement of Applicability decision${count === 1 ? "" : "s"} from ${file}.`);
}

export function readCsv(file: string, required: string[], expected: string[]): Record<string, string>[] {
  if (!fs.existsSync(file)) throw new CliError(`There is no file ${file}.`);
  let rows: Record<string, string>[];
  try {
    rows = parse(fs.readFileSync(file, "utf8"), { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new CliError(`${file} is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const missing = required.filter((column) => rows.length > 0 && !(column in rows[0]!));
  if (missing.length > 0) throw new CliError(`${file} lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Expected: ${expected.join(", ")}.`);
  if (rows.length === 0) throw new CliError(`${file} has no rows to import.`);
  return rows;
}
