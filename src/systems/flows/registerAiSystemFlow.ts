// Register an AI system (ISO/IEC 42001 4.3 scope, A.4 resources, A.6 life cycle): the owner's
// questionnaire, a derived risk tier with its reasons, and a review date from the tier.
import { z } from "zod";
import {
  affectedPartyLabels,
  aiSystemKindLabels,
  autonomyLevelLabels,
  dataCategoryLabels,
  lifecycleStageLabels,
  regulatedDomainLabels,
  riskTierLabels,
} from "../../domain/labels.js";
import { deriveRiskTier } from "../../domain/riskTier.js";
import { defaultReviewIntervals, nextReviewDate, type ReviewIntervals } from "../../domain/reviewSchedule.js";
import { AffectedParty, AiSystemKind, AutonomyLevel, DataCategory, LifecycleStage, RegulatedDomain } from "../../generated/prisma/enums.js";
import { AiSystemStore } from "../../store/aiSystems.js";
import { ActionRefused } from "../../domain/actionRefused.js";
import { can } from "../../domain/accessPolicy.js";
import { IncidentWorkflow } from "../../store/incidentWorkflow.js";
import { requestApproval } from "../../store/systemApprovals.js";
import { tellNamedOwner } from "../systemOwnership.js";
import { SystemChangeStore } from "../../store/systemChanges.js";
import type { Answers, CompletionContext, CompletionResult, FlowDefinition, StepDefinition } from "../../conversations/flowDefinition.js";
import type { AiSystem } from "../../store/aiSystems.js";
import type { RiskTier } from "../../generated/prisma/enums.js";
import type { NewAiSystem } from "../../domain/aiSystem.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { flowIds } from "../../conversations/intents.js";
import { choicesFrom, requiredText, yesNoChoices } from "../../conversations/flows/choices.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { displayDate, displayDateOr } from "../../domain/dateDisplay.js";

const notInHouse = (answers: Answers) => answers.kind !== "internal_model";

/** Every system has a named owner (A.3.2): the question can't be skipped, and "Me" answers it in one answer. */
const ownerStep: StepDefinition = {
  id: "owner",
  label: "Owner",
  prompt: "Who owns it? Answer \"me\" if you do, or give a colleague's name or email.",
  help: "The owner answers for the system: its reviews, re-attestations and incidents. Every AI system needs one; if it is you, answer \"me\".",
  input: "person",
  choices: [{ value: "me", label: "Me" }],
  schema: z.object({ personId: z.string(), displayName: z.string() }),
  skipRefusal: "Every AI system needs a named owner. Answer \"me\" to own it yourself, or give a colleague's name or email.",
};

export function registerAiSystemFlow(intervals: ReviewIntervals = defaultReviewIntervals): FlowDefinition {
  return {
    id: flowIds.registerSystem,
    title: "Register an AI system",
    noun: "AI system registration",
    description: "Add an AI system you own to the inventory (about 13 short questions).",
    steps: [
      { id: "name", label: "Name", prompt: "What is the AI system called?", help: "The name people know it by, e.g. \"Claims triage model\" or \"Microsoft Copilot in Outlook\".", input: "text", schema: requiredText("name", 120) },
      { id: "purpose", label: "Purpose", prompt: "What is it for? (its purpose, in a sentence)", help: "The business problem it solves, e.g. \"Prioritise incoming claims so urgent ones are handled first\".", input: "text", schema: requiredText("purpose", 2000) },
      { id: "intendedUse", label: "Intended use", prompt: "How is it meant to be used, and by whom?", help: "Who uses its outputs and for what decisions, and what it must not be used for.", input: "text", schema: requiredText("intended use", 2000) },
      { id: "kind", label: "Kind", prompt: "What kind of AI system is it?", help: "In-house: we build or train the model. Third-party service: we call a vendor's AI (e.g. an API). Embedded: AI features inside software we buy. Component of our product: AI we ship to customers.", input: "single_choice", choices: choicesFrom(aiSystemKindLabels), schema: z.enum(AiSystemKind) },
      { id: "vendor", label: "Vendor", prompt: "Which vendor provides it?", help: "The company behind the service or software, e.g. OpenAI, Microsoft, Salesforce.", input: "text", schema: requiredText("vendor", 200), when: notInHouse },
      { id: "businessUnit", label: "Business unit", prompt: "Which business unit uses it? (optional: type \"skip\")", help: "The team or department accountable for its use, e.g. Claims, HR, Marketing.", input: "text", schema: requiredText("business unit", 120), optional: true },
      ownerStep,
      { id: "dataCategories", label: "Data processed", prompt: "What data does it process? Pick all that apply.", help: "Personal data identifies a person. Special-category data: health, ethnicity, religion, sexual orientation, union membership, etc. Pick \"Public data only\" when nothing else applies.", input: "multi_choice", choices: choicesFrom(dataCategoryLabels), schema: z.array(z.enum(DataCategory)).min(1, "Pick at least one kind of data (\"Public data only\" if nothing else applies).").refine((items) => !(items.includes("public_only") && items.length > 1), "\"Public data only\" can't be combined with other data; pick one or the other.") },
      { id: "affectedParties", label: "Who it affects", prompt: "Whose lives or work do its outputs affect? Pick all that apply.", help: "People its outputs or decisions touch, directly or indirectly. Type \"none\" if it only affects internal processes.", input: "multi_choice", choices: choicesFrom(affectedPartyLabels), schema: z.array(z.enum(AffectedParty)) },
      { id: "autonomyLevel", label: "Autonomy", prompt: "How much does it decide on its own?", help: "Advises: a person decides, the AI suggests. Approves: a person signs off each decision. Can override: it acts, a person can reverse. Fully automated: no person involved.", input: "single_choice", choices: choicesFrom(autonomyLevelLabels), schema: z.enum(AutonomyLevel) },
      { id: "regulatedDomain", label: "Regulated domain", prompt: "Is it used in a regulated or high-stakes domain?", help: "Domains where laws set extra duties for AI (e.g. hiring, credit and insurance, health, education, critical infrastructure, public services).", input: "single_choice", choices: choicesFrom(regulatedDomainLabels), schema: z.enum(RegulatedDomain) },
      { id: "lifecycleStage", label: "Life-cycle stage", prompt: "Where is it in its life cycle?", help: "Proposed: being considered. In development: being built or configured. Pilot: in limited real use, to try it out. In production: in everyday use. Retired: no longer used.", input: "single_choice", choices: choicesFrom(lifecycleStageLabels), schema: z.enum(LifecycleStage) },
      { id: "inAimsScope", label: "In AIMS scope", prompt: "Is it within the scope of our AI management system?", help: "Normally yes. Answer no only if the governance team has agreed to exclude it (the reason goes in the scope statement).", input: "yes_no", choices: yesNoChoices, schema: z.boolean() },
      linkedIncidentStep,
      updatingStep,
    ],
    introFor: (answers) =>
      typeof answers.updateSystem === "string"
        ? `Here is ${answers.updateSystem} as recorded. Edit whatever has changed, then confirm: that also re-attests it.`
        : undefined,
    complete: saveSystem(intervals),
  };
}

/**
 * A reference the conversation carries without asking: only present (and shown in the summary) when
 * the flow was started with it pre-filled.
 */
const carriedReference = (id: string, label: string, pattern: RegExp, example: string) =>
  ({
    id,
    label,
    prompt: `Which record? (e.g. ${example})`,
    help: "Filled in when the conversation was started from that record.",
    input: "text",
    schema: z.string().regex(pattern, `Please give a reference such as ${example}.`),
    when: (answers: Answers) => answers[id] !== undefined,
  }) as const;

/** Re-attestation with changes: the same questions, pre-filled from the entry, update it instead of adding one. */
const updatingStep = carriedReference("updateSystem", "Updates", /^AIS-\d{4,}$/, "AIS-0003");

/** The registration answers for an existing entry, so "Update" starts from what is recorded. */
export function answersOf(system: AiSystem & { owner: { id: string; displayName: string } | null }): Answers {
  const given = <T>(value: T | null) => (value === null ? {} : value);
  return {
    name: system.name,
    ...(system.purpose ? { purpose: system.purpose } : {}),
    ...(system.intendedUse ? { intendedUse: system.intendedUse } : {}),
    ...(system.kind ? { kind: system.kind } : {}),
    ...(system.kind && system.kind !== "internal_model" && system.vendor ? { vendor: system.vendor } : {}),
    businessUnit: system.businessUnit,
    ...(system.owner ? { owner: { personId: system.owner.id, displayName: system.owner.displayName } } : {}),
    ...(system.dataCategories.length > 0 ? { dataCategories: system.dataCategories } : {}),
    // An incomplete entry (imported, or reported as shadow AI) has not been asked whom it affects yet.
    ...(system.status !== "draft" || system.affectedParties.length > 0 ? { affectedParties: system.affectedParties } : {}),
    ...(system.autonomyLevel ? { autonomyLevel: system.autonomyLevel } : {}),
    ...(system.regulatedDomain ? { regulatedDomain: system.regulatedDomain } : {}),
    ...(system.lifecycleStage ? { lifecycleStage: system.lifecycleStage } : {}),
    inAimsScope: given(system.inAimsScope),
    updateSystem: system.reference,
  };
}

/** Registration started from an incident whose system was not in the inventory: the incident links back. */
const linkedIncidentStep = carriedReference("linkIncident", "Linked incident", /^INC-\d{4,}$/, "INC-0007");

async function linkIncident(reference: string, system: { id: string; reference: string; name: string }, context: CompletionContext): Promise<string> {
  try {
    await new IncidentWorkflow(context.tx).apply(reference, { action: "set_system", systemId: system.id, name: `${system.name} (${system.reference})` }, {
      actor: actorOf(context),
      viewer: { personId: context.speaker.personId, roles: context.speaker.roles },
      now: context.now,
    });
    return `${reference} now names ${system.reference} as its AI system.`;
  } catch (error) {
    // The registration stands on its own; a link the rules refuse is reported, not fatal.
    if (error instanceof ActionRefused) return `${system.reference} was not linked to ${reference}: ${error.message}`;
    throw error;
  }
}

function saveSystem(intervals: ReviewIntervals) {
  return async (answers: Answers, context: CompletionContext) => {
    const owner = (answers.owner as PersonAnswer | null) ?? { personId: context.speaker.personId, displayName: context.speaker.displayName };
    const tierInput = {
      autonomyLevel: answers.autonomyLevel as AutonomyLevel,
      regulatedDomain: answers.regulatedDomain as RegulatedDomain,
      affectedParties: answers.affectedParties as AffectedParty[],
      dataCategories: answers.dataCategories as DataCategory[],
    };
    const { tier, reasons } = deriveRiskTier(tierInput);
    if (typeof answers.updateSystem === "string") return updateSystem(answers.updateSystem, answers, owner, { tier, reasons, tierInput }, context, intervals);
    const reviewOn = nextReviewDate(tier, context.now, intervals);
    const system = await new AiSystemStore(context.tx).register(
      {
        ...describedBy(answers, owner, tierInput),
        riskTier: tier,
        riskTierReasons: reasons,
        status: "pending_review",
        nextReviewDate: reviewOn,
        lastAttestedAt: context.now,
        createdVia: context.channel,
        // Who registered it, beside who owns it: "registered by Leila Haddad, owner Priya Raman".
        reportedById: context.speaker.personId,
      },
      actorOf(context),
    );
    await requestApproval(context.tx, system, owner.displayName, context.speaker.displayName);
    const ownerTold = await tellNamedOwner(context.tx, system, context.speaker);
    const linked = typeof answers.linkIncident === "string" ? [await linkIncident(answers.linkIncident, system, context)] : [];
    return {
      reference: system.reference,
      title: `Registered ${system.reference}: ${system.name}`,
      lines: [
        `Risk tier: ${riskTierLabels[tier]}, because:`,
        ...reasons.map((reason) => `• ${reason}`),
        ownerTold ? `Registered by you; owner ${owner.displayName}, who has been told and may decline.` : "Registered by you, as its owner.",
        `Status: pending review by the governance team, who have been notified.`,
        `Next review: ${displayDate(reviewOn)} (every ${intervals[tier]} months for ${riskTierLabels[tier].toLowerCase()}-tier systems).`,
        ...linked,
      ],
    };
  };
}

/** The owner re-attests with changes: the entry is updated (with its history), the tier derived again. */
async function updateSystem(
  reference: string,
  answers: Answers,
  owner: PersonAnswer,
  derived: { tier: RiskTier; reasons: string[]; tierInput: Pick<NewAiSystem, "autonomyLevel" | "regulatedDomain" | "affectedParties" | "dataCategories"> },
  context: CompletionContext,
  intervals: ReviewIntervals,
): Promise<CompletionResult> {
  const current = await context.tx.aiSystem.findUnique({ where: { reference } });
  if (!current) throw new ActionRefused(`${reference} no longer exists.`);
  if (!can(context.speaker, "edit", "ai_system", { ownerId: current.ownerId })) {
    throw new ActionRefused(`Only the owner of ${reference} or the governance team can update it.`);
  }
  const tierChanged = current.riskTier !== derived.tier;
  // A reported draft (shadow AI) completed by its owner is now a registration like any other.
  const completesDraft = current.status === "draft";
  const system = await new AiSystemStore(context.tx).update(
    reference,
    {
      ...describedBy(answers, owner, derived.tierInput),
      riskTier: derived.tier,
      riskTierReasons: derived.reasons,
      lastAttestedAt: context.now,
      // A different tier means a different review cadence, starting now.
      ...(tierChanged ? { nextReviewDate: nextReviewDate(derived.tier, context.now, intervals) } : {}),
      ...(completesDraft ? { status: "pending_review" as const } : {}),
    },
    actorOf(context),
  );
  if (completesDraft) {
    await requestApproval(context.tx, system, owner.displayName, context.speaker.displayName);
    await tellNamedOwner(context.tx, system, context.speaker);
    return {
      reference: system.reference,
      title: `Completed ${system.reference}: ${system.name}`,
      lines: [
        `Risk tier: ${riskTierLabels[derived.tier]}, because:`,
        ...derived.reasons.map((reason) => `• ${reason}`),
        "Status: pending review by the governance team, who have been notified.",
        `Next review: ${displayDateOr(system.nextReviewDate, "not set")}.`,
      ],
    };
  }
  // Change control: a material change or a re-tier reopens the approval and asks for new assessments.
  const changeControl = await new SystemChangeStore(context.tx).afterUpdate(context.tx, current, system, actorOf(context));
  return {
    reference: system.reference,
    title: `Updated ${system.reference}: ${system.name}`,
    lines: [
      "Thank you: the entry is updated and re-attested today.",
      tierChanged ? `Its risk tier changed to ${riskTierLabels[derived.tier]}; the next review is due ${displayDateOr(system.nextReviewDate, "not set")}.` : `Risk tier: ${riskTierLabels[derived.tier]} (unchanged).`,
      ...changeControl.lines,
    ],
  };
}

/** The entry's fields as the answers give them: the same for a new registration and an update. */
function describedBy(answers: Answers, owner: PersonAnswer, tierInput: Pick<NewAiSystem, "autonomyLevel" | "regulatedDomain" | "affectedParties" | "dataCategories">) {
  return {
    name: answers.name as string,
    purpose: answers.purpose as string,
    intendedUse: answers.intendedUse as string,
    kind: answers.kind as AiSystemKind,
    vendor: (answers.vendor as string | null) ?? null,
    businessUnit: (answers.businessUnit as string | null) ?? null,
    ownerId: owner.personId,
    ...tierInput,
    lifecycleStage: answers.lifecycleStage as LifecycleStage,
    inAimsScope: answers.inAimsScope as boolean,
  };
}
