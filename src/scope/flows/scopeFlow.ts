// Record or edit the scope of the AI management system (ISO/IEC 42001 4.3). Editing starts from the
// scope as recorded, so governance changes only what moved and confirms; the store keeps each version.
import { z } from "zod";
import { can, refusalText } from "../../domain/accessPolicy.js";
import { ActionRefused } from "../../domain/actionRefused.js";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { ScopeStore } from "../../store/scopeRecords.js";
import { exclusionsText, parseExclusions } from "../../domain/scopeStatement.js";

export const scopeFlowId = "record_scope";

const exclusionsAnswer = z
  .string()
  .trim()
  .max(4000, "That is longer than 4000 characters; please shorten the exclusions.")
  .superRefine((text, context) => {
    const parsed = parseExclusions(text);
    if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.message });
  });

export function scopeFlow(): FlowDefinition {
  return {
    id: scopeFlowId,
    title: "Record the scope of the AI management system",
    noun: "scope statement",
    description: "What the AI management system covers: boundaries, AI systems and roles, exclusions and why (4.3).",
    listed: false,
    refusesToStart: (speaker) => (can(speaker, "edit", "scope") ? null : refusalText("edit", "scope")),
    introFor: (answers) => (answers.boundaries !== undefined ? 'Here is the scope as recorded. "edit 1" to "edit 4" changes an answer; "confirm" saves it as a new version.' : undefined),
    steps: [
      {
        id: "boundaries",
        label: "Boundaries",
        prompt: "What does the AI management system cover? (organisational units, sites, activities, products)",
        help: 'E.g. "Northwind Insurance UK and Germany: claims, underwriting, pricing, HR and marketing, and the ClaimsDesk product". Say where it stops as well as what it covers.',
        input: "text",
        schema: requiredText("boundaries", 2000),
      },
      {
        id: "systemsInScope",
        label: "AI systems in scope",
        prompt: "Which AI systems are in scope?",
        help: 'E.g. "Every AI system in the inventory, in-house and bought in, in any life-cycle stage". The inventory ("my systems", the evidence pack) lists them one by one.',
        input: "text",
        schema: requiredText("AI systems in scope", 2000),
      },
      {
        id: "rolesInScope",
        label: "Roles in scope",
        prompt: "Which roles does the organisation play towards AI in scope? (developer, provider, user of AI; the functions involved)",
        help: 'E.g. "AI developer and provider of ClaimsDesk; user of third-party AI services; governance, data science, IT, HR and marketing".',
        input: "text",
        schema: requiredText("roles in scope", 2000),
      },
      {
        id: "exclusions",
        label: "Exclusions",
        prompt: 'What is left out of the scope, and why? One per line as "what: why", or "none".',
        help: 'An auditor accepts an exclusion only with its reason, e.g. "Singapore sales office: uses no AI systems; reviewed yearly".',
        input: "text",
        schema: exclusionsAnswer,
      },
    ],
    complete: async (answers, context) => {
      if (!can(context.speaker, "edit", "scope")) throw new ActionRefused(refusalText("edit", "scope"));
      const parsed = parseExclusions(answers.exclusions as string);
      if (!parsed.ok) throw new ActionRefused(parsed.message);
      const scope = await new ScopeStore(context.tx).save(
        { boundaries: answers.boundaries as string, systemsInScope: answers.systemsInScope as string, rolesInScope: answers.rolesInScope as string, exclusions: parsed.exclusions },
        actorOf(context),
      );
      return {
        reference: scope.reference,
        title: `Scope ${scope.reference} saved (version ${scope.version})`,
        lines: [`${scope.exclusions.length === 0 ? "No exclusions." : `${scope.exclusions.length} exclusion${scope.exclusions.length === 1 ? "" : "s"}, each with its reason.`} Type "scope" to see it with its history.`],
      };
    },
  };
}

/** The answers a scope edit starts from. */
export const scopePrefill = (scope: { boundaries: string; systemsInScope: string; rolesInScope: string; exclusions: { what: string; reason: string }[] }) => ({
  boundaries: scope.boundaries,
  systemsInScope: scope.systemsInScope,
  rolesInScope: scope.rolesInScope,
  exclusions: exclusionsText(scope.exclusions),
});
