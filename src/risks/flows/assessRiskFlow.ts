// Assess an AI risk (ISO/IEC 42001 6.1.2) and choose its treatment (6.1.3): one risk of one
// system, rated on the documented matrix (src/domain/riskMatrix.ts), with the Annex A controls
// that treat it and the residual risk left afterwards. Accepting a risk needs the governance
// team's decision; the short flow at the end of this file records a rejection with its reason.
import { z } from "zod";
import { can, couldCreate, refusalText } from "../../domain/accessPolicy.js";
import { ActionRefused } from "../../domain/actionRefused.js";
import {
  impactDescriptions,
  impactDimensionTitle,
  impactDimensions,
  impactLabels,
  likelihoodDescriptions,
  likelihoodLabels,
  rateResidualRisk,
  rateRisk,
  riskLevelLabels,
  type ImpactDimension,
  type Impacts,
} from "../../domain/riskMatrix.js";
import { parseRiskReference, riskDirectionLabels, riskStatusLabels, riskTreatmentDescriptions, riskTreatmentLabels, risksFromSystem, risksToSystem } from "../../domain/riskRegister.js";
import { RiskDirection, RiskTreatment, type RiskCategory } from "../../generated/prisma/enums.js";
import { findControl } from "../../iso42001/catalog.js";
import { RiskStore } from "../../store/risks.js";
import type { Answers, FlowDefinition, StepDefinition } from "../../conversations/flowDefinition.js";
import type { Choice } from "../../conversations/messages.js";
import type { SystemAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { choicesFrom, requiredText } from "../../conversations/flows/choices.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const assessRiskFlowId = "assess_risk";
export const rejectRiskAcceptanceFlowId = "risk_reject_acceptance";

const scaleChoices = (labels: Record<number, string>, descriptions: Record<number, string>): Choice[] =>
  [1, 2, 3, 4, 5].map((value) => ({ value: String(value), label: `${value} – ${labels[value]}`, description: descriptions[value]! }));
const likelihoodChoices = scaleChoices(likelihoodLabels, likelihoodDescriptions);
const impactChoices = scaleChoices(impactLabels, impactDescriptions);
const rating = z.enum(["1", "2", "3", "4", "5"]).transform(Number);

/** What harm on each dimension looks like, so people rate the same things alike. */
const impactExamples: Record<ImpactDimension, string> = {
  safety: "Harm to people's health or physical safety: 1 none at all, 5 serious injury or worse.",
  financial: "Money lost by us or by the people affected: 1 a rounding error, 5 a loss that threatens a business line.",
  reputational: "Trust of customers, staff and the public: 1 nobody notices, 5 national press and lasting distrust.",
  regulatory: "Breaking laws or regulators' expectations: 1 no breach, 5 fines, enforcement or losing a licence.",
  ethical: "Fairness, dignity and people's rights: 1 no one treated unfairly, 5 groups of people systematically wronged.",
  environmental: "Energy, emissions and other harm to the environment: 1 negligible, 5 significant lasting damage.",
};
const impactStepId = (dimension: ImpactDimension) => `impact${dimension.charAt(0).toUpperCase()}${dimension.slice(1)}`;

const ratingStep = (id: string, label: string, prompt: string, help: string, choices: Choice[]): StepDefinition => ({ id, label, prompt, help, input: "single_choice", choices, schema: rating });

const fromSystem = (answers: Answers) => answers.direction === "from_system";
const toSystem = (answers: Answers) => answers.direction === "to_system";

const systemStep: StepDefinition = {
  id: "system",
  label: "AI system",
  prompt: "Which AI system is the risk about? Type its name or reference (e.g. AIS-0001).",
  help: "Risks are assessed per system in the inventory. You can assess the systems you own; the governance team can assess any.",
  input: "ai_system",
  schema: z
    .object({ systemId: z.string().nullable(), reference: z.string().nullable(), name: z.string() })
    .refine((system) => system.systemId !== null, "Risks can only be assessed for systems in the inventory. Pick one from the list, or register it first (\"register an AI system\")."),
};

/** Annex A controls typed as a list ("A.6.2.4, a.7.4"): each one checked against the catalog. */
const controlList = z.string().transform((typed, context) => {
  if (/^(none|no|n\/a)$/i.test(typed.trim())) return [];
  const given = typed.split(/\s*(?:,|;|\band\b)\s*/i).map((item) => item.trim()).filter(Boolean);
  const known = given.map((item) => findControl(item)?.id);
  const unknown = given.filter((_, index) => !known[index]);
  if (unknown.length > 0) {
    const fine = known.filter(Boolean);
    context.addIssue({
      code: "custom",
      message:
        `I don't know the Annex A control${unknown.length === 1 ? "" : "s"} ${unknown.map((item) => `"${item}"`).join(", ")}.` +
        (fine.length > 0 ? ` ${fine.join(", ")} ${fine.length === 1 ? "is" : "are"} fine.` : "") +
        ' Controls look like A.6.2.4; please type the list again, or "skip" if none apply.',
    });
    return [];
  }
  return [...new Set(known as string[])];
});

const steps: StepDefinition[] = [
  systemStep,
  {
    id: "direction",
    label: "Direction",
    prompt: "Is it a risk from the system, or to the system?",
    help: "From the system: harm the AI could cause to people or to us (bias, unsafe decisions…). To the system: threats that make it fail (attacks, drift, a supplier going away…).",
    input: "single_choice",
    choices: choicesFrom(riskDirectionLabels),
    schema: z.enum(RiskDirection),
  },
  {
    id: "categoryFromSystem",
    label: "Category",
    prompt: "What kind of harm could the system cause?",
    help: "Pick the closest; \"Other\" is fine, the description says the rest.",
    input: "single_choice",
    choices: choicesFrom(risksFromSystem),
    schema: z.enum(Object.keys(risksFromSystem) as [RiskCategory, ...RiskCategory[]]),
    when: fromSystem,
  },
  {
    id: "categoryToSystem",
    label: "Category",
    prompt: "What kind of threat to the system is it?",
    help: "Pick the closest; \"Other\" is fine, the description says the rest.",
    input: "single_choice",
    choices: choicesFrom(risksToSystem),
    schema: z.enum(Object.keys(risksToSystem) as [RiskCategory, ...RiskCategory[]]),
    when: toSystem,
  },
  {
    id: "description",
    label: "Description",
    prompt: "Describe the risk: what could happen, to whom, and why?",
    help: "E.g. \"The triage model could rank claims from older customers lower because they are under-represented in the training data\".",
    input: "text",
    schema: requiredText("description of the risk", 2000),
  },
  ratingStep("likelihood", "Likelihood", "How likely is it to happen, as things stand today?", "Rate it before any new treatment, with the controls already in place.", likelihoodChoices),
  ...impactDimensions.map((dimension, index) =>
    ratingStep(
      impactStepId(dimension),
      `${impactDimensionTitle(dimension)} impact`,
      `Impact ${index + 1}/6, ${impactDimensionTitle(dimension).toLowerCase()}: if it happens, how bad would it be?`,
      `${impactExamples[dimension]} The worst of the six impacts sets the score.`,
      impactChoices,
    ),
  ),
  {
    id: "treatment",
    label: "Treatment",
    prompt: "How will the risk be treated?",
    help: "Mitigate, transfer, avoid or accept. Accepting needs the governance team's approval, whatever the level.",
    input: "single_choice",
    choices: choicesFrom(riskTreatmentLabels, riskTreatmentDescriptions),
    schema: z.enum(RiskTreatment),
  },
  {
    id: "justification",
    label: "Justification",
    prompt: (answers) => (answers.treatment === "accept" ? "Why is it acceptable to keep this risk as it is?" : "What will be done, and why is this treatment right?"),
    help: "Auditors read this: say what was weighed, e.g. the cost of treating it against the harm, or which measures are planned and by whom.",
    input: "text",
    schema: requiredText("justification", 2000),
  },
  {
    id: "controls",
    label: "Annex A controls",
    prompt: "Which Annex A controls treat it? (identifiers separated by commas, e.g. A.6.2.4, A.7.4; \"skip\" if none)",
    help: "The controls from ISO/IEC 42001 Annex A that reduce this risk; they link the risk to the Statement of Applicability.",
    input: "text",
    schema: controlList,
    optional: true,
    defaultValue: () => [],
    display: (value) => ((value as string[]).length === 0 ? "None" : (value as string[]).map((id) => `${id} ${findControl(id)?.title ?? ""}`.trim()).join("; ")),
  },
  ratingStep("residualLikelihood", "Residual likelihood", "After the treatment, how likely is it?", "The likelihood once the treatment is in place. It can't make the risk worse than today.", likelihoodChoices),
  ratingStep("residualImpact", "Residual impact", "After the treatment, how bad would the worst impact be?", "The worst impact on any of the six dimensions once the treatment is in place.", impactChoices),
  {
    id: "reviewDate",
    label: "Review date",
    prompt: "When should the risk be reviewed? (a date, \"in 6 months\")",
    help: "High and critical risks are usually reviewed within 3 months, the others within a year. The owner is reminded before the date.",
    input: "date",
    schema: z.string(),
    dates: { only: "future", message: "A review date must be in the future; when should it be reviewed?" },
  },
];

const impactsOf = (answers: Answers): Impacts | null => {
  const entries = impactDimensions.map((dimension) => [dimension, answers[impactStepId(dimension)]] as const);
  return entries.every(([, value]) => typeof value === "number") ? (Object.fromEntries(entries) as Impacts) : null;
};

/** The inherent and residual score the answers give, for the review summary. */
function scoreNote(answers: Answers): string | undefined {
  const impacts = impactsOf(answers);
  if (typeof answers.likelihood !== "number" || !impacts) return undefined;
  const inherent = rateRisk(answers.likelihood, impacts);
  const residual =
    typeof answers.residualLikelihood === "number" && typeof answers.residualImpact === "number" ? rateResidualRisk(answers.residualLikelihood, answers.residualImpact) : null;
  // Short enough for Slack's 75-character header, even at "score 25 critical, residual 25 critical".
  return `score ${inherent.score} ${inherent.level}${residual ? `, residual ${residual.score} ${residual.level}` : ""}`;
}

const dateOnly = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

export function assessRiskFlow(): FlowDefinition {
  return {
    id: assessRiskFlowId,
    title: "Assess an AI risk",
    noun: "risk assessment",
    description: "Assess one risk of an AI system you own: likelihood, impact, treatment and residual risk (about 17 short questions).",
    listedFor: (speaker) => couldCreate(speaker, "risk"),
    refusesToStart: (speaker) => (couldCreate(speaker, "risk") ? null : refusalText("create", "risk")),
    steps,
    summaryNote: scoreNote,
    complete: async (answers, context) => {
      const chosen = answers.system as SystemAnswer;
      const system = chosen.systemId ? await context.tx.aiSystem.findUnique({ where: { id: chosen.systemId }, select: { id: true, reference: true, name: true, ownerId: true } }) : null;
      if (!system) throw new ActionRefused("That AI system is no longer in the inventory; please edit the system.");
      const viewer = { personId: context.speaker.personId, roles: context.speaker.roles };
      if (!can(viewer, "create", "risk", { ownerId: system.ownerId })) throw new ActionRefused(refusalText("create", "risk"));
      const risk = await new RiskStore(context.tx).assess(
        {
          systemId: system.id,
          direction: answers.direction as RiskDirection,
          category: (answers.categoryFromSystem ?? answers.categoryToSystem) as RiskCategory,
          description: answers.description as string,
          likelihood: answers.likelihood as number,
          impacts: impactsOf(answers)!,
          treatment: answers.treatment as RiskTreatment,
          treatmentJustification: answers.justification as string,
          controls: (answers.controls as string[] | null) ?? [],
          residualLikelihood: answers.residualLikelihood as number,
          residualImpact: answers.residualImpact as number,
          reviewDate: dateOnly(answers.reviewDate as string),
        },
        { ...actorOf(context), personId: context.speaker.personId },
        { assessorMayApprove: can(viewer, "approve", "risk", { ownerId: system.ownerId }), now: context.now },
      );
      const inherent = rateRisk(risk.likelihood, impactsOf(answers)!);
      const residual = rateResidualRisk(risk.residualLikelihood, risk.residualImpact);
      return {
        reference: risk.reference,
        title: `Recorded ${risk.reference}: ${riskLevelLabels[risk.level]} risk (score ${risk.score}) on ${system.reference} ${system.name}`,
        lines: [
          inherent.reason,
          residual.reason,
          `Status: ${riskStatusLabels[risk.status]}.`,
          ...(risk.status === "acceptance_pending" ? ["The governance team has been asked to approve accepting it; you will hear their decision."] : []),
          ...(risk.treatment === "accept" && risk.status === "open" ? ["As a governance member, your assessment also approves accepting it."] : []),
          `Review on ${displayDate(risk.reviewDate)}. Type "risk ${risk.reference}" to see it.`,
        ],
      };
    },
  };
}

/** Rejecting an acceptance needs a reason the assessor will read: a short flow started from the risk. */
export function rejectRiskAcceptanceFlow(): FlowDefinition {
  return {
    id: rejectRiskAcceptanceFlowId,
    title: "Reject a risk acceptance",
    noun: "decision on a risk acceptance",
    description: "Reject accepting a risk, with the reason the assessor will read.",
    listed: false,
    refusesToStart: (speaker) => (can(speaker, "approve", "risk") ? null : refusalText("approve", "risk")),
    steps: [
      {
        id: "risk",
        label: "Risk",
        prompt: "Which risk? (e.g. RSK-0007)",
        help: "The risk's reference, as in RSK-0007.",
        input: "text",
        schema: z.string().transform((text, context) => {
          const reference = parseRiskReference(text);
          if (!reference) context.addIssue({ code: "custom", message: "Please give a risk reference such as RSK-0007." });
          return reference ?? "";
        }),
      },
      {
        id: "reason",
        label: "Reason",
        prompt: "Why can't the risk be accepted? The assessor reads this.",
        help: "E.g. \"A high safety impact must be mitigated; please add human review of flagged claims\".",
        input: "text",
        schema: requiredText("reason", 2000),
      },
    ],
    complete: async (answers, context) => {
      const reference = answers.risk as string;
      const viewer = { personId: context.speaker.personId, roles: context.speaker.roles };
      if (!can(viewer, "approve", "risk")) throw new ActionRefused(refusalText("approve", "risk"));
      const risk = await new RiskStore(context.tx).decideAcceptance(reference, { approve: false, note: answers.reason as string }, { ...actorOf(context), personId: context.speaker.personId }, context.now);
      return {
        reference,
        title: `${reference}: acceptance rejected`,
        lines: [`Status: ${riskStatusLabels[risk.status]}.`, "The assessor has been told, with your reason."],
      };
    },
  };
}
