// Exports of the governance registers for auditors and spreadsheets: every stored column,
// the people behind the ids, and the latest change from the history.
import { stringify } from "csv-stringify/sync";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { latestChangeColumns, latestChangeOf, latestChanges } from "../store/changeHistory.js";
import { aiSystemEntity } from "../store/aiSystems.js";
import { incidentEntity } from "../store/incidents.js";
import { correctiveActionEntity } from "../store/incidentWorkflow.js";
import { trainingEntity } from "../store/trainingRecords.js";
import { trainingStatus } from "../domain/training.js";
import { impactAssessmentEntity } from "../store/impactAssessments.js";
import { riskEntity } from "../store/risks.js";
import { nonconformityEntity } from "../store/nonconformities.js";
import { reviewEntity } from "../reviews/reviewRecords.js";
import { controlApplicabilityEntity, StatementOfApplicabilityStore } from "../store/statementOfApplicability.js";
import { objectiveTitle } from "../iso42001/catalog.js";
import { peopleRegisterTable } from "../people/peopleRegister.js";
import { suppliersTable } from "../suppliers/supplierRegister.js";
import { externalNotificationsTable } from "../externalNotices/externalNotificationTable.js";
import { inventoryStatusTable, systemChangeTable } from "../changeControl/changeRegister.js";
import { acknowledgementTable, policyVersionTable } from "../policyDocuments/policyRegisterExport.js";
import { treatmentActionTable } from "../treatment/treatmentRegister.js";
import { contextIssueTable, interestedPartyTable } from "../context/contextRegister.js";
import { measurementTable } from "../objectives/measurementRegister.js";
import { independenceWording } from "../domain/auditIndependence.js";
import { datasetTable } from "../datasets/datasetRegister.js";
import { aiResourceTable } from "../resources/resourceRegister.js";
import { customerObligationTable } from "../customerObligations/obligationRegister.js";
import { lifecycleRecordTable } from "../lifecycle/lifecycleRegister.js";
import { buildGapReport, gapReportColumns, gapReportRows, renderGapReportMarkdown } from "../gap/gapReport.js";

export const exportKinds = ["systems", "incidents", "actions", "training", "impacts", "risks", "nonconformities", "reviews", "soa", "gap", "people", "notifications", "suppliers", "changes", "out-of-date", "policies", "acknowledgements", "treatment", "context-issues", "interested-parties", "datasets", "ai-resources", "customer-obligations", "objective-measurements", "lifecycle-records"] as const;
export type ExportKind = (typeof exportKinds)[number];
export const exportFormats = ["csv", "json", "md"] as const;
export type ExportFormat = (typeof exportFormats)[number];

type Row = Record<string, unknown>;
export interface Table {
  columns: string[];
  rows: Row[];
}


export async function buildTable(prisma: PrismaClient, kind: ExportKind): Promise<Table> {
  switch (kind) {
    case "systems":
      return systemsTable(prisma);
    case "people":
      return peopleRegisterTable(prisma);
    case "incidents":
      return incidentsTable(prisma);
    case "actions":
      return correctiveActionsTable(prisma);
    case "training":
      return trainingTable(prisma);
    case "impacts":
      return impactAssessmentsTable(prisma);
    case "risks":
      return risksTable(prisma);
    case "nonconformities":
      return nonconformitiesTable(prisma);
    case "reviews":
      return reviewsTable(prisma);
    case "soa":
      return applicabilityTable(prisma);
    case "gap":
      return gapTable(prisma);
    case "notifications":
      return externalNotificationsTable(prisma);
    case "suppliers":
      return suppliersTable(prisma);
    case "changes":
      return systemChangeTable(prisma);
    case "out-of-date":
      return inventoryStatusTable(prisma);
    case "policies":
      return policyVersionTable(prisma);
    case "acknowledgements":
      return acknowledgementTable(prisma);
    case "treatment":
      return treatmentActionTable(prisma);
    case "context-issues":
      return contextIssueTable(prisma);
    case "interested-parties":
      return interestedPartyTable(prisma);
    case "objective-measurements":
      return measurementTable(prisma);
    case "datasets":
      return datasetTable(prisma);
    case "ai-resources":
      return aiResourceTable(prisma);
    case "customer-obligations":
      return customerObligationTable(prisma);
    case "lifecycle-records":
      return lifecycleRecordTable(prisma);
  }
}

async function risksTable(prisma: PrismaClient): Promise<Table> {
  const [risks, latest] = await Promise.all([
    prisma.risk.findMany({
      orderBy: { reference: "asc" },
      include: {
        system: { select: { reference: true, name: true, owner: { select: { displayName: true } } } },
        assessor: { select: { displayName: true } },
        acceptanceDecidedBy: { select: { displayName: true } },
      },
    }),
    latestChanges(prisma, riskEntity),
  ]);
  return {
    columns: [...Object.values(Prisma.RiskScalarFieldEnum), "systemReference", "systemName", "systemOwnerName", "assessorName", "acceptanceDecidedByName", ...latestChangeColumns],
    rows: risks.map(({ system, assessor, acceptanceDecidedBy, ...risk }) => ({
      ...risk,
      systemReference: system.reference,
      systemName: system.name,
      systemOwnerName: system.owner?.displayName ?? null,
      assessorName: assessor?.displayName ?? null,
      acceptanceDecidedByName: acceptanceDecidedBy?.displayName ?? null,
      ...latestChangeOf(latest.get(risk.id)),
    })),
  };
}

/** The text of an export: the table in the format asked for, except the gap report, whose Markdown is the report itself. */
export async function exportText(prisma: PrismaClient, kind: ExportKind, format: ExportFormat): Promise<string> {
  if (kind === "gap" && format === "md") return renderGapReportMarkdown(await buildGapReport(prisma));
  return renderTable(await buildTable(prisma, kind), format);
}

/** The Statement of Applicability: every Annex A control exactly once, decided or not. */
async function applicabilityTable(prisma: PrismaClient): Promise<Table> {
  const [entries, latest] = await Promise.all([new StatementOfApplicabilityStore(prisma).entries(), latestChanges(prisma, controlApplicabilityEntity)]);
  return {
    columns: ["control", "objective", "title", "decided", "applicable", "justification", "implementation", "ownerName", "ownerEmail", "evidenceLinks", ...latestChangeColumns],
    rows: entries.map(({ control, decision }) => ({
      control: control.id,
      objective: `${control.objective} ${objectiveTitle(control.objective)}`,
      title: control.title,
      decided: decision !== null,
      applicable: decision?.applicable ?? null,
      justification: decision?.justification ?? null,
      implementation: decision?.applicable ? decision.implementation : null,
      ownerName: decision?.owner?.displayName ?? null,
      ownerEmail: decision?.owner?.email ?? null,
      evidenceLinks: decision?.evidenceLinks ?? [],
      ...latestChangeOf(decision ? latest.get(decision.id) : undefined),
    })),
  };
}

async function nonconformitiesTable(prisma: PrismaClient): Promise<Table> {
  const [nonconformities, latest] = await Promise.all([
    prisma.nonconformity.findMany({
      orderBy: { reference: "asc" },
      include: {
        review: { select: { reference: true } },
        incident: { select: { reference: true } },
        raisedBy: { select: { displayName: true } },
        correctiveActions: { select: { reference: true }, orderBy: { reference: "asc" } },
      },
    }),
    latestChanges(prisma, nonconformityEntity),
  ]);
  return {
    columns: [...Object.values(Prisma.NonconformityScalarFieldEnum), "reviewReference", "incidentReference", "raisedByName", "correctiveActions", ...latestChangeColumns],
    rows: nonconformities.map(({ review, incident, raisedBy, correctiveActions, ...nonconformity }) => ({
      ...nonconformity,
      reviewReference: review?.reference ?? null,
      incidentReference: incident?.reference ?? null,
      raisedByName: raisedBy?.displayName ?? null,
      correctiveActions: correctiveActions.map((action) => action.reference),
      ...latestChangeOf(latest.get(nonconformity.id)),
    })),
  };
}

/** Internal audits and management reviews, planned and held, with what they found. */
async function reviewsTable(prisma: PrismaClient): Promise<Table> {
  const [reviews, latest] = await Promise.all([
    prisma.scheduledReview.findMany({
      orderBy: { reference: "asc" },
      include: { lead: { select: { displayName: true } }, nonconformities: { select: { reference: true }, orderBy: { reference: "asc" } } },
    }),
    latestChanges(prisma, reviewEntity),
  ]);
  const names = await peopleNames(prisma, reviews.flatMap((review) => [...review.auditorIds, ...(review.areaOwnerId ? [review.areaOwnerId] : [])]));
  return {
    columns: [...Object.values(Prisma.ScheduledReviewScalarFieldEnum), "leadName", "auditorNames", "areaOwnerName", "independence", "nonconformities", ...latestChangeColumns],
    rows: reviews.map(({ lead, nonconformities, ...review }) => ({
      ...review,
      leadName: lead?.displayName ?? null,
      auditorNames: review.auditorIds.map((id) => names.get(id) ?? id),
      areaOwnerName: review.areaOwnerId ? (names.get(review.areaOwnerId) ?? null) : null,
      // Only audits scheduled with their auditors (9.2.2) have had their independence checked.
      independence: review.kind === "internal_audit" && review.auditorIds.length > 0 ? independenceWording(review.independenceConflicts, review.independenceJustification) : null,
      nonconformities: nonconformities.map((nonconformity) => nonconformity.reference),
      ...latestChangeOf(latest.get(review.id)),
    })),
  };
}

async function peopleNames(prisma: PrismaClient, ids: string[]): Promise<Map<string, string>> {
  const people = await prisma.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
  return new Map(people.map((person) => [person.id, person.displayName]));
}

/** The latest gap analysis, one row per clause, with the previous status beside it. */
async function gapTable(prisma: PrismaClient): Promise<Table> {
  return { columns: gapReportColumns, rows: gapReportRows(await buildGapReport(prisma)) };
}

async function correctiveActionsTable(prisma: PrismaClient): Promise<Table> {
  const [actions, latest] = await Promise.all([
    prisma.correctiveAction.findMany({
      orderBy: { reference: "asc" },
      include: { owner: { select: { displayName: true, email: true } }, incident: { select: { reference: true } }, nonconformity: { select: { reference: true } } },
    }),
    latestChanges(prisma, correctiveActionEntity),
  ]);
  return {
    columns: [...Object.values(Prisma.CorrectiveActionScalarFieldEnum), "incidentReference", "nonconformityReference", "ownerName", "ownerEmail", ...latestChangeColumns],
    rows: actions.map(({ owner, incident, nonconformity, ...action }) => ({
      ...action,
      incidentReference: incident?.reference ?? null,
      nonconformityReference: nonconformity?.reference ?? null,
      ownerName: owner.displayName,
      ownerEmail: owner.email,
      ...latestChangeOf(latest.get(action.id)),
    })),
  };
}

async function trainingTable(prisma: PrismaClient): Promise<Table> {
  const [records, latest] = await Promise.all([
    prisma.trainingRecord.findMany({ orderBy: { reference: "asc" }, include: { person: { select: { displayName: true, email: true } } } }),
    latestChanges(prisma, trainingEntity),
  ]);
  const now = new Date();
  return {
    columns: [...Object.values(Prisma.TrainingRecordScalarFieldEnum), "personName", "personEmail", "validity", ...latestChangeColumns],
    rows: records.map(({ person, ...record }) => ({
      ...record,
      personName: person.displayName,
      personEmail: person.email,
      validity: trainingStatus(record.validUntil, now),
      ...latestChangeOf(latest.get(record.id)),
    })),
  };
}

/** Every impact assessment, each marked whether it is the one in force for its system (the latest). */
async function impactAssessmentsTable(prisma: PrismaClient): Promise<Table> {
  const [assessments, latest] = await Promise.all([
    prisma.impactAssessment.findMany({
      orderBy: { reference: "asc" },
      include: { system: { select: { reference: true, name: true } }, assessor: { select: { displayName: true, email: true } } },
    }),
    latestChanges(prisma, impactAssessmentEntity),
  ]);
  const inForce = new Map<string, { createdAt: Date; reference: string }>();
  for (const assessment of assessments) {
    const current = inForce.get(assessment.systemId);
    if (!current || assessment.createdAt > current.createdAt || (assessment.createdAt.getTime() === current.createdAt.getTime() && assessment.reference > current.reference)) inForce.set(assessment.systemId, assessment);
  }
  return {
    columns: [...Object.values(Prisma.ImpactAssessmentScalarFieldEnum), "systemReference", "systemName", "assessorName", "assessorEmail", "inForce", ...latestChangeColumns],
    rows: assessments.map(({ system, assessor, ...assessment }) => ({
      ...assessment,
      systemReference: system.reference,
      systemName: system.name,
      assessorName: assessor?.displayName ?? null,
      assessorEmail: assessor?.email ?? null,
      inForce: inForce.get(assessment.systemId)?.reference === assessment.reference,
      ...latestChangeOf(latest.get(assessment.id)),
    })),
  };
}

async function systemsTable(prisma: PrismaClient): Promise<Table> {
  const [systems, latest] = await Promise.all([
    prisma.aiSystem.findMany({
      orderBy: { reference: "asc" },
      include: { owner: { select: { displayName: true, email: true } }, reportedBy: { select: { displayName: true } } },
    }),
    latestChanges(prisma, aiSystemEntity),
  ]);
  const stored = Object.values(Prisma.AiSystemScalarFieldEnum);
  return {
    columns: [...stored, "ownerName", "ownerEmail", "reportedByName", ...latestChangeColumns],
    rows: systems.map(({ owner, reportedBy, ...system }) => ({
      ...system,
      ownerName: owner?.displayName ?? null,
      ownerEmail: owner?.email ?? null,
      reportedByName: reportedBy?.displayName ?? null,
      ...latestChangeOf(latest.get(system.id)),
    })),
  };
}

async function incidentsTable(prisma: PrismaClient): Promise<Table> {
  const [incidents, latest] = await Promise.all([
    prisma.incident.findMany({
      orderBy: { reference: "asc" },
      include: {
        system: { select: { reference: true, name: true } },
        reporter: { select: { displayName: true } },
        assignee: { select: { displayName: true } },
      },
    }),
    latestChanges(prisma, incidentEntity),
  ]);
  const stored = Object.values(Prisma.IncidentScalarFieldEnum);
  return {
    columns: [...stored, "systemReference", "systemName", "reporterName", "assigneeName", ...latestChangeColumns],
    rows: incidents.map(({ system, reporter, assignee, ...incident }) => ({
      ...incident,
      systemReference: system?.reference ?? null,
      systemName: system?.name ?? incident.systemNameFreeText,
      reporterName: reporter?.displayName ?? null,
      assigneeName: assignee?.displayName ?? null,
      ...latestChangeOf(latest.get(incident.id)),
    })),
  };
}


export function renderTable(table: Table, format: ExportFormat): string {
  switch (format) {
    case "json":
      return JSON.stringify(table.rows.map((row) => pick(row, table.columns)), null, 2) + "\n";
    case "csv":
      return stringify(table.rows.map((row) => table.columns.map((column) => spreadsheetSafe(cellText(row[column])))), {
        header: true,
        columns: table.columns,
      });
    case "md":
      return markdownTable(table);
  }
}

function pick(row: Row, columns: string[]): Row {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
}

/** One text form for every cell: ISO dates, lists joined with "; ", empty for null. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(cellText).join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a leading tab or carriage return that
 * some spreadsheets skip before one) gets a leading apostrophe, so opening an export never runs
 * what someone typed into an answer. Every CSV the service writes (exports, the evidence pack) passes here.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function markdownTable(table: Table): string {
  const escape = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
  const lines = [
    `| ${table.columns.join(" | ")} |`,
    `| ${table.columns.map(() => "---").join(" | ")} |`,
    ...table.rows.map((row) => `| ${table.columns.map((column) => escape(cellText(row[column]))).join(" | ")} |`),
  ];
  return lines.join("\n") + "\n";
}
