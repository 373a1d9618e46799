// Assess an AI system's impact (ISO/IEC 42001 6.1.4, Annex A.5): how it may affect individuals,
// groups and society, how it could be misused, what limits the harm, and when to look again.
import { z } from "zod";
import { can, couldCreate, refusalText } from "../../domain/accessPolicy.js";
import { ActionRefused } from "../../domain/actionRefused.js";
import { impactAssessedNotice } from "../../domain/governanceNotices.js";
import { isoDay, reassessmentMonths, suggestedReassessment } from "../../domain/impactAssessment.js";
import type { RiskTier } from "../../generated/prisma/enums.js";
import { ImpactAssessmentStore } from "../../store/impactAssessments.js";
import { enqueueNotice, governanceAudience } from "../../store/notifications.js";
import type { Answers, FlowDefinition, StepDefinition } from "../../conversations/flowDefinition.js";
import type { SystemAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const assessImpactFlowId = "assess_impact";

/** The system's tier, when the flow was started from the system (the caller knows it); tied to that system. */
export interface KnownTier {
  reference: string;
  tier: RiskTier | null;
}

const tierOf = (answers: Answers): KnownTier | null => {
  const known = answers.knownTier as KnownTier | undefined;
  const system = answers.system as SystemAnswer | undefined;
  return known && system?.reference === known.reference ? known : null;
};

const defaultsText = `high tier ${reassessmentMonths.high} months, medium ${reassessmentMonths.medium}, low ${reassessmentMonths.low}`;

const text = (id: string, label: string, prompt: string, help: string): StepDefinition => ({ id, label, prompt, help, input: "text", schema: requiredText(label.toLowerCase(), 4000) });

export function assessImpactFlow(clock: () => Date = () => new Date()): FlowDefinition {
  return {
    id: assessImpactFlowId,
    title: "Assess an AI system's impact",
    noun: "impact assessment",
    description: "For system owners: record how an AI system may affect people, groups and society (7 questions).",
    listedFor: (speaker) => couldCreate(speaker, "impact_assessment"),
    refusesToStart: (speaker) => (couldCreate(speaker, "impact_assessment") ? null : refusalText("create", "impact_assessment")),
    steps: [
      {
        id: "system",
        label: "AI system",
        prompt: "Which AI system? Type its name or reference.",
        help: "Part of the name is enough, or its reference such as AIS-0003.",
        input: "ai_system",
        schema: z.object({ systemId: z.string({ error: "Impact assessments are for systems in the inventory: register it first, then assess it." }), reference: z.string().nullable(), name: z.string() }),
      },
      text("individuals", "Individuals", "How could it affect individual people? (their rights, safety, opportunities, privacy)", "E.g. \"a wrong score delays a claimant's payment by weeks\", \"applicants may be rejected without a person looking\"."),
      text("groups", "Groups", "How could it affect groups of people, including fairness between groups?", "Whether some groups could be treated worse than others (age, gender, ethnicity, disability, postcode…), and how that would show."),
      text("society", "Society", "How could it affect society more widely, including the environment?", "E.g. trust in the service, access to insurance, misinformation, energy and compute use."),
      text("foreseeableMisuse", "Foreseeable misuse", "How could it foreseeably be misused, or used beyond its intended purpose?", "E.g. \"scores used to set premiums, not just to route claims\", \"staff pasting customer data into prompts\"."),
      text("mitigations", "Mitigations", "What limits these impacts? (controls in place or planned)", "E.g. human review of every rejection, quarterly fairness tests, an appeal route for customers, usage limits."),
      {
        id: "reassessOn",
        label: "Re-assess by",
        prompt: (answers) => {
          const known = tierOf(answers);
          const suggestion = known ? `"skip" for ${displayDate(suggestedReassessment(known.tier, clock()))}, the default for its tier` : `"skip" for the default by risk tier: ${defaultsText}`;
          return `When should it be assessed again? (a date; ${suggestion})`;
        },
        help: `Sooner for riskier systems. Defaults: ${defaultsText}. Assess again earlier when the system, its data or its use changes.`,
        input: "date",
        schema: z.string().nullable(),
        optional: true,
        defaultValue: (answers) => {
          const known = tierOf(answers);
          return known ? suggestedReassessment(known.tier, clock()).toISOString() : null;
        },
        display: (value) => (value ? displayDate(new Date(String(value))) : `the default for its risk tier (${defaultsText})`),
        dates: { only: "future", message: "The re-assessment date must be in the future; when should it be assessed again?" },
      },
    ],
    complete: async (answers, context) => {
      const chosen = answers.system as SystemAnswer;
      const system = await context.tx.aiSystem.findUnique({ where: { id: chosen.systemId ?? "" }, include: { owner: { select: { id: true } } } });
      if (!system) throw new ActionRefused(`${chosen.name} is not in the AI system inventory; register it first.`);
      const viewer = { personId: context.speaker.personId, roles: context.speaker.roles };
      if (!can(viewer, "create", "impact_assessment", { ownerId: system.ownerId })) throw new ActionRefused(`${refusalText("create", "impact_assessment")} Ask the owner of ${system.reference} or the governance team.`);
      const reassessOn = answers.reassessOn ? new Date(`${String(answers.reassessOn).slice(0, 10)}T00:00:00Z`) : suggestedReassessment(system.riskTier, context.now);
      if (isoDay(reassessOn) <= isoDay(context.now)) throw new ActionRefused("The re-assessment date must be after today; please edit it.");
      const assessment = await new ImpactAssessmentStore(context.tx).create(
        {
          systemId: system.id,
          individuals: answers.individuals as string,
          groups: answers.groups as string,
          society: answers.society as string,
          foreseeableMisuse: answers.foreseeableMisuse as string,
          mitigations: answers.mitigations as string,
          reassessOn,
          assessorId: context.speaker.personId,
          createdVia: context.channel,
        },
        actorOf(context),
      );
      const pending = system.status === "pending_review";
      if (pending) {
        await enqueueNotice(context.tx, governanceAudience, impactAssessedNotice({ reference: assessment.reference, systemReference: system.reference, systemName: system.name, assessorName: context.speaker.displayName }));
      }
      return {
        reference: assessment.reference,
        title: `Recorded ${assessment.reference}: impact assessment of ${system.reference} ${system.name}`,
        lines: [
          `Re-assessment due ${displayDate(reassessOn)}; a reminder goes to the system's owner before then.`,
          ...(pending ? [`${system.reference} is pending review: the governance team has been told the assessment is done.`] : []),
          `Type "impact ${system.reference}" to see it.`,
        ],
      };
    },
  };
}
