// The conversations that record an AI system's life-cycle records, one per kind (A.6.2.2–A.6.2.8):
// started by "add monitoring plan AIS-0001" and the like, or by "update LCR-0004" with the current
// version's answers filled in, which saves a new version instead of overwriting it.
import { z } from "zod";
import type { LifecycleRecordKind } from "../../generated/prisma/enums.js";
import type { Answers, CompletionContext, FlowDefinition, StepDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { choicesFrom, requiredText } from "../../conversations/flows/choices.js";
import { addLifecycleRecord, lifecycleGapsOf, reviseLifecycleRecord, type LifecycleContent } from "../lifecycleRecords.js";
import { lifecycleKindFacts, lifecycleKinds, measureText, readMeasure, readThreshold, thresholdText, type Threshold } from "../../domain/lifecycleRules.js";
import { lifecycleRecordFlowId, watchLabels } from "../lifecycleWords.js";
import { enqueueNotice, governanceAudience } from "../../store/notifications.js";

const carried = (id: string, label: string, pattern: RegExp, example: string): StepDefinition => ({
  id,
  label,
  prompt: `Which record? (e.g. ${example})`,
  help: "Filled in when the conversation was started from that record.",
  input: "text",
  schema: z.string().regex(pattern, `Please give a reference such as ${example}.`),
  when: (answers: Answers) => answers[id] !== undefined,
});

const systemStep = carried("system", "AI system", /^AIS-\d{4,}$/, "AIS-0001");
const revisesStep = carried("revises", "New version of", /^LCR-\d{4,}$/, "LCR-0001");
const linkStep = (prompt: string, optional = true): StepDefinition => ({
  id: "link",
  label: "Link",
  prompt: optional ? `${prompt} ("skip" if none)` : prompt,
  help: "A link to the document, page or folder where the full text is kept.",
  input: "text",
  schema: requiredText("link", 1000),
  ...(optional ? { optional: true, defaultValue: () => null } : {}),
});
const text = (id: string, label: string, prompt: string, help: string, max = 4000): StepDefinition => ({ id, label, prompt, help, input: "text", schema: requiredText(label.toLowerCase(), max) });

/** A typed answer is read; a value filled in from the current version (an object) is taken as it is. */
const measured = <T>(read: (typed: string) => T | null, message: string) =>
  z.unknown().transform((given, context) => {
    if (typeof given === "object" && given !== null) return given as T;
    const value = typeof given === "string" ? read(given) : null;
    if (value === null) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return value;
  });
const thresholdSchema = measured(readThreshold, 'Please give the threshold with its direction, e.g. ">= 0.85", "at least 90%" or "at most 200 ms".');
const resultSchema = measured(readMeasure, 'Please give the result as a number, e.g. "0.88" or "93%".');

const stepsByKind: Record<LifecycleRecordKind, StepDefinition[]> = {
  requirements: [
    text("summary", "Requirements", "What must the system do, and within which limits? (its functions, performance, constraints)", 'E.g. "Route 80% of simple claims to fast-track; never decline a claim; explain each routing to the handler; respond within 2 s".'),
    linkStep("A link to the full specification?"),
  ],
  design_decision: [
    text("summary", "Decision", "What was decided?", 'E.g. "Gradient-boosted trees rather than a neural network".'),
    text("rationale", "Rationale", "Why, and which alternatives were considered?", 'E.g. "Explainable per feature for handlers; a neural network scored 1 point higher but could not be explained".'),
    linkStep("A link to the design document?"),
  ],
  verification: [
    text("metric", "Metric", "Which metric was measured?", 'E.g. "Recall on fraudulent claims (hold-out set, Q3 2026)".', 300),
    { id: "threshold", label: "Threshold", prompt: 'What must it reach? (e.g. ">= 0.85", "at most 5%")', help: "The acceptance criterion set before testing, with its direction.", input: "text", schema: thresholdSchema, display: (value) => thresholdText(value as Threshold) },
    { id: "result", label: "Result", prompt: 'What was the result? (e.g. "0.88")', help: "The value measured, in the same unit as the threshold. Pass or fail is worked out from the two.", input: "text", schema: resultSchema, display: (value) => { const measure = value as { value: number; unit: string | null }; return measureText(measure.value, measure.unit); } },
    text("summary", "How tested", "How was it tested? (data, method, who ran it)", 'E.g. "5,000 labelled claims from Q3 2026 not used in training; run by the data science team".'),
    linkStep("A link to the test report?"),
  ],
  deployment_plan: [
    text("summary", "Plan", "How is it released? (stages, who signs off, how it is rolled back)", 'E.g. "Pilot with 2 teams for 4 weeks, then all claims; the owner signs off each stage; the previous version stays ready for rollback".'),
    linkStep("A link to the full plan?"),
  ],
  monitoring_plan: [
    { id: "watches", label: "Watched", prompt: "What is watched? Pick all that apply.", help: "Performance: accuracy against outcomes. Bias: results across groups. Drift: input data or predictions moving away from what it was built on.", input: "multi_choice", choices: choicesFrom(watchLabels), schema: z.array(z.string()).min(1, "Pick at least one thing that is watched.") , display: (value) => (value as string[]).map((watch) => watchLabels[watch as keyof typeof watchLabels] ?? watch).join(", ") },
    text("frequency", "How often", 'How often? (e.g. "weekly", "monthly", "continuously with alerts")', "How often someone looks at it, or how often it is measured.", 200),
    { id: "responsible", label: "Who", prompt: 'Who watches it? ("me", a name or an email)', help: "The person who looks at the results and acts on them.", input: "person", schema: z.object({ personId: z.string(), displayName: z.string() }), display: (value) => (value as PersonAnswer).displayName },
    text("summary", "What triggers action", "What triggers action, and what is done then?", 'E.g. "Recall below 0.80 two weeks running, or a gap above 5 points between regions: the owner is told and the model is reviewed".'),
    linkStep("A link to the dashboard or runbook?"),
  ],
  technical_documentation: [
    linkStep("Where is the technical documentation? (a link)", false),
    text("summary", "Covers", "What does it cover?", 'E.g. "Architecture, training data, model card, limitations, instructions for operators".'),
  ],
  event_logging: [
    text("summary", "What is logged", "What events are logged?", 'E.g. "Every score with its inputs, model version and the handler\'s decision".'),
    text("logLocation", "Where", "Where are the logs kept?", 'E.g. "Claims data warehouse, table fraud_score_log".', 500),
    text("retention", "Retention", 'How long are they kept? (e.g. "7 years")', "The retention period, and the rule it comes from if there is one.", 200),
  ],
};

function contentOf(kind: LifecycleRecordKind, answers: Answers): LifecycleContent {
  const threshold = answers.threshold as Threshold | undefined;
  const result = answers.result as { value: number; unit: string | null } | undefined;
  const responsible = answers.responsible as PersonAnswer | undefined;
  return {
    summary: answers.summary as string,
    link: (answers.link as string | null | undefined) ?? null,
    rationale: (answers.rationale as string | undefined) ?? null,
    ...(kind === "verification" && threshold && result
      ? { metric: answers.metric as string, thresholdComparison: threshold.comparison, thresholdValue: threshold.value, resultValue: result.value, unit: threshold.unit ?? result.unit }
      : {}),
    ...(kind === "monitoring_plan" ? { watches: answers.watches as string[], frequency: answers.frequency as string, responsibleId: responsible?.personId ?? null } : {}),
    ...(kind === "event_logging" ? { logLocation: answers.logLocation as string, retention: answers.retention as string } : {}),
  };
}

async function complete(kind: LifecycleRecordKind, answers: Answers, context: CompletionContext) {
  const viewer = { personId: context.speaker.personId, roles: context.speaker.roles };
  const content = contentOf(kind, answers);
  const revises = answers.revises as string | undefined;
  const record = revises
    ? await reviseLifecycleRecord(context.tx, revises, content, viewer, actorOf(context), context.now)
    : await addLifecycleRecord(context.tx, { systemReference: answers.system as string, kind, content }, viewer, actorOf(context));
  const system = await context.tx.aiSystem.findUniqueOrThrow({ where: { id: record.systemId }, select: { id: true, reference: true, name: true, riskTier: true } });
  const lines: string[] = [];
  if (kind === "verification") {
    lines.push(`Result ${measureText(record.resultValue!, record.unit)} against ${thresholdText({ comparison: record.thresholdComparison!, value: record.thresholdValue!, unit: record.unit })}: ${record.passed ? "passed" : "did not pass"}.`);
    if (record.passed) await askForAcceptance(context, record, system);
  }
  const gaps = await lifecycleGapsOf(context.tx, system);
  lines.push(gaps.length === 0 ? `${system.reference} has every life-cycle record its ${system.riskTier ?? "high"} tier needs.` : `Still needed for its ${system.riskTier ?? "high"} tier: ${gaps.map((gap) => gap.text).join("; ")}.`);
  lines.push(`Type "lifecycle ${system.reference}" to see its records.`);
  const what = lifecycleKindFacts[kind].words;
  return { reference: record.reference, title: revises ? `Saved ${record.reference} version ${record.version}: ${what} of ${system.reference}` : `Recorded ${record.reference}: ${what} of ${system.reference} ${system.name}`, lines };
}

/** A passing result waits for the governance team's acceptance: they are told, with the button. */
async function askForAcceptance(context: CompletionContext, { reference, version }: { reference: string; version: number }, system: { reference: string; name: string }) {
  await enqueueNotice(context.tx, governanceAudience, {
    kind: "lifecycle_verification_recorded",
    recordRef: reference,
    subject: `Verification results to accept: ${reference} for ${system.reference} ${system.name}`,
    text: `${context.speaker.displayName} recorded verification and validation results for ${system.reference} that meet their threshold. Type "lifecycle ${reference}" to read them.`,
    actions: [{ label: "Accept results", input: { kind: "record_action", reference, action: "accept" } }],
  }, { occurrence: `v${version}` });
}

const titles: Record<LifecycleRecordKind, string> = {
  requirements: "Record an AI system's requirements and specification",
  design_decision: "Record a design decision",
  verification: "Record verification and validation results",
  deployment_plan: "Record a deployment plan",
  monitoring_plan: "Record a monitoring plan",
  technical_documentation: "Link the technical documentation",
  event_logging: "Record what is logged",
};

export function lifecycleRecordFlows(): FlowDefinition[] {
  return lifecycleKinds.map((kind) => ({
    id: lifecycleRecordFlowId(kind),
    title: titles[kind],
    noun: lifecycleKindFacts[kind].words,
    description: `${titles[kind]} (${lifecycleKindFacts[kind].control})`,
    listed: false,
    steps: [systemStep, revisesStep, ...stepsByKind[kind]],
    introFor: (answers) => (typeof answers.revises === "string" ? `Here is ${answers.revises} as recorded. Edit what has changed, then confirm: it is saved as a new version and the current one is kept.` : undefined),
    complete: (answers, context) => complete(kind, answers, context),
  }));
}
