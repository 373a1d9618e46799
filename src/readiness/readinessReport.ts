// Where the organisation stands on the road to ISO/IEC 42001 certification, read from its records:
// the implementation phases in the order organisations usually take them, each with what the
// records show done, what is missing and the command that fills it; and the checklist a stage-1
// auditor works through. Nothing here is self-rated: every line counts records.
import type { PrismaClient } from "../generated/prisma/client.js";
import { annexAControls } from "../iso42001/catalog.js";
import { listPolicyFiles } from "../policy/policyCorpus.js";
import { lifecycleGaps } from "../domain/lifecycleRules.js";
import { recordsOnFile } from "../store/lifecycleRecordsOnFile.js";

export interface ReadinessStep {
  title: string;
  done: boolean;
  /** What the records show, in one sentence. */
  shows: string;
  /** What is still missing, or null when done. */
  missing: string | null;
  /** The command (or commands) that fill the gap. */
  command: string;
}

export interface ReadinessReport {
  phases: ReadinessStep[];
  stageOneChecklist: ReadinessStep[];
}

const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;
const step = (title: string, done: boolean, shows: string, missing: string, command: string): ReadinessStep => ({ title, done, shows, missing: done ? null : missing, command });

/** The figures every phase and checklist item reads, in one round of queries. */
async function figures(prisma: PrismaClient, policyDir: string | undefined, now: Date) {
  const [systems, scope, objectives, gap, riskSystems, soa, trainings, people, audits, reviews, openNonconformities, lifecycle] = await Promise.all([
    prisma.aiSystem.findMany({ where: { status: { not: "retired" } }, select: { reference: true, ownerId: true, riskTier: true, id: true, status: true } }),
    prisma.aimsScope.findFirst(),
    prisma.aiObjective.count(),
    prisma.gapAnalysis.findFirst({ orderBy: { createdAt: "desc" }, include: { findings: { select: { status: true } } } }),
    prisma.risk.findMany({ distinct: ["systemId"], select: { systemId: true } }),
    prisma.controlApplicability.findMany({ select: { applicable: true, implementation: true } }),
    prisma.trainingRecord.findMany({ where: { OR: [{ validUntil: null }, { validUntil: { gte: now } }] }, select: { personId: true } }),
    prisma.person.findMany({ where: { roles: { hasSome: ["owner", "governance"] } }, select: { id: true } }),
    prisma.scheduledReview.count({ where: { kind: "internal_audit", status: "held" } }),
    prisma.scheduledReview.count({ where: { kind: "management_review", status: "held" } }),
    prisma.nonconformity.count({ where: { status: { not: "closed" } } }),
    recordsOnFile(prisma),
  ]);
  const policyFiles = policyDir ? listPolicyFiles(policyDir) : [];
  const assessed = new Set(riskSystems.map((risk) => risk.systemId));
  const trained = new Set(trainings.map((training) => training.personId));
  return {
    systems: systems.length,
    withoutOwner: systems.filter((system) => !system.ownerId).map((system) => system.reference),
    approvedNeedingRecords: systems.filter((system) => system.status === "approved" && system.riskTier !== "low").length,
    /** Approved medium and high-tier systems without the life-cycle records their tier needs (A.6.2). */
    lackingLifecycle: systems.filter((system) => system.status === "approved" && lifecycleGaps(system.reference, system.riskTier, lifecycle.get(system.id) ?? []).length > 0).map((system) => system.reference),
    needingRisk: systems.filter((system) => (system.riskTier === "medium" || system.riskTier === "high") && !assessed.has(system.id)).map((system) => system.reference),
    scope,
    objectives,
    gap,
    decided: soa.length,
    applicable: soa.filter((decision) => decision.applicable).length,
    implemented: soa.filter((decision) => decision.applicable && decision.implementation === "implemented").length,
    untrained: people.filter((person) => !trained.has(person.id)).length,
    toTrain: people.length,
    policyFiles,
    procedures: policyFiles.filter((file) => /procedure|process|playbook/i.test(file)),
    audits,
    reviews,
    openNonconformities,
  };
}

type Figures = Awaited<ReturnType<typeof figures>>;
const listed = (references: string[]) => `${references.slice(0, 5).join(", ")}${references.length > 5 ? ` and ${references.length - 5} more` : ""}`;
const controls = annexAControls.length;

function phases(f: Figures): ReadinessStep[] {
  const gapOpen = f.gap ? f.gap.findings.filter((finding) => finding.status !== "in_place").length : 0;
  return [
    step(
      "Inventory and scope",
      f.scope !== null && f.systems > 0 && f.withoutOwner.length === 0,
      `${f.scope ? `Scope ${f.scope.reference} version ${f.scope.version} recorded` : "No scope recorded"}; ${plural(f.systems, "AI system")} in the inventory${f.withoutOwner.length > 0 ? `, ${f.withoutOwner.length} without an owner` : ""}.`,
      [f.scope ? null : "the scope (4.3)", f.systems === 0 ? "the AI systems in use" : null, f.withoutOwner.length > 0 ? `owners for ${listed(f.withoutOwner)}` : null].filter(Boolean).join("; "),
      '"edit scope", "register", "my systems"',
    ),
    step("Gap analysis", f.gap !== null, f.gap ? `${f.gap.reference}: ${plural(f.gap.findings.length - gapOpen, "clause")} in place, ${gapOpen} partial or missing.` : "No gap analysis yet.", "a gap analysis against clauses 4–10", '"gap analysis", "gap report"'),
    step(
      "Risk assessment and Statement of Applicability",
      f.needingRisk.length === 0 && f.systems > 0 && f.decided === controls,
      `${f.needingRisk.length === 0 ? "Every medium and high-tier system has a risk assessment" : `${plural(f.needingRisk.length, "medium or high-tier system")} without a risk assessment`}; ${f.decided} of ${controls} Annex A controls decided.`,
      [f.needingRisk.length > 0 ? `risk assessments for ${listed(f.needingRisk)}` : null, f.decided < controls ? `decisions on ${controls - f.decided} Annex A controls` : null, f.systems === 0 ? "AI systems to assess" : null].filter(Boolean).join("; "),
      '"assess risk AIS-0001", "soa"',
    ),
    step(
      "Policy and procedures",
      f.policyFiles.length > 0 && f.procedures.length > 0 && f.objectives > 0,
      `${plural(f.policyFiles.length, "policy document")} read (${plural(f.procedures.length, "procedure")}); ${plural(f.objectives, "AI objective")} recorded.`,
      [f.policyFiles.length === 0 ? "the AI policy in POLICY_DIR" : null, f.procedures.length === 0 ? "a procedure document (e.g. the AI incident procedure)" : null, f.objectives === 0 ? "AI objectives (6.2)" : null].filter(Boolean).join("; "),
      'documents in POLICY_DIR ("npx aims doctor" lists them), "add objective"',
    ),
    step(
      "Controls in place",
      f.applicable > 0 && f.implemented === f.applicable,
      f.applicable > 0 ? `${f.implemented} of ${plural(f.applicable, "applicable control")} implemented.` : "No control is marked applicable yet.",
      f.applicable > 0 ? `${f.applicable - f.implemented} applicable controls to implement` : "the Statement of Applicability",
      '"soa A.6.2.4" to record a control\'s implementation and evidence',
    ),
    step(
      "Training and awareness",
      f.toTrain > 0 && f.untrained === 0,
      f.toTrain > 0 ? `${f.toTrain - f.untrained} of ${plural(f.toTrain, "system owner and governance member", "system owners and governance members")} have a valid training record.` : "Nobody holds the owner or governance role yet.",
      f.toTrain > 0 ? `training records for ${plural(f.untrained, "person", "people")}` : "people with the owner and governance roles",
      '"record training", "training all"',
    ),
    step(
      "Internal audit and management review",
      f.audits > 0 && f.reviews > 0,
      `${plural(f.audits, "internal audit")} and ${plural(f.reviews, "management review")} held; ${plural(f.openNonconformities, "nonconformity", "nonconformities")} open.`,
      [f.audits === 0 ? "an internal audit held" : null, f.reviews === 0 ? "a management review held" : null].filter(Boolean).join("; "),
      '"schedule audit", "schedule review", "REV-0001 results"',
    ),
  ];
}

function checklist(f: Figures): ReadinessStep[] {
  return [
    step("AI policy (5.2)", f.policyFiles.length > 0, `${plural(f.policyFiles.length, "policy document")} in POLICY_DIR.`, "the AI policy document", "put it in POLICY_DIR"),
    step("Scope (4.3)", f.scope !== null, f.scope ? `${f.scope.reference} version ${f.scope.version}.` : "Not recorded.", "the scope statement", '"edit scope"'),
    step("Risk assessment (6.1.2)", f.systems > 0 && f.needingRisk.length === 0, f.needingRisk.length === 0 ? `Every medium and high-tier system of ${f.systems} assessed.` : `${plural(f.needingRisk.length, "system")} not assessed: ${listed(f.needingRisk)}.`, "risk assessments", '"assess risk"'),
    step("Statement of Applicability (6.1.3)", f.decided === controls, `${f.decided} of ${controls} controls decided.`, `${controls - f.decided} controls to decide`, '"soa"'),
    step(
      "AI system life cycle (A.6.2)",
      f.approvedNeedingRecords > 0 && f.lackingLifecycle.length === 0,
      f.approvedNeedingRecords === 0 ? "No medium or high-tier system is approved yet." : `${f.approvedNeedingRecords - f.lackingLifecycle.length} of ${plural(f.approvedNeedingRecords, "approved medium or high-tier system")} have the life-cycle records their tier needs${f.lackingLifecycle.length > 0 ? `; not ${listed(f.lackingLifecycle)}` : ""}.`,
      "requirements, verification results, deployment and monitoring plans, technical documentation and event logging as each tier needs",
      '"lifecycle AIS-0001"',
    ),
    step("Procedures (7.5)", f.procedures.length > 0, f.procedures.length > 0 ? `${f.procedures.join(", ")}.` : "No procedure document found.", "documented procedures", "put them in POLICY_DIR"),
    step("AI objectives (6.2)", f.objectives > 0, `${plural(f.objectives, "objective")} recorded.`, "AI objectives", '"add objective"'),
    step("Internal audit and management review records (9.2, 9.3)", f.audits > 0 && f.reviews > 0, `${plural(f.audits, "audit")} and ${plural(f.reviews, "management review")} held.`, "an internal audit and a management review held", '"schedule audit", "schedule review"'),
    step("Nonconformities closed (10.2)", f.openNonconformities === 0, f.openNonconformities === 0 ? "None open." : `${plural(f.openNonconformities, "nonconformity", "nonconformities")} open.`, "nonconformities to close", '"nonconformities"'),
  ];
}

export async function readinessReport(prisma: PrismaClient, options: { policyDir?: string | undefined; now: Date }): Promise<ReadinessReport> {
  const f = await figures(prisma, options.policyDir, options.now);
  const stageOneChecklist = checklist(f);
  const ready = stageOneChecklist.every((item) => item.done);
  const certification = step(
    "Certification",
    ready,
    `${stageOneChecklist.filter((item) => item.done).length} of ${stageOneChecklist.length} stage-1 checklist items met.`,
    `the stage-1 checklist: ${stageOneChecklist.filter((item) => !item.done).map((item) => item.title).join(", ")}`,
    '"evidence pack" for the auditor',
  );
  return { phases: [...phases(f), certification], stageOneChecklist };
}

const mark = (item: ReadinessStep) => (item.done ? "✅" : "⬜");

/** The report as lines for chat: each phase with what is done, what is missing and what to type. */
export function readinessText(report: ReadinessReport): string {
  const done = report.phases.filter((phase) => phase.done).length;
  const lines = report.phases.map((phase, index) => `${mark(phase)} ${index + 1}. ${phase.title}: ${phase.shows}${phase.missing ? `\n    Missing: ${phase.missing}. Type ${phase.command}.` : ""}`);
  return [`Road to ISO/IEC 42001 certification: ${done} of ${report.phases.length} phases done.`, ...lines].join("\n");
}

/** The stage-1 checklist as Markdown, for the evidence pack's README. */
export function checklistMarkdown(report: ReadinessReport): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  return [
    "| | Stage-1 item | What the records show | Missing, and how to fill it |",
    "| --- | --- | --- | --- |",
    ...report.stageOneChecklist.map((item) => `| ${mark(item)} | ${cell(item.title)} | ${cell(item.shows)} | ${item.missing ? cell(`${item.missing}: ${item.command}`) : ""} |`),
  ].join("\n");
}
