// The pack's README: the stage-1 checklist first (what an auditor asks for on day one), then each
// register with its record count, then every clause of 4–10 and every Annex A control with the files
// whose records evidence it, and, honestly, those for which no record exists yet.
import { catalog } from "../iso42001/catalog.js";
import type { Actor } from "../store/changeHistory.js";
import { channelLabels } from "../domain/labels.js";
import { checklistMarkdown, readinessReport } from "../readiness/readinessReport.js";
import type { PackContext, PackRegister } from "./packRegisters.js";
import type { Table } from "./recordExport.js";
import { momentText } from "./readableText.js";

interface Loaded {
  register: PackRegister;
  table: Table;
  files: string[];
  evidence: Map<string, number>;
}

export interface Coverage {
  id: string;
  title: string;
  /** Files holding at least one record that evidences it, with how many. */
  evidence: { file: string; records: number }[];
}

/** Every clause and control of the catalog with the files whose records evidence it. */
export function coverageOf(registers: Loaded[]): Coverage[] {
  const requirements = [...catalog.clauses.map((clause) => ({ id: clause.id, title: clause.title })), ...catalog.annexA.map((control) => ({ id: control.id, title: control.title }))];
  return requirements.map((requirement) => ({
    ...requirement,
    evidence: registers.flatMap((loaded) => {
      const records = loaded.evidence.get(requirement.id) ?? 0;
      return records > 0 ? [{ file: loaded.files[0]!, records }] : [];
    }),
  }));
}

const escape = (text: string) => text.replace(/\|/g, "\\|");

function coverageTable(rows: Coverage[]): string {
  return [
    "| Requirement | Evidence (file: records) |",
    "| --- | --- |",
    ...rows.map((row) => `| ${row.id} ${escape(row.title)} | ${row.evidence.map((evidence) => `${evidence.file}: ${evidence.records}`).join("; ")} |`),
  ].join("\n");
}

export async function packIndex(context: PackContext, registers: Loaded[], exportedBy: Actor): Promise<string> {
  const readiness = await readinessReport(context.prisma, { policyDir: context.policyDir, now: context.now });
  const coverage = coverageOf(registers);
  const evidenced = coverage.filter((row) => row.evidence.length > 0);
  const lacking = coverage.filter((row) => row.evidence.length === 0);
  const isClause = (row: Coverage) => !row.id.startsWith("A.");
  return [
    "# AI management system: evidence pack",
    "",
    `Exported ${momentText(context.now, context.timeZone)} (${context.timeZone}) by ${exportedBy.label} via ${channelLabels[exportedBy.channel]}. MANIFEST.json holds the SHA-256 of every file; the export is in the change history.`,
    "Each register is given as `.md` to read (names, labels, local dates), `.csv` for spreadsheets and `.json` for tools (every stored column).",
    "",
    "## Stage-1 checklist",
    "",
    checklistMarkdown(readiness),
    "",
    "## Registers",
    "",
    "| Register | What it holds | Records | Files |",
    "| --- | --- | --- | --- |",
    ...registers.map(({ register, table, files }) => `| ${register.title} | ${escape(register.holds)} | ${table.rows.length} | ${files.join(", ")} |`),
    "",
    `## Clauses and controls with evidence (${evidenced.filter(isClause).length} of ${catalog.clauses.length} clauses, ${evidenced.filter((row) => !isClause(row)).length} of ${catalog.annexA.length} Annex A controls)`,
    "",
    "Each requirement lists the files holding at least one record that evidences it, and how many.",
    "",
    coverageTable(evidenced),
    "",
    `## No evidence yet (${lacking.length})`,
    "",
    "No record in this pack evidences these clauses and controls yet; an auditor will ask for them.",
    "",
    ...lacking.map((row) => `- ${row.id} ${row.title}`),
    "",
  ].join("\n");
}
