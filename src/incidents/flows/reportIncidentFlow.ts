// Report an AI incident (ISO/IEC 42001 A.8.4 communication of incidents, 10.2 nonconformity):
// which system, what happened, how bad, who was affected, and whether it stays confidential.
import { z } from "zod";
import { incidentTypeLabels, severityLabels } from "../../domain/labels.js";
import { confidentialByDefault, severityDefinitions, triageExpectation } from "../../domain/incidentTriage.js";
import { newIncidentNotice } from "../../domain/governanceNotices.js";
import { IncidentType, Severity } from "../../generated/prisma/enums.js";
import { anonymousActor } from "../../store/changeHistory.js";
import { IncidentStore } from "../../store/incidents.js";
import { enqueueNotice, governanceAudience } from "../../store/notifications.js";
import type { Answers, CompletionContext, FlowDefinition } from "../../conversations/flowDefinition.js";
import { parseStepInput, type Lookups, type SystemAnswer } from "../../conversations/stepInput.js";
import { flowIds } from "../../conversations/intents.js";
import { choicesFrom, yesNoChoices } from "../../conversations/flows/choices.js";
import { actorOf } from "../../conversations/flows/actor.js";

const recommendedConfidential = (answers: Answers) =>
  confidentialByDefault(answers.type as IncidentType | undefined, answers.description as string | undefined);


/** Proposed field values for a free-text report (a language model, when configured). */
export type IncidentProposer = (report: string) => Promise<{
  type: string | null;
  severity: string | null;
  systemName: string | null;
  affectedParties: string | null;
  occurredAt: string | null;
} | null>;

export function reportIncidentFlow(propose?: IncidentProposer): FlowDefinition {
  const flow: FlowDefinition = {
    id: flowIds.reportIncident,
    title: "Report an AI incident",
    noun: "AI incident report",
    description: "Tell the governance team about AI that went wrong: bias, wrong outputs, a leak, a safety or security problem.",
    steps: [
      {
        id: "system",
        label: "AI system",
        prompt: "Which AI system was involved? Type its name and I'll look it up (\"skip\" if you don't know).",
        help: "Part of the name is enough. If it isn't in our inventory, type its name anyway and choose \"… is not listed\": that itself is useful to know.",
        input: "ai_system",
        schema: z.object({ systemId: z.string().nullable(), reference: z.string().nullable(), name: z.string().min(1) }),
        optional: true,
      },
      { id: "description", label: "What happened", prompt: "What happened? Describe it in your own words.", help: "What the AI did or produced, what should have happened instead, and how you noticed.", input: "text", schema: z.string().trim().min(10, "Please describe what happened in a sentence or two (at least 10 characters).").max(10_000, "Please keep the description under 10,000 characters.") },
      { id: "type", label: "Type", prompt: "What kind of incident is it?", help: "Pick the closest; governance can change it during triage.", input: "single_choice", choices: choicesFrom(incidentTypeLabels), schema: z.enum(IncidentType) },
      { id: "occurredAt", label: "When it happened", prompt: "When did it happen? (a date, \"today\", \"yesterday\", \"3 days ago\")", help: "Your best estimate is fine. If it is still going on, give when it started.", input: "date", schema: z.string(), dates: { only: "past", message: "That date is in the future; when did it happen?" } },
      { id: "affectedParties", label: "Who was affected", prompt: "Who was affected? (e.g. \"one customer\", \"job applicants over 50\")", help: "Describe the people or groups, not their names.", input: "text", schema: z.string().trim().min(2, "Please say who was affected, even roughly.").max(2000) },
      { id: "anyoneHarmed", label: "Anyone harmed", prompt: "Was anyone harmed (financially, physically, their rights or reputation)?", help: "Answer yes if someone was or may have been harmed; governance will assess it.", input: "yes_no", choices: yesNoChoices, schema: z.boolean() },
      { id: "severity", label: "Severity", prompt: "How severe is it?", help: Object.entries(severityDefinitions).map(([sev, text]) => `${sev.toUpperCase()}: ${text}`).join("\n"), input: "single_choice", choices: choicesFrom(severityLabels, severityDefinitions), schema: z.enum(Severity) },
      { id: "immediateAction", label: "Action taken", prompt: "Has anything been done about it yet? (\"skip\" if nothing)", help: "E.g. \"switched the feature off\", \"told the customer\", \"nothing yet\".", input: "text", schema: z.string().trim().min(2).max(4000), optional: true },
      {
        id: "confidential",
        label: "Confidential",
        prompt: (answers) =>
          `Should this report be confidential (details only for the governance team)? ${recommendedConfidential(answers) ? "I recommend yes for this kind of report." : "\"skip\" keeps it open to the team."}`,
        help: "Confidential reports are never posted in channels: only the reference and severity are. Privacy, bias and HR-related reports are confidential by default.",
        input: "yes_no",
        choices: yesNoChoices,
        schema: z.boolean(),
        optional: true,
        defaultValue: (answers) => recommendedConfidential(answers),
      },
      { id: "anonymous", label: "Anonymous", prompt: "Do you want to report anonymously? Your name will then not be stored anywhere with the report.", help: "Anonymous reports are taken just as seriously; we just can't come back to you with questions.", input: "yes_no", choices: yesNoChoices, schema: z.boolean() },
    ],
    prepare: async (prefill, context) => {
      const withSystem = await mentionedSystem(prefill, context.lookups);
      return propose ? proposedAnswers(flow, withSystem, propose, context) : withSystem;
    },
    complete: saveIncident,
  };
  return flow;
}

/**
 * Each proposed value goes through the step's own parsing and validation; what fails, or was
 * not proposed, is simply asked. Nothing proposed overrides what the person already gave.
 */
async function proposedAnswers(flow: FlowDefinition, prefill: Answers, propose: IncidentProposer, context: { lookups: Lookups; now: Date }): Promise<Answers> {
  if (typeof prefill.description !== "string") return prefill;
  const proposal = await propose(prefill.description);
  if (!proposal) return prefill;
  const answers = { ...prefill };
  const candidates: Record<string, string | null> = {
    type: proposal.type,
    severity: proposal.severity,
    system: proposal.systemName,
    affectedParties: proposal.affectedParties,
    occurredAt: proposal.occurredAt,
  };
  const speaker = { personId: "", displayName: "", roles: [] };
  for (const [stepId, value] of Object.entries(candidates)) {
    const step = flow.steps.find((candidate) => candidate.id === stepId);
    if (!step || value === null || answers[stepId] !== undefined) continue;
    let parsed = await parseStepInput(step, { text: value }, { lookups: context.lookups, speaker, now: context.now });
    // One likely system for the model's name is taken: the note lists what was filled in, to change if wrong.
    const systems = parsed.ok ? [] : (parsed.choices ?? []).filter((choice) => choice.value.startsWith("system:"));
    if (systems.length === 1) parsed = await parseStepInput(step, { value: systems[0]!.value }, { lookups: context.lookups, speaker, now: context.now });
    const checked = parsed.ok ? step.schema.safeParse(parsed.value) : null;
    if (checked?.success) answers[stepId] = checked.data;
  }
  return answers;
}

/** "Our Claims triage model rejected…": when the opening sentence names a system, don't ask again. */
async function mentionedSystem(prefill: Answers, lookups: Lookups): Promise<Answers> {
  if (prefill.system !== undefined || typeof prefill.description !== "string") return prefill;
  const [system, ...others] = await lookups.systemsMentionedIn(prefill.description);
  return system && others.length === 0 ? { ...prefill, system: { systemId: system.id, reference: system.reference, name: system.name } } : prefill;
}

async function saveIncident(answers: Answers, context: CompletionContext) {
  const system = answers.system as SystemAnswer | null;
  const anonymous = answers.anonymous === true;
  const confidential = answers.confidential === true;
  const incident = await new IncidentStore(context.tx).report(
    {
      systemId: system?.systemId ?? null,
      systemNameFreeText: system && !system.systemId ? system.name : null,
      possiblyUnregistered: !!system && !system.systemId,
      reporterId: anonymous ? null : context.speaker.personId,
      anonymous,
      type: answers.type as IncidentType,
      severity: answers.severity as Severity,
      description: answers.description as string,
      occurredAt: answers.occurredAt as string,
      detectedAt: context.now,
      reportedAt: context.now,
      affectedParties: answers.affectedParties as string,
      anyoneHarmed: answers.anyoneHarmed as boolean,
      immediateAction: (answers.immediateAction as string | null) ?? null,
      confidential,
      createdVia: context.channel,
    },
    anonymous ? anonymousActor(context.channel) : actorOf(context),
  );
  await enqueueNotice(
    context.tx,
    governanceAudience,
    newIncidentNotice({ ...incident, systemName: system?.name ?? null, reporterName: anonymous ? null : context.speaker.displayName }),
    // A confidential report is never posted in a channel, not even redacted.
    { privateOnly: incident.confidential },
  );
  return {
    reference: incident.reference,
    title: `Thank you: your report is ${incident.reference}`,
    lines: [
      `Severity: ${severityLabels[incident.severity]}. The governance team has been notified and will triage it ${triageExpectation[incident.severity]}.`,
      confidential ? "It is confidential: its details are shared only with the governance team." : "It is visible to the governance team and the system's owner.",
      anonymous
        ? "You reported anonymously: your name is not stored with it, so keep the reference if you want to follow up."
        : `You'll hear from us here when it is picked up. Keep the reference ${incident.reference} to follow up.`,
    ],
    forgetReporter: anonymous,
  };
}
