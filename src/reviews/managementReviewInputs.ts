// The inputs a management review must consider (ISO/IEC 42001 9.3.2), assembled from the records
// rather than from memory: actions from earlier reviews, changes in context, incidents,
// nonconformities and corrective actions, audit results, risks, objectives and feedback, each since
// the previous management review. Returns the figures as data (for the evidence pack) and as Markdown.
import type { PrismaClient } from "../generated/prisma/client.js";
import { contextForReview, contextReviewLines, type ContextForReview } from "../context/contextRegister.js";
import type { CorrectiveActionStatus, IncidentStatus, NonconformityStatus, RiskLevel, RiskTier, Severity } from "../generated/prisma/enums.js";
import { actionStatusLabels, incidentStatusLabels, reviewKindLabels, riskTierLabels, severityLabels } from "../domain/labels.js";
import { riskLevelLabels } from "../domain/riskMatrix.js";
import { nonconformityStatusLabels } from "../domain/nonconformity.js";
import { aiSystemEntity } from "../store/aiSystems.js";
import type { ObjectiveStatus } from "../generated/prisma/enums.js";
import { isOverdueObjective, objectiveStatusLabels } from "../domain/objectiveStatus.js";
import { scopeEntity } from "../store/scopeRecords.js";
import { describeMeasureSummary, measureSummaries, type MeasureSummary } from "../objectives/measurementSummary.js";
import { displayDate } from "../domain/dateDisplay.js";

export interface ActionFigures {
  open: number;
  done: number;
  cancelled: number;
  /** Open and past their due date. */
  overdue: number;
}

export interface ManagementReviewInputs {
  review: { reference: string; scheduledOn: string; scope: string; status: string };
  /** The previous management review held before this one, and the day it was held: figures count from it. */
  previous: { reference: string; heldOn: string } | null;
  /** 9.3.2 a): corrective actions for nonconformities raised at earlier management reviews. */
  previousReviewActions: ActionFigures & { items: { reference: string; nonconformity: string; review: string; status: CorrectiveActionStatus; dueDate: string; ownerName: string }[] };
  /** 9.3.2 b): AI systems registered, retired or re-tiered since the previous review. */
  contextChanges: {
    registered: { reference: string; name: string }[];
    retired: { reference: string; name: string }[];
    tierChanged: { reference: string; name: string; from: RiskTier | null; to: RiskTier | null }[];
  };
  /** 9.3.2 b): internal and external issues and interested parties' requirements (4.1, 4.2). */
  organisationalContext: ContextForReview;
  /** Incidents reported since: counts only, so confidential ones reveal nothing. */
  incidents: { total: number; bySeverity: Record<Severity, number>; byStatus: Partial<Record<IncidentStatus, number>>; confidential: number };
  /** 9.3.2 d) 1): every nonconformity by its status now, and how many were raised since. */
  nonconformities: { byStatus: Record<NonconformityStatus, number>; raisedSince: number };
  correctiveActions: ActionFigures;
  /** 9.3.2 d) 3): internal audits held since, with their conclusions. */
  audits: { reference: string; heldOn: string; scope: string; conclusion: string | null; nonconformities: number }[];
  /** 9.3.2 d): risk assessment results: risks not closed by level, and acceptances waiting for a decision. */
  risks: { total: number; byLevel: Record<RiskLevel, number>; pendingAcceptance: number };
  /** 9.3.2 d) 2): monitoring and measurement results (9.1): each measured objective's latest result against its target, and the trend. */
  measurements?: MeasureSummary[];
  /** 9.3.2 d) 4): how far each AI objective (6.2) has been met, and which are overdue. */
  objectives: { byStatus: Partial<Record<ObjectiveStatus, number>>; overdue: number; items: { reference: string; objective: string; target: string; ownerName: string; dueOn: string; status: ObjectiveStatus; progressNote: string | null; overdue: boolean }[] };
  /** 9.3.2 b): the scope (4.3) as it stands, and the changes made to it since the previous review. */
  scope: { reference: string; version: number; changesSince: { at: string; by: string }[] } | null;
  /** 9.3.2 c): feedback from interested parties through the policy assistant since. */
  feedback: { questions: number; unanswered: number; routedToGovernance: number; helpful: number; notHelpful: number };
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
const severities: readonly Severity[] = ["sev1", "sev2", "sev3", "sev4"];
const riskLevels: readonly RiskLevel[] = ["critical", "high", "medium", "low"];
const nonconformityStatuses: readonly NonconformityStatus[] = ["open", "action_planned", "closed"];

function actionFigures(actions: { status: CorrectiveActionStatus; dueDate: Date }[], today: string): ActionFigures {
  return {
    open: actions.filter((action) => action.status === "open").length,
    done: actions.filter((action) => action.status === "done").length,
    cancelled: actions.filter((action) => action.status === "cancelled").length,
    overdue: actions.filter((action) => action.status === "open" && day(action.dueDate) < today).length,
  };
}

/** The inputs for management review `reference`, or null when there is no such management review. */
export async function managementReviewInputs(prisma: PrismaClient, reference: string, now: Date): Promise<ManagementReviewInputs | null> {
  const review = await prisma.scheduledReview.findUnique({ where: { reference } });
  if (!review || review.kind !== "management_review") return null;
  const previous = await prisma.scheduledReview.findFirst({
    where: { kind: "management_review", status: "held", id: { not: review.id }, heldOn: { not: null, lte: review.heldOn ?? now } },
    orderBy: [{ heldOn: "desc" }, { reference: "desc" }],
  });
  const since = previous?.heldOn ?? new Date(0);
  const today = day(now);
  const [previousReviewActions, contextChanges, incidents, nonconformities, correctiveActions, audits, risks, feedback, objectives, scope, organisationalContext] = await Promise.all([
    actionsFromEarlierReviews(prisma, review.id, today),
    changesInContext(prisma, since),
    incidentsSince(prisma, since),
    nonconformitiesNow(prisma, since),
    prisma.correctiveAction.findMany({ select: { status: true, dueDate: true } }).then((actions) => actionFigures(actions, today)),
    auditsSince(prisma, since),
    riskResults(prisma),
    feedbackSince(prisma, since),
    objectiveResults(prisma, now),
    scopeChangesSince(prisma, since),
    contextForReview(prisma, since, now),
  ]);
  const measurements = await measureSummaries(prisma, now, since);
  return {
    review: { reference: review.reference, scheduledOn: day(review.scheduledOn), scope: review.scope, status: review.status },
    previous: previous ? { reference: previous.reference, heldOn: day(previous.heldOn!) } : null,
    previousReviewActions,
    contextChanges,
    organisationalContext,
    incidents,
    nonconformities,
    correctiveActions,
    audits,
    risks,
    measurements,
    objectives,
    scope,
    feedback,
  };
}

async function actionsFromEarlierReviews(prisma: PrismaClient, reviewId: string, today: string) {
  const actions = await prisma.correctiveAction.findMany({
    where: { nonconformity: { review: { kind: "management_review", id: { not: reviewId } } } },
    include: { owner: { select: { displayName: true } }, nonconformity: { select: { reference: true, review: { select: { reference: true } } } } },
    orderBy: { reference: "asc" },
  });
  return {
    ...actionFigures(actions, today),
    items: actions.map((action) => ({
      reference: action.reference,
      nonconformity: action.nonconformity!.reference,
      review: action.nonconformity!.review!.reference,
      status: action.status,
      dueDate: day(action.dueDate),
      ownerName: action.owner.displayName,
    })),
  };
}

type Change = { from?: unknown; to?: unknown };

/** Reads the AI systems' change history: a creation is a registration, a status change to retired a retirement. */
async function changesInContext(prisma: PrismaClient, since: Date): Promise<ManagementReviewInputs["contextChanges"]> {
  const entries = await prisma.changeLog.findMany({ where: { entityType: aiSystemEntity, at: { gt: since } }, orderBy: { id: "asc" } });
  const systems = new Map(
    (await prisma.aiSystem.findMany({ where: { id: { in: [...new Set(entries.map((entry) => entry.entityId))] } }, select: { id: true, reference: true, name: true } })).map((system) => [system.id, system]),
  );
  const result: ManagementReviewInputs["contextChanges"] = { registered: [], retired: [], tierChanged: [] };
  for (const entry of entries) {
    const system = systems.get(entry.entityId);
    if (!system) continue;
    const named = { reference: system.reference, name: system.name };
    const changes = entry.changes as Record<string, Change>;
    if (entry.action === "create") result.registered.push(named);
    else if (changes.status?.to === "retired") result.retired.push(named);
    if (entry.action !== "create" && changes.riskTier) result.tierChanged.push({ ...named, from: (changes.riskTier.from ?? null) as RiskTier | null, to: (changes.riskTier.to ?? null) as RiskTier | null });
  }
  return result;
}

async function incidentsSince(prisma: PrismaClient, since: Date): Promise<ManagementReviewInputs["incidents"]> {
  const incidents = await prisma.incident.findMany({ where: { reportedAt: { gt: since } }, select: { severity: true, status: true, confidential: true } });
  const bySeverity = zeroes(severities);
  const byStatus: Partial<Record<IncidentStatus, number>> = {};
  for (const incident of incidents) {
    bySeverity[incident.severity]++;
    byStatus[incident.status] = (byStatus[incident.status] ?? 0) + 1;
  }
  return { total: incidents.length, bySeverity, byStatus, confidential: incidents.filter((incident) => incident.confidential).length };
}

async function nonconformitiesNow(prisma: PrismaClient, since: Date): Promise<ManagementReviewInputs["nonconformities"]> {
  const all = await prisma.nonconformity.findMany({ select: { status: true, createdAt: true } });
  const byStatus = zeroes(nonconformityStatuses);
  for (const nonconformity of all) byStatus[nonconformity.status]++;
  return { byStatus, raisedSince: all.filter((nonconformity) => nonconformity.createdAt > since).length };
}

async function auditsSince(prisma: PrismaClient, since: Date): Promise<ManagementReviewInputs["audits"]> {
  const audits = await prisma.scheduledReview.findMany({
    where: { kind: "internal_audit", status: "held", heldOn: { gte: since } },
    include: { _count: { select: { nonconformities: true } } },
    orderBy: [{ heldOn: "asc" }, { reference: "asc" }],
  });
  return audits.map((audit) => ({ reference: audit.reference, heldOn: day(audit.heldOn!), scope: audit.scope, conclusion: audit.conclusion, nonconformities: audit._count.nonconformities }));
}

async function riskResults(prisma: PrismaClient): Promise<ManagementReviewInputs["risks"]> {
  const risks = await prisma.risk.findMany({ where: { status: { not: "closed" } }, select: { level: true, status: true } });
  const byLevel = zeroes(riskLevels);
  for (const risk of risks) byLevel[risk.level]++;
  return { total: risks.length, byLevel, pendingAcceptance: risks.filter((risk) => risk.status === "acceptance_pending").length };
}

async function objectiveResults(prisma: PrismaClient, now: Date): Promise<ManagementReviewInputs["objectives"]> {
  const objectives = await prisma.aiObjective.findMany({ orderBy: [{ dueOn: "asc" }, { reference: "asc" }], include: { owner: { select: { displayName: true } } } });
  // In the order of the labels (not started … withdrawn), so the line reads the same every time.
  const byStatus = Object.fromEntries(
    (Object.keys(objectiveStatusLabels) as ObjectiveStatus[]).map((status) => [status, objectives.filter((objective) => objective.status === status).length]).filter(([, count]) => count !== 0),
  ) as Partial<Record<ObjectiveStatus, number>>;
  const items = objectives.map((objective) => ({
    reference: objective.reference,
    objective: objective.objective,
    target: objective.target,
    ownerName: objective.owner.displayName,
    dueOn: day(objective.dueOn),
    status: objective.status,
    progressNote: objective.progressNote,
    overdue: isOverdueObjective(objective, now),
  }));
  return { byStatus, overdue: items.filter((item) => item.overdue).length, items };
}

async function scopeChangesSince(prisma: PrismaClient, since: Date): Promise<ManagementReviewInputs["scope"]> {
  const scope = await prisma.aimsScope.findFirst({ orderBy: { createdAt: "asc" } });
  if (!scope) return null;
  const changes = await prisma.changeLog.findMany({ where: { entityType: scopeEntity, entityId: scope.id, at: { gt: since } }, orderBy: { id: "asc" } });
  return { reference: scope.reference, version: scope.version, changesSince: changes.map((change) => ({ at: day(change.at), by: change.actorLabel })) };
}

async function feedbackSince(prisma: PrismaClient, since: Date): Promise<ManagementReviewInputs["feedback"]> {
  const questions = await prisma.policyQuestion.findMany({ where: { createdAt: { gt: since } }, select: { answered: true, routedAt: true, feedback: true } });
  return {
    questions: questions.length,
    unanswered: questions.filter((question) => !question.answered).length,
    routedToGovernance: questions.filter((question) => question.routedAt !== null).length,
    helpful: questions.filter((question) => question.feedback === "helpful").length,
    notHelpful: questions.filter((question) => question.feedback === "not_helpful").length,
  };
}

// --- Rendering -------------------------------------------------------------------------------

const counts = <K extends string>(figures: Partial<Record<K, number>>, labels: Record<K, string>) =>
  (Object.entries(figures) as [K, number][]).filter(([, count]) => count > 0).map(([key, count]) => `${labels[key]} ${count}`).join(", ") || "none";
const actionLine = (figures: ActionFigures) => `${figures.open} open (${figures.overdue} overdue), ${figures.done} done, ${figures.cancelled} cancelled`;
/** Systems named up to ten; the data keeps them all. */
const systemsList = (systems: { reference: string; name: string }[]) =>
  systems.length === 0
    ? "none"
    : `${systems.length}: ${systems.slice(0, 10).map((system) => `${system.reference} ${system.name}`).join("; ")}${systems.length > 10 ? ` … and ${systems.length - 10} more` : ""}`;

/** The inputs as Markdown sections, one per input of 9.3.2, in the standard's order. */
export function renderManagementReviewInputs(inputs: ManagementReviewInputs): string {
  const sinceText = inputs.previous ? `since ${inputs.previous.reference} (held ${displayDate(inputs.previous.heldOn)})` : "since records began (no earlier management review is recorded as held)";
  const sections: [string, string[]][] = [
    [
      "Actions from previous management reviews",
      inputs.previousReviewActions.items.length === 0
        ? ["No corrective actions come from earlier management reviews."]
        : [actionLine(inputs.previousReviewActions), ...inputs.previousReviewActions.items.map((item) => `${item.reference} (${item.nonconformity}, ${item.review}): ${actionStatusLabels[item.status].toLowerCase()}, due ${displayDate(item.dueDate)}, owner ${item.ownerName}`)],
    ],
    [
      "Changes in context: AI systems",
      [
        `Registered: ${systemsList(inputs.contextChanges.registered)}`,
        `Retired: ${systemsList(inputs.contextChanges.retired)}`,
        `Risk tier changed: ${inputs.contextChanges.tierChanged.length === 0 ? "none" : inputs.contextChanges.tierChanged.map((change) => `${change.reference} ${change.name} (${change.from ? riskTierLabels[change.from] : "none"} → ${change.to ? riskTierLabels[change.to] : "none"})`).join("; ")}`,
      ],
    ],
    ["Changes in context: internal and external issues, interested parties", contextReviewLines(inputs.organisationalContext)],
    [
      "Incidents",
      [
        `${inputs.incidents.total} reported; by severity: ${counts(inputs.incidents.bySeverity, severityLabels)}`,
        `By status now: ${counts(inputs.incidents.byStatus, incidentStatusLabels)}`,
        `Confidential (counted only): ${inputs.incidents.confidential}`,
      ],
    ],
    [
      "Nonconformities and corrective actions",
      [
        `Nonconformities: ${counts(inputs.nonconformities.byStatus, nonconformityStatusLabels)} (${inputs.nonconformities.raisedSince} raised in this period)`,
        `Corrective actions: ${actionLine(inputs.correctiveActions)}`,
      ],
    ],
    [
      "Audit results",
      inputs.audits.length === 0
        ? ["No internal audit was held in this period."]
        : inputs.audits.map((audit) => `${audit.reference} (${displayDate(audit.heldOn)}, ${audit.scope}): ${audit.conclusion ?? "no conclusion recorded"}; ${audit.nonconformities} nonconformit${audit.nonconformities === 1 ? "y" : "ies"}`),
    ],
    ["Risk assessment results", [`${inputs.risks.total} risks not closed; by level: ${counts(inputs.risks.byLevel, riskLevelLabels)}`, `Acceptances waiting for a decision: ${inputs.risks.pendingAcceptance}`]],
    ["Scope of the AI management system", scopeInputLines(inputs.scope)],
    ["Monitoring and measurement results", measurementInputLines(inputs.measurements ?? [])],
    ["AI objectives", objectiveInputLines(inputs.objectives)],
    [
      "Feedback from interested parties",
      [
        `${inputs.feedback.questions} policy questions asked; ${inputs.feedback.unanswered} not answered by the policy; ${inputs.feedback.routedToGovernance} passed to governance`,
        `Answers rated helpful ${inputs.feedback.helpful}, not helpful ${inputs.feedback.notHelpful}`,
      ],
    ],
  ];
  return [
    `# Inputs to ${reviewKindLabels.management_review.toLowerCase()} ${inputs.review.reference}`,
    "",
    `${inputs.review.scope}, scheduled ${displayDate(inputs.review.scheduledOn)}. Figures ${sinceText}.`,
    ...sections.flatMap(([heading, lines]) => ["", `## ${heading}`, "", ...lines.map((line) => `- ${line}`)]),
  ].join("\n") + "\n";
}

function scopeInputLines(scope: ManagementReviewInputs["scope"]): string[] {
  if (!scope) return ["No scope is recorded (4.3): record it with \"edit scope\" before the review."];
  const changes = scope.changesSince.length === 0 ? "unchanged in this period" : `changed ${scope.changesSince.length} time${scope.changesSince.length === 1 ? "" : "s"} in this period (${scope.changesSince.map((change) => `${displayDate(change.at)} by ${change.by}`).join("; ")})`;
  return [`${scope.reference} version ${scope.version}, ${changes}; the statement is in scope.md of the evidence pack, or type "scope".`];
}

function measurementInputLines(summaries: MeasureSummary[]): string[] {
  if (summaries.length === 0) return ['No objective has a measure yet (9.1): "update objective OBJ-0001" sets what is measured, how often and the target figure.'];
  const recorded = summaries.reduce((total, summary) => total + summary.resultsSince, 0);
  const notMet = summaries.filter((summary) => summary.latest?.met === false).length;
  return [`${recorded} result${recorded === 1 ? "" : "s"} recorded in this period; latest result not met for ${notMet} of ${summaries.length} measured objectives`, ...summaries.map(describeMeasureSummary)];
}

function objectiveInputLines(objectives: ManagementReviewInputs["objectives"]): string[] {
  if (objectives.items.length === 0) return ["No AI objectives are recorded (6.2): record them with \"add objective\"."];
  return [
    `${objectives.items.length} objectives: ${counts(objectives.byStatus, objectiveStatusLabels)}; ${objectives.overdue} overdue`,
    ...objectives.items.map((item) => `${item.reference} ${item.objective} (target ${item.target}; ${item.ownerName}; due ${displayDate(item.dueOn)}): ${objectiveStatusLabels[item.status]}${item.overdue ? ", overdue" : ""}${item.progressNote ? ` · ${item.progressNote}` : ""}`),
  ];
}

/** The inputs as data and as Markdown together (the chat answer, the evidence pack). */
export async function prepareManagementReview(prisma: PrismaClient, reference: string, now: Date): Promise<{ inputs: ManagementReviewInputs; markdown: string } | null> {
  const inputs = await managementReviewInputs(prisma, reference, now);
  return inputs ? { inputs, markdown: renderManagementReviewInputs(inputs) } : null;
}
