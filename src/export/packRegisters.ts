// Every register of the evidence pack, declared in one place: its file, what it holds, how it is
// read, and which ISO/IEC 42001 clauses and Annex A controls its records are evidence for. The
// index counts, for each clause and control, the records that back it; a register added here is
// in the pack, its index and its coverage at once.
import type { PrismaClient } from "../generated/prisma/client.js";
import { buildGapReport, renderGapReportMarkdown } from "../gap/gapReport.js";
import { prepareManagementReview } from "../reviews/managementReviewInputs.js";
import { buildTable, type ExportFormat, type ExportKind, type Table } from "./recordExport.js";
import { registerReadings } from "./registerReadings.js";
import { momentText, plain, readingTable } from "./readableText.js";
import { changeHistoryRecord } from "./changeHistoryRecord.js";
import { incidentTimelinesRecord, objectivesRecord, policyQuestionsRecord, rolesRecord, scopeRecord, type RecordContent } from "./managementSystemRecords.js";
import type { PolicyDocument } from "./policyDocuments.js";
import { lifecycleEvidence } from "../lifecycle/lifecycleRegister.js";

type Row = Record<string, unknown>;

export interface PackContext {
  prisma: PrismaClient;
  now: Date;
  /** The organisation's time zone: every moment in the Markdown is given in it. */
  timeZone: string;
  policyDocuments: PolicyDocument[];
  policyDir?: string | undefined;
}

/** Which requirements a register's records evidence: fixed ids (for the rows that qualify), or ids read from each row. */
export type Evidence = { ids: readonly string[]; where?: (row: Row) => boolean } | { idsOf: (row: Row) => readonly string[] };

export interface PackRegister {
  /** The file name without extension, e.g. "risk-register". */
  file: string;
  title: string;
  /** What it holds, in a few words, for the index. */
  holds: string;
  evidence: readonly Evidence[];
  /** Default: Markdown to read, CSV and JSON with every column. */
  formats?: readonly ExportFormat[];
  load(context: PackContext): Promise<RecordContent>;
}

const stored = (kind: Exclude<ExportKind, "gap">) => async (context: PackContext): Promise<RecordContent> => {
  const table = await buildTable(context.prisma, kind);
  return { table, markdown: `${table.rows.length} records.\n\n${readingTable(registerReadings[kind], table.rows, context.timeZone)}` };
};

/** A control decided and either implemented or excluded with its reason: the SoA is evidence for it. */
const controlEvidenced = (row: Row) => (row.decided === true && (row.applicable === false || row.implementation === "implemented") ? [String(row.control)] : []);

export const packRegisters: readonly PackRegister[] = [
  {
    file: "policy-documents",
    title: "AI policy documents as read",
    holds: "each policy file with its stated version and SHA-256; the files themselves are in policy-documents/",
    evidence: [{ ids: ["5.2", "A.2.2"] }],
    load: async ({ policyDocuments, timeZone }) => {
      const rows = policyDocuments.map(({ content: _content, ...document }) => ({ ...document, copy: `policy-documents/${document.file}` }));
      const reading = [
        { header: "File", cell: (row: Row) => plain(row.copy) },
        { header: "Title", cell: (row: Row) => plain(row.title) },
        { header: "Version", cell: (row: Row) => plain(row.version) || "not stated" },
        { header: "SHA-256", cell: (row: Row) => plain(row.sha256) },
        { header: "Last modified", cell: (row: Row, zone: string) => momentText(row.modifiedAt, zone) },
      ];
      return {
        table: { columns: ["file", "title", "version", "sha256", "bytes", "modifiedAt", "copy"], rows },
        markdown: `The documents the policy assistant answers from, as read at export. The copies beside this file are byte for byte those files (check them against the SHA-256 here or in MANIFEST.json).\n\n${readingTable(reading, rows, timeZone, "No policy documents were found in POLICY_DIR.")}`,
      };
    },
  },
  { file: "scope", title: "Scope of the AI management system", holds: "boundaries, AI systems and roles in scope, exclusions and why", evidence: [{ ids: ["4.3"] }], formats: ["md", "json"], load: ({ prisma, timeZone }) => scopeRecord(prisma, timeZone) },
  { file: "ai-objectives", title: "AI objectives", holds: "what, target, owner, how measured, due date and status", evidence: [{ ids: ["6.2"] }], load: ({ prisma, now, timeZone }) => objectivesRecord(prisma, now, timeZone) },
  { file: "objective-measurements", title: "Measurement of AI objectives", holds: "each result recorded: the indicator, value, target, met or not, who recorded it and when", evidence: [{ ids: ["9.1", "6.2"] }], load: stored("objective-measurements") },
  { file: "role-assignments", title: "Role assignments", holds: "who holds which role, what it is responsible for, since when, granted by whom", evidence: [{ ids: ["5.3", "A.3.2"] }], load: ({ prisma, timeZone }) => rolesRecord(prisma, timeZone) },
  {
    file: "gap-report",
    title: "Gap analysis against clauses 4–10",
    holds: "the latest self-assessment per clause and progress since the one before",
    evidence: [],
    load: async ({ prisma }) => {
      const table = await buildTable(prisma, "gap");
      return { table, markdown: renderGapReportMarkdown(await buildGapReport(prisma)).replace(/^# .*\n+/, "") };
    },
  },
  { file: "ai-system-inventory", title: "AI system inventory", holds: "every AI system, its owner, risk tier and approval", evidence: [{ ids: ["A.6.2.5"], where: (row) => row.decidedAt != null }], load: stored("systems") },
  { file: "statement-of-applicability", title: "Statement of Applicability", holds: "all 38 Annex A controls: applicable or not and why, implementation, owner", evidence: [{ ids: ["6.1.3"], where: (row) => row.decided === true }, { idsOf: controlEvidenced }], load: stored("soa") },
  { file: "risk-register", title: "AI risk register", holds: "risks, their treatment and residual risk", evidence: [{ ids: ["6.1", "6.1.1", "6.1.2", "8.2"] }, { ids: ["8.3"], where: (row) => row.treatment !== "accept" || row.status === "open" }], load: stored("risks") },
  { file: "impact-assessments", title: "AI system impact assessments", holds: "effects on individuals, groups and society, and mitigations", evidence: [{ ids: ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"] }], load: stored("impacts") },
  { file: "incident-register", title: "Incident register", holds: "AI incidents reported and how they were handled", evidence: [{ ids: ["A.3.3"] }], load: stored("incidents") },
  { file: "external-notifications", title: "External notifications about incidents", holds: "who outside was told about an incident: when, what, by whom", evidence: [{ ids: ["A.8.4", "A.8.5"] }], load: stored("notifications") },
  { file: "system-changes", title: "Change control of AI systems", holds: "material changes, the approvals they reopened, the assessments they asked for", evidence: [{ ids: ["6.3", "8.1"] }], load: stored("changes") },
  { file: "inventory-status", title: "AI system inventory: what is out of date", holds: "approval before production, current assessments, reviews due", evidence: [{ ids: ["A.6.2.5"], where: (row) => row.upToDate === true }], load: stored("out-of-date") },
  { file: "policy-versions", title: "Controlled policy documents and their versions", holds: "version, owner, approver, approval date, next review", evidence: [{ ids: ["7.5.2", "7.5.3", "A.2.4"], where: (row) => Boolean(row.approvedOn) }], load: stored("policies") },
  { file: "policy-acknowledgements", title: "Policy acknowledgements", holds: "who was asked to read which policy version, and who has", evidence: [{ ids: ["7.3"], where: (row) => row.acknowledged === true }], load: stored("acknowledgements") },
  { file: "risk-treatment-actions", title: "Risk treatment actions and residual sign-off", holds: "actions putting each treatment in place, owners, due dates, residual risk signed off", evidence: [{ ids: ["6.1.3", "8.3"] }], load: stored("treatment") },
  { file: "context-issues", title: "Internal and external issues", holds: "issues, their effect on the AIMS, review dates", evidence: [{ ids: ["4.1"] }], load: stored("context-issues") },
  { file: "interested-parties", title: "Interested parties and their requirements", holds: "parties, requirements and where they come from", evidence: [{ ids: ["4.2"] }], load: stored("interested-parties") },
  {
    file: "lifecycle-records",
    title: "AI system life-cycle records",
    holds: "requirements, design decisions, verification and validation results, deployment and monitoring plans, technical documentation, event logging; every version",
    evidence: [{ idsOf: lifecycleEvidence }],
    load: async ({ prisma, timeZone }) => {
      const table = await buildTable(prisma, "lifecycle-records");
      const current = table.rows.filter((row) => row.current === true);
      const earlier = table.rows.length - current.length;
      return { table, markdown: `${current.length} current records${earlier > 0 ? `; ${earlier} earlier versions are in the CSV and JSON` : ""}.\n\n${readingTable(registerReadings["lifecycle-records"], current, timeZone)}` };
    },
  },
  { file: "supplier-register", title: "Supplier register", holds: "suppliers of AI systems: due diligence, contract, responsibilities, next review", evidence: [{ ids: ["A.10.2", "A.10.3"], where: (row) => row.dueDiligenceDone === true }], load: stored("suppliers") },
  {
    file: "dataset-register",
    title: "Datasets used by AI systems",
    holds: "each dataset's systems, source, lawful basis, provenance, quality criteria and results, preparation, retention, owner, review",
    evidence: [
      { ids: ["A.4.3", "A.7.2", "A.7.3", "A.7.5", "A.7.6"] },
      // Quality is evidenced only once checks against the criteria have results.
      { ids: ["A.7.4"], where: (row) => typeof row.qualityResults === "string" && row.qualityResults.length > 0 },
    ],
    load: stored("datasets"),
  },
  {
    file: "ai-resources",
    title: "Resources of the AI systems",
    holds: "tooling, computing, and people and skills each AI system uses",
    evidence: [{ ids: ["A.4.2"] }, { idsOf: (row) => ({ tooling: ["A.4.4"], compute: ["A.4.5"], human: ["A.4.6"] })[String(row.kind)] ?? [] }],
    load: stored("ai-resources"),
  },
  { file: "customer-obligations", title: "Obligations to customers", holds: "what we promise customers about AI in our products: contract, system, owner, review", evidence: [{ ids: ["A.10.4"] }], load: stored("customer-obligations") },
  { file: "incident-timelines", title: "Incident timelines", holds: "every incident's status changes, notes and evidence links, with who and when", evidence: [{ ids: ["A.3.3"] }], load: ({ prisma, timeZone }) => incidentTimelinesRecord(prisma, timeZone) },
  { file: "nonconformities", title: "Nonconformities", holds: "nonconformities, root causes, corrections, effectiveness", evidence: [{ ids: ["10.2"] }], load: stored("nonconformities") },
  { file: "corrective-actions", title: "Corrective actions", holds: "actions on incidents and nonconformities, owners and due dates", evidence: [{ ids: ["10.2"] }], load: stored("actions") },
  {
    file: "audits-and-management-reviews",
    title: "Internal audits and management reviews",
    holds: "the audit programme (criteria, scope, auditors, independence) and results, management review decisions",
    evidence: [
      { ids: ["9.2"], where: (row) => row.kind === "internal_audit" },
      // The programme (9.2.2) is evidenced by audits planned with their criteria and auditors, independence checked.
      { ids: ["9.2.2"], where: (row) => row.kind === "internal_audit" && Boolean(row.criteria) && row.independence !== null },
      { ids: ["9.2.1"], where: (row) => row.kind === "internal_audit" && row.status === "held" },
      { ids: ["9.3", "9.3.1"], where: (row) => row.kind === "management_review" },
      { ids: ["9.3.3"], where: (row) => row.kind === "management_review" && row.status === "held" },
    ],
    load: stored("reviews"),
  },
  {
    file: "management-review-inputs",
    title: "Management review inputs",
    holds: "the 9.3.2 inputs for the next planned (or latest held) management review, assembled from the records",
    evidence: [{ ids: ["9.3.2"] }],
    formats: ["md"],
    load: async ({ prisma, now }) => {
      const review =
        (await prisma.scheduledReview.findFirst({ where: { kind: "management_review", status: "planned" }, orderBy: { scheduledOn: "asc" } })) ??
        (await prisma.scheduledReview.findFirst({ where: { kind: "management_review", status: "held" }, orderBy: { scheduledOn: "desc" } }));
      const prepared = review ? await prepareManagementReview(prisma, review.reference, now) : null;
      if (!prepared) return { table: { columns: [], rows: [] }, markdown: 'No management review is planned or held yet ("schedule review").\n' };
      return { table: { columns: Object.keys(prepared.inputs), rows: [prepared.inputs as unknown as Row] }, markdown: prepared.markdown.replace(/^# (.*)\n+/, (_heading, title: string) => `${title[0]!.toUpperCase()}${title.slice(1)}.\n\n`) };
    },
  },
  { file: "roles-and-responsibilities", title: "Roles, responsibilities and authorities", holds: "everyone in the directory with their roles, responsibilities and manager", evidence: [{ ids: ["5.3"], where: (row) => Array.isArray(row.roles) && row.roles.some((role) => role !== "member") }], load: stored("people") },
  { file: "competence-records", title: "Competence records", holds: "training and competence", evidence: [{ ids: ["7.2"] }], load: stored("training") },
  { file: "policy-questions", title: "Policy-question log", holds: "questions asked of the policy assistant, what they were answered, curated answers", evidence: [{ ids: ["7.4"] }], load: ({ prisma, timeZone }) => policyQuestionsRecord(prisma, timeZone) },
  { file: "change-history", title: "Change history of every record", holds: "every change to every record: who, when, through which surface, from what to what", evidence: [{ ids: ["7.5.3"] }], load: ({ prisma, timeZone }) => changeHistoryRecord(prisma, timeZone) },
];

/** For a register: how many of its records evidence each clause or control. */
export function evidenceCounts(register: PackRegister, table: Table): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const evidence of register.evidence) {
    for (const row of table.rows) {
      if ("idsOf" in evidence) evidence.idsOf(row).forEach(add);
      else if (!evidence.where || evidence.where(row)) evidence.ids.forEach(add);
    }
  }
  return counts;
}

