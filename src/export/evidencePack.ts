// The evidence pack a certification auditor asks for: every register of the AI management
// system in Markdown (to read) and in CSV and JSON (to check by machine), the complete change
// history, and an index that says which requirement each file gives evidence for.
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import type { PrismaClient } from "../generated/prisma/client.js";
import { buildTable, exportText, renderTable, type ExportFormat, type ExportKind, type Table } from "./recordExport.js";
import { prepareManagementReview } from "../reviews/managementReviewInputs.js";

interface PackSection {
  /** The file name without extension, e.g. "risk-register". */
  file: string;
  title: string;
  /** The clauses and controls the register is evidence for. */
  evidenceFor: string;
  kind: ExportKind;
}

/** In the order an audit usually walks the management system. */
export const packSections: PackSection[] = [
  { file: "gap-report", title: "Gap analysis against clauses 4–10", evidenceFor: "4–10 (where the management system stands, and progress)", kind: "gap" },
  { file: "ai-system-inventory", title: "AI system inventory", evidenceFor: "4.3, A.4 (AI systems in scope and their resources)", kind: "systems" },
  { file: "statement-of-applicability", title: "Statement of Applicability", evidenceFor: "6.1.3 (all 38 Annex A controls: applicability, justification, implementation)", kind: "soa" },
  { file: "risk-register", title: "AI risk register", evidenceFor: "6.1.2, 8.2, 6.1.3 (risks, their treatment and residual risk)", kind: "risks" },
  { file: "impact-assessments", title: "AI system impact assessments", evidenceFor: "6.1.4, 8.4, A.5 (effects on individuals, groups and society)", kind: "impacts" },
  { file: "incident-register", title: "Incident register", evidenceFor: "8.1, A.8.4, 10.2 (AI incidents, how they were handled)", kind: "incidents" },
  { file: "nonconformities", title: "Nonconformities", evidenceFor: "10.2 (nonconformities, root causes, corrections, effectiveness)", kind: "nonconformities" },
  { file: "corrective-actions", title: "Corrective actions", evidenceFor: "10.2 (actions on incidents and nonconformities)", kind: "actions" },
  { file: "audits-and-management-reviews", title: "Internal audits and management reviews", evidenceFor: "9.2, 9.3 (audit programme and results, review decisions)", kind: "reviews" },
  { file: "roles-and-responsibilities", title: "Roles, responsibilities and authorities", evidenceFor: "5.3, A.3.2 (who holds which role, whom they report to, and changes to roles)", kind: "people" },
  { file: "competence-records", title: "Competence records", evidenceFor: "7.2 (training and competence)", kind: "training" },
  { file: "system-changes", title: "Change control of AI systems", evidenceFor: "6.3, 8.1 (material changes, the approvals they reopened, the assessments they asked for)", kind: "changes" },
  { file: "inventory-status", title: "AI system inventory: what is out of date", evidenceFor: "8.1, A.6.2.5 (approval before production, current assessments, reviews due)", kind: "out-of-date" },
  { file: "policy-documents", title: "Controlled policy documents and their versions", evidenceFor: "5.2, 7.5.2, 7.5.3, A.2.2, A.2.4 (version, owner, approver, approval date, next review)", kind: "policies" },
  { file: "policy-acknowledgements", title: "Policy acknowledgements", evidenceFor: "7.3 (who was asked to read which policy version, and who has)", kind: "acknowledgements" },
  { file: "risk-treatment-actions", title: "Risk treatment actions and residual sign-off", evidenceFor: "6.1.3, 8.3 (actions putting each treatment in place, owners, due dates, residual risk signed off)", kind: "treatment" },
  { file: "context-issues", title: "Internal and external issues", evidenceFor: "4.1 (issues, their effect on the AIMS, review dates)", kind: "context-issues" },
  { file: "interested-parties", title: "Interested parties and their requirements", evidenceFor: "4.2 (parties, requirements and where they come from)", kind: "interested-parties" },
];

export interface PackFile {
  path: string;
  content: string;
}

const formats: ExportFormat[] = ["md", "csv", "json"];

/** Every file of the pack, in memory: the caller writes them to a folder or zips them. */
export async function buildEvidencePack(prisma: PrismaClient, now: Date): Promise<PackFile[]> {
  const tables = await Promise.all(packSections.map(async (section) => ({ section, table: await buildTable(prisma, section.kind) })));
  const history = await changeHistoryTable(prisma);
  const registerFiles = (await Promise.all(tables.map(({ section, table }) => sectionFiles(prisma, section, table)))).flat();
  const historyFiles = tableFiles("change-history", "Change history of every record", history).map((file) =>
    file.path.endsWith(".md") ? { ...file, content: historyMarkdown(history) } : file,
  );
  const reviewInputs = await nextManagementReviewInputs(prisma, now);
  const index = indexFile(now, tables, history, reviewInputs);
  return [index, ...registerFiles, ...historyFiles, ...(reviewInputs ? [reviewInputs.file] : [])];
}

async function sectionFiles(prisma: PrismaClient, section: PackSection, table: Table): Promise<PackFile[]> {
  // The gap report's Markdown is the report itself (counts per clause group, progress), not its rows.
  if (section.kind !== "gap") return tableFiles(section.file, section.title, table);
  const report = await exportText(prisma, "gap", "md");
  return tableFiles(section.file, section.title, table).map((file) => (file.path.endsWith(".md") ? { ...file, content: report } : file));
}

/** The 9.3 inputs for the next planned management review (or the latest held one), assembled from the records. */
async function nextManagementReviewInputs(prisma: PrismaClient, now: Date): Promise<{ reference: string; file: PackFile } | null> {
  const review =
    (await prisma.scheduledReview.findFirst({ where: { kind: "management_review", status: "planned" }, orderBy: { scheduledOn: "asc" } })) ??
    (await prisma.scheduledReview.findFirst({ where: { kind: "management_review", status: "held" }, orderBy: { scheduledOn: "desc" } }));
  if (!review) return null;
  const prepared = await prepareManagementReview(prisma, review.reference, now);
  return prepared ? { reference: review.reference, file: { path: "management-review-inputs.md", content: prepared.markdown } } : null;
}

function tableFiles(file: string, title: string, table: Table): PackFile[] {
  return formats.map((format) => ({
    path: `${file}.${format}`,
    content: format === "md" ? `# ${title}\n\n${table.rows.length} records.\n\n${renderTable(table, format)}` : renderTable(table, format),
  }));
}

/** One row per change of any record, oldest first: who changed what, when, through which surface. */
async function changeHistoryTable(prisma: PrismaClient): Promise<Table> {
  const entries = await prisma.changeLog.findMany({ orderBy: { id: "asc" } });
  return {
    columns: ["at", "entityType", "entityRef", "entityId", "action", "actorLabel", "channel", "changes"],
    rows: entries.map((entry) => ({ ...entry, id: entry.id.toString() })),
  };
}

/** The history grouped by record, each change as "field: from → to", which reads better than a JSON column. */
function historyMarkdown(history: Table): string {
  const byRecord = new Map<string, Table["rows"]>();
  for (const row of history.rows) {
    const key = `${String(row.entityType)} ${String(row.entityRef ?? row.entityId)}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), row]);
  }
  const sections = [...byRecord.entries()].map(([record, rows]) => {
    const entries = rows.map((row) => {
      const changes = Object.entries((row.changes ?? {}) as Record<string, { from: unknown; to: unknown }>)
        .map(([field, change]) => `  - ${field}: ${shown(change.from)} → ${shown(change.to)}`)
        .join("\n");
      return `- ${(row.at as Date).toISOString()} · ${String(row.action)} by ${String(row.actorLabel)} via ${String(row.channel)}\n${changes}`;
    });
    return `## ${record}\n\n${entries.join("\n")}`;
  });
  return `# Change history of every record\n\n${history.rows.length} changes to ${byRecord.size} records, oldest first.\n\n${sections.join("\n\n")}\n`;
}

const shown = (value: unknown) => (value === null || value === undefined ? "(empty)" : typeof value === "string" ? value.replace(/\r?\n/g, " ") : JSON.stringify(value));

function indexFile(now: Date, tables: { section: PackSection; table: Table }[], history: Table, reviewInputs: { reference: string } | null): PackFile {
  const lines = [
    "# AI management system: evidence pack",
    "",
    `Exported ${now.toISOString()}. Each register is given three times: \`.md\` to read, \`.csv\` for spreadsheets, \`.json\` for tools.`,
    "Every register row carries its latest change; `change-history` holds every change to every record, oldest first.",
    "",
    "| Register | Evidence for | Records | Files |",
    "| --- | --- | --- | --- |",
    ...tables.map(({ section, table }) => `| ${section.title} | ${section.evidenceFor} | ${table.rows.length} | ${formats.map((format) => `${section.file}.${format}`).join(", ")} |`),
    `| Change history | 7.5.3 (control of documented information) | ${history.rows.length} changes | ${formats.map((format) => `change-history.${format}`).join(", ")} |`,
    ...(reviewInputs ? [`| Management review inputs for ${reviewInputs.reference} | 9.3.2 (inputs assembled from the records) | | management-review-inputs.md |`] : []),
    "",
  ];
  return { path: "README.md", content: lines.join("\n") };
}

/** Writes the pack into a folder (created when missing) and returns the paths written. */
export function writeEvidencePack(files: PackFile[], directory: string): string[] {
  fs.mkdirSync(directory, { recursive: true });
  return files.map((file) => {
    const target = path.join(directory, file.path);
    fs.writeFileSync(target, file.content);
    return target;
  });
}

/** The pack as one zip file, for sending in chat. */
export function zipEvidencePack(files: PackFile[], folder: string): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(Object.fromEntries(files.map((file) => [`${folder}/${file.path}`, encoder.encode(file.content)])), { level: 6 });
}

export const packFolderName = (now: Date) => `aims-evidence-pack-${now.toISOString().slice(0, 10)}`;
