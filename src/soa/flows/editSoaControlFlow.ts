// Decide on one Annex A control for the Statement of Applicability (ISO/IEC 42001 6.1.3): whether it
// applies, why, how far it is implemented, who owns it and where the evidence is. Started from the
// control ("soa A.6.2.4") with its current decision filled in, so a change is one "edit" away.
import { z } from "zod";
import { ActionRefused } from "../../domain/actionRefused.js";
import { can, refusalText } from "../../domain/accessPolicy.js";
import {
  describeDecision,
  exclusionNeedsJustification,
  implementationLabels,
  parseEvidenceLinks,
  undecidedLabel,
  type ControlDecision,
} from "../../domain/controlApplicability.js";
import type { ControlImplementation } from "../../generated/prisma/enums.js";
import { findControl } from "../../iso42001/catalog.js";
import { describeCoverage, soaCoverage, StatementOfApplicabilityStore, type StoredDecision } from "../../store/statementOfApplicability.js";
import type { Answers, FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { choicesFrom } from "../../conversations/flows/choices.js";

export const editSoaControlFlowId = "edit_soa_control";

const controlName = (answers: Answers) => {
  const control = findControl(String(answers.control ?? ""));
  return control ? `${control.id} (${control.title})` : "this control";
};
const isApplicable = (answers: Answers) => answers.applicable === true;

/** The answers that show a stored decision, so the conversation opens at the summary. */
export function soaControlPrefill(controlId: string, decision: StoredDecision | null): Answers {
  if (!decision) return { control: controlId };
  return {
    control: controlId,
    applicable: decision.applicable,
    justification: decision.justification,
    ...(decision.applicable ? { implementation: decision.implementation } : {}),
    owner: decision.ownerId && decision.owner ? ({ personId: decision.ownerId, displayName: decision.owner.displayName } satisfies PersonAnswer) : null,
    evidenceLinks: decision.evidenceLinks,
  };
}

export function editSoaControlFlow(): FlowDefinition {
  return {
    id: editSoaControlFlowId,
    title: "Decide on an Annex A control",
    noun: "Statement of Applicability entry",
    description: "Record whether an Annex A control applies, why, and how far it is implemented.",
    listed: false,
    refusesToStart: (speaker) => (can(speaker, "edit", "soa_control") ? null : refusalText("edit", "soa_control")),
    steps: [
      {
        id: "control",
        label: "Control",
        prompt: "Which Annex A control? (e.g. A.6.2.4)",
        help: "Annex A identifiers look like A.2.2, A.6.2.4 or A.10.3. Type \"soa\" outside this conversation to see them all.",
        input: "text",
        schema: z.string().transform((text, context) => {
          const control = findControl(text);
          if (!control) context.addIssue({ code: "custom", message: `"${text}" is not an Annex A control. Identifiers look like A.6.2.4.` });
          return control?.id ?? "";
        }),
        display: (value) => {
          const control = findControl(String(value));
          return control ? `${control.id} ${control.title}` : String(value);
        },
      },
      {
        id: "applicable",
        label: "Applicable",
        prompt: (answers) => `Does ${controlName(answers)} apply to us?`,
        help: "Say no only when the control has nothing to act on here (for example, a control about developing AI systems when you only buy them). An excluded control needs a justification.",
        input: "yes_no",
        schema: z.boolean(),
      },
      {
        id: "justification",
        label: "Justification",
        prompt: (answers) =>
          isApplicable(answers)
            ? "Why does it apply? (\"skip\" if it is obvious)"
            : "Why is it excluded? (required for an excluded control)",
        help: "Auditors read the justification to understand the decision: name the reason, e.g. the risk it treats or why it has nothing to act on.",
        input: "text",
        schema: z.string().trim().min(2, "Please give the justification in a few words.").max(2000, "Please keep the justification under 2,000 characters."),
        optional: true,
        defaultValue: () => null,
      },
      {
        id: "implementation",
        label: "Implementation",
        prompt: "How far is it implemented?",
        help: "Implemented: in place and working, with evidence. In progress: being put in place. Not started: decided, not yet begun.",
        input: "single_choice",
        choices: choicesFrom(implementationLabels),
        schema: z.enum(["not_started", "in_progress", "implemented"]),
        when: isApplicable,
      },
      {
        id: "owner",
        label: "Owner",
        prompt: "Who owns this control? (\"me\", a name or an email; \"skip\" if nobody yet)",
        help: "The person who keeps the control working and its evidence current.",
        input: "person",
        schema: z.object({ personId: z.string(), displayName: z.string() }),
        optional: true,
        defaultValue: () => null,
      },
      {
        id: "evidenceLinks",
        label: "Evidence links",
        prompt: "Links to the evidence? (https links separated by commas or spaces; \"skip\" if none yet)",
        help: "Documents, tickets or records an auditor can open: a procedure, a test report, meeting minutes.",
        input: "text",
        schema: z.string().transform((text, context) => {
          const parsed = parseEvidenceLinks(text);
          if (!parsed.ok) {
            context.addIssue({ code: "custom", message: parsed.message });
            return [];
          }
          return parsed.links;
        }),
        optional: true,
        defaultValue: () => [],
        display: (value) => (value as string[]).join(", "),
      },
    ],
    introFor(answers) {
      const name = controlName(answers);
      if (answers.applicable === undefined) return `${name} is ${undecidedLabel}. A few questions record the decision; "cancel" stops without saving.`;
      return `${name} is currently ${describeDecision(decisionFrom(answers), (answers.owner as PersonAnswer | null)?.displayName)}. Change any answer with "edit <number>" or its Edit button, then confirm.`;
    },
    complete: async (answers, context) => {
      if (!can(context.speaker, "edit", "soa_control")) throw new ActionRefused(refusalText("edit", "soa_control"));
      const decision = decisionFrom(answers);
      if (!decision.applicable && !decision.justification) throw new ActionRefused(exclusionNeedsJustification);
      const controlId = String(answers.control);
      const store = new StatementOfApplicabilityStore(context.tx);
      const saved = await store.decide(controlId, decision, actorOf(context));
      const coverage = soaCoverage(await store.entries());
      const ownerName = (answers.owner as PersonAnswer | null)?.displayName ?? null;
      return {
        reference: saved.reference,
        title: `Saved ${saved.reference}: ${describeDecision(decision, ownerName)}`,
        lines: [`Statement of Applicability: ${describeCoverage(coverage)}`],
      };
    },
  };
}

function decisionFrom(answers: Answers): ControlDecision {
  const applicable = answers.applicable === true;
  return {
    applicable,
    justification: (answers.justification as string | null | undefined) ?? null,
    implementation: applicable ? ((answers.implementation as ControlImplementation | null | undefined) ?? "not_started") : "not_started",
    ownerId: (answers.owner as PersonAnswer | null | undefined)?.personId ?? null,
    evidenceLinks: (answers.evidenceLinks as string[] | null | undefined) ?? [],
  };
}
