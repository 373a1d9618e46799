// `aims import training FILE.csv`: bulk-records trainings from a spreadsheet export. Every row is
// checked first; any problem is reported with its line number and nothing is stored, so a file
// can be fixed and imported again without creating half a register.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { trainingCsvRowSchema, trainingFieldsSchema, type NewTrainingRecord } from "../../domain/training.js";
import { systemActor } from "../../store/changeHistory.js";
import { TrainingStore } from "../../store/trainingRecords.js";
import { CliError, withStore } from "../cliContext.js";

export const importKinds = ["training"] as const;
export const trainingCsvColumns = ["email", "course", "completed_on", "valid_until", "provider", "evidence_link"];

export async function importRecords(_kind: (typeof importKinds)[number], file: string): Promise<void> {
  const rows = readCsv(file);
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
    await new TrainingStore(database.prisma).recordAll(records, { ...systemActor("import"), label: `import of ${file}` });
    return records.length;
  });
  console.error(`Imported ${count} training record${count === 1 ? "" : "s"} from ${file}.`);
}

function readCsv(file: string): Record<string, string>[] {
  if (!fs.existsSync(file)) throw new CliError(`There is no file ${file}.`);
  let rows: Record<string, string>[];
  try {
    rows = parse(fs.readFileSync(file, "utf8"), { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new CliError(`${file} is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const missing = ["email", "course", "completed_on"].filter((column) => rows.length > 0 && !(column in rows[0]!));
  if (missing.length > 0) throw new CliError(`${file} lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Expected: ${trainingCsvColumns.join(", ")}.`);
  if (rows.length === 0) throw new CliError(`${file} has no rows to import.`);
  return rows;
}
