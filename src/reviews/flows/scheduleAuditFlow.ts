// Scheduling an internal audit (ISO/IEC 42001 9.2.2, the audit programme): when, the scope, the
// criteria audited against, the AI systems in scope, who is responsible for the area, and the
// auditors. Before it is saved, each auditor's independence from the area is checked: an auditor
// who owns a system in scope or the area itself is refused, unless a justification is recorded.
import { z } from "zod";
import { ActionRefused } from "../../domain/actionRefused.js";
import { independenceConflicts, independenceRefusal } from "../../domain/auditIndependence.js";
import type { Answers, FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { createRecord, type Transaction } from "../../store/recordWriter.js";
import { reviewEntity } from "../reviewRecords.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const scheduleAuditFlowId = "schedule_internal_audit";

const personSchema = z.object({ personId: z.string(), displayName: z.string() });
const governanceOnly = "Only the governance team can schedule internal audits and management reviews.";

/** "AIS-3, ais 0007 and AIS-0012" → ["AIS-0003", "AIS-0007", "AIS-0012"]. */
export function systemReferencesIn(typed: string): string[] | null {
  const parts = typed.split(/\s*(?:,|;|\n|\band\b|&)\s*/i).map((part) => part.trim()).filter(Boolean);
  const references = parts.map((part) => /^ais[-\s]?(\d{1,6})$/i.exec(part)?.[1]);
  if (references.length === 0 || references.some((digits) => digits === undefined)) return null;
  return [...new Set(references.map((digits) => `AIS-${digits!.padStart(4, "0")}`))];
}

export function scheduleAuditFlow(): FlowDefinition {
  return {
    id: scheduleAuditFlowId,
    title: "Schedule an internal audit",
    noun: "internal audit",
    description: "An internal audit on the programme (9.2.2): when, scope, criteria, auditors, and their independence.",
    listed: false,
    refusesToStart: (speaker) => (speaker.roles.includes("governance") ? null : governanceOnly),
    steps: [
      { id: "scheduledOn", label: "Date", prompt: "When will it take place? (a date)", help: "The lead auditor is reminded before it.", input: "date", schema: z.string(), dates: { only: "future", message: "That date has passed; when will the audit take place?" } },
      { id: "scope", label: "Scope", prompt: "What is its scope? (the processes, teams or systems audited)", help: 'E.g. "Claims and pricing models: risk assessment, impact assessment and monitoring".', input: "text", schema: requiredText("scope", 500) },
      { id: "criteria", label: "Criteria", prompt: "What is it audited against? (the criteria: clauses, policies, procedures)", help: 'E.g. "ISO/IEC 42001 clauses 6.1 and 8.2-8.4, Annex A.5 and A.6; the AI policy v3; the model release procedure".', input: "text", schema: requiredText("criteria", 1000) },
      {
        id: "systems",
        label: "AI systems in scope",
        prompt: 'Which AI systems are in scope? (references, e.g. "AIS-0003, AIS-0007"; "skip" if none in particular)',
        help: "Their owners may not audit them; \"my systems\" or the inventory export lists the references.",
        input: "text",
        optional: true,
        defaultValue: () => [],
        schema: z.string().transform((typed, context) => {
          const references = systemReferencesIn(typed);
          if (!references) context.addIssue({ code: "custom", message: 'Please list system references separated by commas, e.g. "AIS-0003, AIS-0007" (or "skip").' });
          return references ?? [];
        }),
        display: (value) => ((value as string[]).length > 0 ? (value as string[]).join(", ") : "none in particular"),
      },
      { id: "areaOwner", label: "Area responsible", prompt: 'Who is responsible for the area audited? (a name or an email; "skip" if it spans the organisation)', help: "The manager of the process or team audited; they may not audit it themselves.", input: "person", schema: personSchema, optional: true, defaultValue: () => null },
      { id: "lead", label: "Lead auditor", prompt: 'Who leads the audit? (a name or an email, or "me")', help: "The lead auditor is reminded before the date and records the results.", input: "person", schema: personSchema },
      { id: "secondAuditor", label: "Second auditor", prompt: 'A second auditor? (a name or an email; "skip" for none)', help: "Another person on the audit team.", input: "person", schema: personSchema, optional: true, defaultValue: () => null },
      {
        id: "independence",
        label: "Independence",
        prompt: 'If an auditor owns a system in scope or is responsible for the area, why do they audit it, and how is objectivity kept? ("skip" when the auditors are independent)',
        help: "ISO/IEC 42001 9.2.2 asks that auditors are objective and impartial; an auditor should not audit their own work.",
        input: "text",
        optional: true,
        defaultValue: () => null,
        schema: requiredText("justification", 1000),
      },
    ],
    complete: async (answers, context) => {
      if (!context.speaker.roles.includes("governance")) throw new ActionRefused(governanceOnly);
      const plan = await auditPlan(context.tx, answers);
      const justification = (answers.independence as string | null) ?? null;
      if (plan.conflicts.length > 0 && !justification) throw new ActionRefused(independenceRefusal(plan.conflicts));
      const scheduledOn = new Date(`${(answers.scheduledOn as string).slice(0, 10)}T00:00:00Z`);
      const audit = await createRecord(context.tx, {
        entityType: reviewEntity,
        prefix: "REV",
        actor: actorOf(context),
        create: (tx, reference) =>
          tx.scheduledReview.create({
            data: {
              reference,
              kind: "internal_audit",
              scheduledOn,
              scope: answers.scope as string,
              criteria: answers.criteria as string,
              scopeSystems: plan.systems.map((system) => system.reference),
              areaOwnerId: (answers.areaOwner as PersonAnswer | null)?.personId ?? null,
              leadId: plan.auditors[0]!.id,
              auditorIds: plan.auditors.map((auditor) => auditor.id),
              independenceConflicts: plan.conflicts,
              independenceJustification: plan.conflicts.length > 0 ? justification : null,
              createdVia: context.channel,
            },
          }),
      });
      return {
        reference: audit.reference,
        title: `Internal audit ${audit.reference} is scheduled for ${displayDate(scheduledOn)}: ${audit.scope}`,
        lines: [
          `Auditors: ${plan.auditors.map((auditor) => auditor.displayName).join(" (lead), ")}${plan.auditors.length === 1 ? " (lead)" : ""}. ${plan.auditors[0]!.displayName} will be reminded before the date.`,
          plan.conflicts.length === 0 ? "Independence checked: no auditor owns a system in scope or the area audited." : `Not independent, with the justification recorded: ${plan.conflicts.join("; ")}.`,
        ],
      };
    },
  };
}

/** The systems in scope (each must exist), the auditors, and the ties between them. */
async function auditPlan(tx: Transaction, answers: Answers) {
  const references = (answers.systems as string[] | null) ?? [];
  const systems = await tx.aiSystem.findMany({ where: { reference: { in: references } }, select: { reference: true, name: true, ownerId: true }, orderBy: { reference: "asc" } });
  const missing = references.filter((reference) => !systems.some((system) => system.reference === reference));
  if (missing.length > 0) throw new ActionRefused(`${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in the AI system inventory; edit "AI systems in scope".`);
  const people = [answers.lead, answers.secondAuditor].filter((person): person is PersonAnswer => Boolean(person));
  const auditors = people.filter((person, index) => people.findIndex((other) => other.personId === person.personId) === index).map((person) => ({ id: person.personId, displayName: person.displayName }));
  const areaOwnerId = (answers.areaOwner as PersonAnswer | null)?.personId ?? null;
  return { systems, auditors, conflicts: independenceConflicts(auditors, systems, areaOwnerId) };
}
