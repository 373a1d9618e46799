// The columns an auditor reads in each register's Markdown, in the order they read them. Each cell
// turns the full export row (ids, codes, ISO dates) into names, labels and local dates.
import type { CorrectiveActionStatus, ScheduledReviewStatus } from "../generated/prisma/enums.js";
import { aiSystemKindLabels, aiSystemStatusLabels, incidentStatusLabels, incidentTypeLabels, lifecycleStageLabels, reviewKindLabels, riskTierLabels, roleLabels, severityLabels } from "../domain/labels.js";
import { riskLevelLabels } from "../domain/riskMatrix.js";
import { riskCategoryLabels, riskStatusLabels, riskTreatmentLabels } from "../domain/riskRegister.js";
import { nonconformitySourceLabels, nonconformityStatusLabels } from "../domain/nonconformity.js";
import { implementationLabels } from "../domain/controlApplicability.js";
import { trainingStatusLabels } from "../domain/training.js";
import type { ExportKind } from "./recordExport.js";
import type { LifecycleRecordKind } from "../generated/prisma/enums.js";
import { lifecycleKindFacts } from "../domain/lifecycleRules.js";
import { dayText, labelled, listText, momentText, plain, shortened, yesNo, type ReadingColumn } from "./readableText.js";

type Row = Record<string, unknown>;

const actionStatusLabels: Record<CorrectiveActionStatus, string> = { open: "Open", done: "Done", cancelled: "Cancelled" };
const reviewStatusLabels: Record<ScheduledReviewStatus, string> = { planned: "Planned", held: "Held", cancelled: "Cancelled" };

const column = (header: string, cell: (row: Row, timeZone: string) => string): ReadingColumn => ({ header, cell });
const text = (header: string, field: string, length?: number) => column(header, (row) => (length ? shortened(row[field], length) : plain(row[field])));
const day = (header: string, field: string) => column(header, (row) => dayText(row[field]));
const moment = (header: string, field: string) => column(header, (row, timeZone) => momentText(row[field], timeZone));
const label = <K extends string>(header: string, field: string, labels: Record<K, string>) => column(header, (row) => labelled(labels, row[field]));
const lastChange = column("Last changed", (row, timeZone) => (row.lastChangedAt ? `${momentText(row.lastChangedAt, timeZone)} by ${plain(row.lastChangedBy)}` : ""));

export const registerReadings: Record<Exclude<ExportKind, "gap">, ReadingColumn[]> = {
  systems: [
    text("Reference", "reference"),
    text("Name", "name"),
    label("Kind", "kind", aiSystemKindLabels),
    text("Vendor", "vendor"),
    text("Owner", "ownerName"),
    text("Registered by", "reportedByName"),
    label("Risk tier", "riskTier", riskTierLabels),
    label("Status", "status", aiSystemStatusLabels),
    label("Stage", "lifecycleStage", lifecycleStageLabels),
    day("Next review", "nextReviewDate"),
    lastChange,
  ],
  incidents: [
    text("Reference", "reference"),
    moment("Reported", "reportedAt"),
    column("AI system", (row) => [plain(row.systemReference), plain(row.systemName)].filter(Boolean).join(" ")),
    label("Type", "type", incidentTypeLabels),
    label("Severity", "severity", severityLabels),
    label("Status", "status", incidentStatusLabels),
    column("Reported by", (row) => (row.anonymous ? "anonymous" : plain(row.reporterName))),
    text("Assigned to", "assigneeName"),
    column("Confidential", (row) => yesNo(row.confidential)),
    moment("Closed", "closedAt"),
  ],
  actions: [
    text("Reference", "reference"),
    column("For", (row) => plain(row.incidentReference ?? row.nonconformityReference)),
    text("Action", "description", 160),
    text("Owner", "ownerName"),
    day("Due", "dueDate"),
    label("Status", "status", actionStatusLabels),
    moment("Completed", "completedAt"),
  ],
  training: [
    text("Reference", "reference"),
    text("Person", "personName"),
    text("Course", "course"),
    day("Completed", "completedOn"),
    column("Valid until", (row) => (row.validUntil ? dayText(row.validUntil) : "no expiry")),
    label("Validity", "validity", trainingStatusLabels),
    text("Provider", "provider"),
  ],
  impacts: [
    text("Reference", "reference"),
    column("AI system", (row) => `${plain(row.systemReference)} ${plain(row.systemName)}`),
    text("Assessor", "assessorName"),
    moment("Assessed", "createdAt"),
    day("Reassess by", "reassessOn"),
    column("In force", (row) => yesNo(row.inForce)),
    text("Effects on individuals", "individuals", 120),
    text("Mitigations", "mitigations", 120),
  ],
  risks: [
    text("Reference", "reference"),
    column("AI system", (row) => `${plain(row.systemReference)} ${plain(row.systemName)}`),
    label("Category", "category", riskCategoryLabels),
    text("Risk", "description", 140),
    column("Level (score)", (row) => `${labelled(riskLevelLabels, row.level)} (${plain(row.score)})`),
    label("Treatment", "treatment", riskTreatmentLabels),
    column("Residual level", (row) => `${labelled(riskLevelLabels, row.residualLevel)} (${plain(row.residualScore)})`),
    label("Status", "status", riskStatusLabels),
    text("Assessor", "assessorName"),
    day("Review by", "reviewDate"),
  ],
  nonconformities: [
    text("Reference", "reference"),
    label("Source", "source", nonconformitySourceLabels),
    column("From", (row) => plain(row.reviewReference ?? row.incidentReference)),
    text("Requirement", "requirement"),
    text("Nonconformity", "description", 140),
    label("Status", "status", nonconformityStatusLabels),
    text("Raised by", "raisedByName"),
    column("Corrective actions", (row) => plain(row.correctiveActions)),
    moment("Closed", "closedAt"),
  ],
  reviews: [
    text("Reference", "reference"),
    label("Kind", "kind", reviewKindLabels),
    text("Scope", "scope", 120),
    day("Scheduled", "scheduledOn"),
    label("Status", "status", reviewStatusLabels),
    day("Held", "heldOn"),
    text("Lead", "leadName"),
    text("Conclusion", "conclusion", 160),
    column("Nonconformities", (row) => plain(row.nonconformities)),
  ],
  soa: [
    text("Control", "control"),
    text("Title", "title"),
    column("Applicable", (row) => (row.decided ? yesNo(row.applicable) : "not yet decided")),
    text("Justification", "justification", 160),
    column("Implementation", (row) => labelled(implementationLabels, row.implementation)),
    text("Owner", "ownerName"),
    column("Evidence", (row) => plain(row.evidenceLinks)),
  ],
  people: [
    text("Name", "name"),
    text("E-mail", "email"),
    column("Roles", (row) => listText(roleLabels, row.roles)),
    text("Manager", "manager_email"),
    lastChange,
  ],
  notifications: [
    text("Reference", "reference"),
    text("Incident", "incidentReference"),
    text("Recipient", "recipientKindLabel"),
    text("Who", "recipient"),
    day("Told on", "notifiedOn"),
    text("What they were told", "summary", 200),
    text("Told by", "notifiedByName"),
    text("Link", "link"),
  ],
  suppliers: [
    text("Reference", "reference"),
    text("Supplier", "name"),
    column("Systems supplied", (row) => (Array.isArray(row.systemReferences) ? row.systemReferences.join(", ") : "")),
    column("Due diligence", (row) => (row.dueDiligenceDone === true ? `Done ${dayText(row.dueDiligenceOn)}`.trim() : "Not done")),
    text("Contract", "contractReference"),
    text("Responsibilities", "responsibilities", 200),
    text("Relationship owner", "ownerName"),
    day("Next review", "reviewDate"),
    lastChange,
  ],
  changes: [
    text("Reference", "reference"),
    column("System", (row) => `${plain(row.systemReference)} ${plain(row.systemName)}`.trim()),
    column("What changed", (row) => (Array.isArray(row.changedFields) ? row.changedFields.join(", ") : plain(row.changedFields))),
    column("Approval reopened", (row) => yesNo(row.reopenedApproval)),
    column("Assessments asked", (row) => (Array.isArray(row.assessmentsAsked) ? row.assessmentsAsked.join(", ").replace(/_/g, " ") : "")),
    column("Status", (row) => plain(row.status).replace(/_/g, " ")),
    text("Requested by", "requestedByName"),
    moment("Requested", "createdAt"),
    text("Decided by", "decidedByName"),
  ],
  "out-of-date": [
    text("Reference", "reference"),
    text("Name", "name"),
    text("Owner", "ownerName"),
    label("Status", "status", aiSystemStatusLabels),
    label("Stage", "lifecycleStage", lifecycleStageLabels),
    column("Up to date", (row) => yesNo(row.upToDate)),
    column("Why not", (row) => (Array.isArray(row.outOfDateReasons) ? row.outOfDateReasons.join("; ") : plain(row.outOfDateReasons))),
  ],
  policies: [
    text("Document", "document"),
    text("Title", "title"),
    text("File", "fileName"),
    text("Version", "version"),
    text("Owner", "ownerName"),
    text("Approved by", "approvedByName"),
    day("Approved on", "approvedOn"),
    day("Next review", "nextReviewOn"),
    column("SHA-256", (row) => plain(row.contentHash)),
  ],
  acknowledgements: [
    text("Campaign", "campaign"),
    text("Document", "document"),
    text("Version", "version"),
    text("Person", "personName"),
    day("Due", "dueOn"),
    column("Read", (row) => yesNo(row.acknowledged)),
    moment("Acknowledged", "acknowledgedAt"),
  ],
  treatment: [
    text("Reference", "reference"),
    text("Risk", "risk"),
    text("System", "system"),
    text("Control", "control"),
    text("Action", "description", 200),
    text("Owner", "ownerName"),
    day("Due", "dueDate"),
    column("Status", (row) => plain(row.status).replace(/_/g, " ")),
    text("Residual risk signed off by", "residualSignedOffBy"),
  ],
  "context-issues": [
    text("Reference", "reference"),
    column("Kind", (row) => plain(row.kind)),
    text("Issue", "description", 200),
    text("Effect on the AIMS", "effect", 200),
    day("Review", "reviewOn"),
  ],
  "interested-parties": [
    text("Reference", "reference"),
    text("Party", "name"),
    text("Requirements", "requirements", 200),
    text("Where they come from", "source", 200),
    day("Review", "reviewOn"),
  ],
  "lifecycle-records": [
    column("Reference", (row) => `${plain(row.reference)} v${plain(row.version)}`),
    column("AI system", (row) => `${plain(row.systemReference)} ${plain(row.systemName)}`),
    column("Record", (row) => `${lifecycleKindFacts[row.kind as LifecycleRecordKind]?.words ?? plain(row.kind)} (${plain(row.control)})`),
    text("What it says", "summary", 160),
    column("Result", (row) => (row.kind === "verification" ? `${plain(row.metric)}: ${plain(row.result)} against ${plain(row.threshold)}, ${row.passed ? "passed" : "did not pass"}` : "")),
    column("Accepted", (row) => (row.acceptedAt ? `${plain(row.acceptedBy)}, ${dayText(row.acceptedAt)}` : "")),
    column("Monitoring", (row) => (row.kind === "monitoring_plan" ? `${plain(row.watches)}; ${plain(row.frequency)}; ${plain(row.responsibleName)}` : "")),
    column("Logs", (row) => (row.kind === "event_logging" ? `${plain(row.logLocation)}, kept ${plain(row.retention)}` : "")),
    text("Link", "link"),
    column("Recorded", (row, timeZone) => `${momentText(row.createdAt, timeZone)} by ${plain(row.recordedBy)}`),
  ],
};
