// The conversations of the policy register: keeping a document's register entry (owner, approver,
// next review, summary) and starting an acknowledgement campaign for its approved version.
import { z } from "zod";
import { can } from "../../domain/accessPolicy.js";
import { ActionRefused } from "../../domain/actionRefused.js";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { audienceLabels, startCampaign } from "../acknowledgementCampaigns.js";
import { loadDocument, updateRegisterEntry } from "../policyRegister.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const editPolicyDocumentFlowId = "edit_policy_document";
export const startCampaignFlowId = "start_acknowledgement_campaign";

const dateOnly = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const personSchema = z.object({ personId: z.string(), displayName: z.string() });

/** The document the conversation was started from (never asked: it is always pre-filled). */
const documentStep = {
  id: "document",
  label: "Policy document",
  prompt: "Which policy document? (e.g. POL-0001)",
  help: "Filled in from the document you started from.",
  input: "text",
  schema: z.string().regex(/^POL-\d{4,}$/, "Please give a reference such as POL-0001."),
} as const;

export function editPolicyDocumentFlow(): FlowDefinition {
  return {
    id: editPolicyDocumentFlowId,
    title: "Keep a policy document's register entry",
    noun: "policy register entry",
    description: "Set a policy document's owner, approver, next review date and summary.",
    listed: false,
    steps: [
      documentStep,
      { id: "owner", label: "Owner", prompt: "Who owns this policy? (a name or an email)", help: "The owner keeps it current and is reminded before its review.", input: "person", schema: personSchema },
      { id: "approver", label: "Approver", prompt: "Who approves its versions? (a name or an email)", help: "Usually top management or the head of AI governance. The governance team can approve too.", input: "person", schema: personSchema },
      { id: "nextReviewOn", label: "Next review", prompt: "When is it next reviewed? (a date)", help: "The owner is reminded before this date. Policies are reviewed at least yearly.", input: "date", schema: z.string(), dates: { only: "future", message: "The next review must be in the future; when is it due?" } },
      { id: "summary", label: "Summary", prompt: "In two or three sentences, what does it ask of staff?", help: "Sent with acknowledgement requests, so people know what they are confirming.", input: "text", schema: requiredText("summary", 1000) },
    ],
    complete: async (answers, context) => {
      const reference = answers.document as string;
      const document = await loadDocument(context.tx, reference);
      if (!document) throw new ActionRefused(`${reference} is not in the policy register.`);
      if (!can(context.speaker, "edit", "policy_document", { ownerId: document.ownerId })) throw new ActionRefused(`Only the owner of ${reference} or the governance team can change its register entry.`);
      const [owner, approver] = [answers.owner as PersonAnswer, answers.approver as PersonAnswer];
      const nextReviewOn = dateOnly(answers.nextReviewOn as string);
      await updateRegisterEntry(context.tx, reference, { ownerId: owner.personId, approverId: approver.personId, nextReviewOn, summary: answers.summary as string }, actorOf(context));
      return {
        reference,
        title: `Updated the register entry of ${reference} ${document.title}`,
        lines: [`Owner: ${owner.displayName}; approver: ${approver.displayName}.`, `Next review: ${displayDate(nextReviewOn)}; ${owner.displayName} is reminded before it.`],
      };
    },
  };
}

export function startCampaignFlow(): FlowDefinition {
  return {
    id: startCampaignFlowId,
    title: "Ask people to acknowledge a policy",
    noun: "acknowledgement campaign",
    description: "Ask everyone, or one role, to confirm they have read a policy's approved version.",
    listed: false,
    refusesToStart: (speaker) => (can(speaker, "create", "acknowledgement_campaign") ? null : "Only the governance team can start acknowledgement campaigns."),
    steps: [
      documentStep,
      {
        id: "audience",
        label: "Who is asked",
        prompt: "Whom should I ask to read it?",
        help: "Everyone in the directory, or only the people with one role.",
        input: "single_choice",
        choices: Object.entries(audienceLabels).map(([value, label]) => ({ value, label })),
        schema: z.enum(Object.keys(audienceLabels) as [string, ...string[]]),
      },
      { id: "dueOn", label: "Read by", prompt: "By when should they have read it? (a date)", help: "Reminders go out before and after this date until each person confirms.", input: "date", schema: z.string(), dates: { only: "future", message: "The date must be in the future; by when should they have read it?" } },
    ],
    complete: async (answers, context) => {
      if (!can(context.speaker, "create", "acknowledgement_campaign")) throw new ActionRefused("Only the governance team can start acknowledgement campaigns.");
      const actor = { ...actorOf(context), personId: context.speaker.personId };
      const started = await startCampaign(context.tx, { documentReference: answers.document as string, audience: answers.audience as string, dueOn: dateOnly(answers.dueOn as string), actor });
      return {
        reference: started.campaign.reference,
        title: `Started ${started.campaign.reference}: ${started.document.title} (${started.version.reference})`,
        lines: [`${started.asked} ${started.asked === 1 ? "person has" : "people have"} been asked by direct message to read it by ${displayDate(started.campaign.dueOn)}.`, `Type "campaign ${started.campaign.reference}" to see who has confirmed.`],
      };
    },
  };
}
