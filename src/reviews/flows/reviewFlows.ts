// Recording what an internal audit (9.2) or a management review (9.3) found: when it was held, who
// took part, and its conclusion (the audit result, the review's decisions). Findings are raised
// afterwards one by one as nonconformities ("nonconformity REV-0001"), so this stays short.
import { z } from "zod";
import { can, refusalText } from "../../domain/accessPolicy.js";
import { ActionRefused } from "../../domain/actionRefused.js";
import { reviewKindLabels } from "../../domain/labels.js";
import { parseReviewReference } from "../../domain/nonconformity.js";
import { updateRecord } from "../../store/recordWriter.js";
import { reviewEntity } from "../reviewRecords.js";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText, yesNoChoices } from "../../conversations/flows/choices.js";

export const recordReviewResultsFlowId = "record_review_results";

/** "Amara Okafor, Daniel Mensah and Priya Raman" → three names. */
export const namesIn = (typed: string) =>
  typed
    .split(/\s*(?:,|;|\n|\band\b|&)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);

export function recordReviewResultsFlow(): FlowDefinition {
  return {
    id: recordReviewResultsFlowId,
    title: "Record the results of an audit or review",
    noun: "audit or review results",
    description: "When an internal audit or management review was held, who took part, and what it concluded.",
    listed: false,
    steps: [
      {
        id: "review",
        label: "Audit or review",
        prompt: "Which audit or review? (e.g. REV-0001)",
        help: "The reference it was scheduled with; \"schedule\" lists them.",
        input: "text",
        schema: z.string().transform((typed, context) => {
          const reference = parseReviewReference(typed);
          if (!reference) context.addIssue({ code: "custom", message: "Please give a reference such as REV-0001." });
          return reference ?? "";
        }),
      },
      { id: "heldOn", label: "Held on", prompt: "When was it held? (a date, \"yesterday\")", help: "The day it took place.", input: "date", schema: z.string(), dates: { only: "past", message: "That date is in the future; record the results once it has been held. When was it held?" } },
      {
        id: "attendees",
        label: "Attendees",
        prompt: "Who took part? (auditors and auditees, or the review's attendees; separate names with commas)",
        help: "E.g. \"Daniel Mensah (lead auditor), Sofia Alvarez, Kenji Tan\".",
        input: "text",
        schema: requiredText("attendees", 2000).transform(namesIn),
        display: (value) => (value as string[]).join(", "),
      },
      {
        id: "conclusion",
        label: "Conclusion",
        prompt: "What did it conclude? (for an audit: the result; for a management review: the decisions and outputs)",
        help: "E.g. \"The AIMS conforms except for two findings on A.6.2.4\" or \"Budget approved for bias tooling; objectives for 2027 agreed\".",
        input: "text",
        schema: requiredText("conclusion", 8000),
      },
      { id: "findings", label: "Findings", prompt: "Were there any findings (requirements not met)?", help: "Each finding is then recorded as a nonconformity of its own.", input: "yes_no", choices: yesNoChoices, schema: z.boolean() },
    ],
    complete: async (answers, context) => {
      const reference = answers.review as string;
      const review = await context.tx.scheduledReview.findUnique({ where: { reference } });
      if (!review) throw new ActionRefused(`There is no audit or review ${reference}.`);
      if (!can({ personId: context.speaker.personId, roles: context.speaker.roles }, "edit", "review", { leadId: review.leadId })) throw new ActionRefused(refusalText("edit", "review"));
      if (review.status === "cancelled") throw new ActionRefused(`${reference} was cancelled; there are no results to record.`);
      await updateRecord(context.tx, {
        entityType: reviewEntity,
        key: reference,
        actor: actorOf(context),
        load: async () => review,
        update: (tx) =>
          tx.scheduledReview.update({
            where: { id: review.id },
            data: { status: "held", heldOn: new Date(`${(answers.heldOn as string).slice(0, 10)}T00:00:00Z`), attendees: answers.attendees as string[], conclusion: answers.conclusion as string },
          }),
      });
      return {
        reference,
        title: `${reviewKindLabels[review.kind]} ${reference} is recorded as held`,
        lines: answers.findings
          ? [`Record each finding with "nonconformity ${reference}": the requirement it is against and what is not met.`]
          : ["No findings recorded."],
      };
    },
  };
}
