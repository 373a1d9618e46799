// Recording the organisation's context: an internal or external issue with its effect, and an
// interested party with its requirements and where they come from; each with a review date.
import { z } from "zod";
import { can } from "../../domain/accessPolicy.js";
import { ActionRefused } from "../../domain/actionRefused.js";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import type { ContextIssueKind } from "../../generated/prisma/enums.js";
import { recordContextIssue, recordInterestedParty, updateContextIssue, updateInterestedParty } from "../contextRegister.js";
import type { Answers } from "../../conversations/flowDefinition.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const contextIssueFlowId = "record_context_issue";
export const interestedPartyFlowId = "record_interested_party";

const dateOnly = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
/** Editing starts from the record, its answers filled in but the review date, which is asked again. */
const editing = (answers: Answers) => typeof answers.reference === "string";
const referenceStep = { id: "reference", label: "Record", prompt: "Which record?", help: "Its reference, as in CTX-0001 or IP-0001.", input: "text", schema: z.string(), when: editing } as const;
const editIntro = (answers: Answers) => (editing(answers) ? `Editing ${String(answers.reference)}: the answers are as recorded; when should it be reviewed next? You can edit any answer before confirming.` : undefined);
const governanceOnly = "Only the governance team can record the organisation's context and interested parties.";
const reviewStep = {
  id: "reviewOn",
  label: "Review on",
  prompt: "When should it be looked at again? (a date)",
  help: "Usually before the next management review.",
  input: "date",
  schema: z.string(),
  dates: { only: "future", message: "The review date must be in the future." },
} as const;

export function contextIssueFlow(): FlowDefinition {
  return {
    id: contextIssueFlowId,
    title: "Record an internal or external issue",
    noun: "context issue",
    description: "An issue that affects what the AI management system can achieve (4.1).",
    listed: false,
    refusesToStart: (speaker) => (can(speaker, "create", "context") ? null : governanceOnly),
    introFor: editIntro,
    steps: [
      referenceStep,
      { id: "kind", label: "Kind", prompt: "Is it internal or external?", help: "Internal: our strategy, culture, resources, systems. External: law, market, technology, society.", input: "single_choice", choices: [{ value: "internal", label: "Internal" }, { value: "external", label: "External" }], schema: z.enum(["internal", "external"]) },
      { id: "description", label: "Issue", prompt: "What is the issue?", help: "E.g. \"The EU AI Act's obligations for high-risk systems apply from August 2026\".", input: "text", schema: requiredText("issue", 1000) },
      { id: "effect", label: "Effect", prompt: "How does it affect the AI management system's intended results?", help: "What it makes harder or easier, and what we do about it.", input: "text", schema: requiredText("effect", 1000) },
      reviewStep,
    ],
    complete: async (answers, context) => {
      if (!can(context.speaker, "create", "context")) throw new ActionRefused(governanceOnly);
      const fields = { kind: answers.kind as ContextIssueKind, description: answers.description as string, effect: answers.effect as string, reviewOn: dateOnly(answers.reviewOn as string) };
      if (editing(answers)) {
        const updated = await updateContextIssue(context.tx, answers.reference as string, fields, actorOf(context));
        return { reference: updated.reference, title: `${updated.reference} updated`, lines: [`Next review by ${displayDate(updated.reviewOn)}; the change is in its history.`] };
      }
      const issue = await recordContextIssue(context.tx, fields, actorOf(context));
      return { reference: issue.reference, title: `Recorded ${issue.reference}: ${issue.kind} issue`, lines: [`It is shown in the inputs to each management review; review by ${displayDate(issue.reviewOn)}.`] };
    },
  };
}

export function interestedPartyFlow(): FlowDefinition {
  return {
    id: interestedPartyFlowId,
    title: "Record an interested party",
    noun: "interested party",
    description: "A party with requirements on our AI, and where they come from (4.2).",
    listed: false,
    refusesToStart: (speaker) => (can(speaker, "create", "context") ? null : governanceOnly),
    introFor: editIntro,
    steps: [
      referenceStep,
      { id: "name", label: "Party", prompt: "Who is the interested party?", help: "E.g. \"Policyholders\", \"The insurance regulator\", \"ClaimsDesk customers\".", input: "text", schema: requiredText("party", 200) },
      { id: "requirements", label: "Requirements", prompt: "What do they require of our AI?", help: "E.g. \"Explanations of automated claim decisions and a way to contest them\".", input: "text", schema: requiredText("requirements", 1000) },
      { id: "source", label: "Source", prompt: "Where does that requirement come from?", help: "A law or regulation, a contract, a published expectation, a survey.", input: "text", schema: requiredText("source", 500) },
      reviewStep,
    ],
    complete: async (answers, context) => {
      if (!can(context.speaker, "create", "context")) throw new ActionRefused(governanceOnly);
      const fields = { name: answers.name as string, requirements: answers.requirements as string, source: answers.source as string, reviewOn: dateOnly(answers.reviewOn as string) };
      if (editing(answers)) {
        const updated = await updateInterestedParty(context.tx, answers.reference as string, fields, actorOf(context));
        return { reference: updated.reference, title: `${updated.reference} updated`, lines: [`Next review by ${displayDate(updated.reviewOn)}; the change is in its history.`] };
      }
      const party = await recordInterestedParty(context.tx, fields, actorOf(context));
      return { reference: party.reference, title: `Recorded ${party.reference}: ${party.name}`, lines: [`It is shown in the inputs to each management review; review by ${displayDate(party.reviewOn)}.`] };
    },
  };
}
