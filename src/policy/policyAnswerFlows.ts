// The governance team answers a policy question passed to them (from the Answer button or
// "answer PQ-0001"), and edits a curated answer ("edit PA-0001"). The asker is told the answer;
// later questions with the same meaning get it first.
import { z } from "zod";
import type { FlowDefinition, CompletionContext } from "../conversations/flowDefinition.js";
import { actorOf } from "../conversations/flows/actor.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { CuratedPolicyAnswers } from "../store/curatedPolicyAnswers.js";
import { enqueueNotice, personAudience } from "../store/notifications.js";
import { answeredNoticeText } from "./policyAnswerNotices.js";

export const answerPolicyQuestionFlowId = "answer_policy_question";
export const editCuratedAnswerFlowId = "edit_curated_policy_answer";

/** Curated answers speak for the organisation: only the governance team writes them. */
export function mayCurate(roles: readonly string[]): boolean {
  return roles.includes("governance");
}

const answerText = z.string().trim().min(2, "Please write the answer.").max(2000, "Please keep the answer under 2,000 characters.");
const sectionRef = z.string().trim().max(200, "Please keep the reference short, e.g. ai-acceptable-use-policy.md §3.2.");

const answerSteps = [
  { id: "answer", label: "Answer", prompt: "Your answer, as the person who asked will read it:", help: "It goes back to them, and later questions with the same meaning get it too, marked with your name and today's date.", input: "text" as const, schema: answerText },
  { id: "section", label: "Policy section", prompt: "Which policy section does it rest on? (optional, e.g. ai-acceptable-use-policy.md §3.2)", help: "Type skip if none.", input: "text" as const, optional: true, schema: sectionRef.nullable() },
];

function guard(context: CompletionContext): void {
  if (!mayCurate(context.speaker.roles)) throw new ActionRefused("Only the AI governance team can answer policy questions.");
}

export function policyAnswerFlows(): FlowDefinition[] {
  return [
    {
      id: answerPolicyQuestionFlowId,
      title: "Answer a policy question",
      noun: "answer to a policy question",
      description: "Answer a policy question passed to the governance team.",
      listed: false,
      steps: [
        { id: "question", label: "Question", prompt: "Which question? (e.g. PQ-0003)", help: "Filled in when started from the question.", input: "text", schema: z.string().trim().toUpperCase().regex(/^PQ-\d{4,}$/, "Please give a reference such as PQ-0003.") },
        ...answerSteps,
      ],
      complete: async (answers, context) => {
        guard(context);
        const store = new CuratedPolicyAnswers(context.tx);
        const { question, curated } = await store.answer(answers.question as string, { answer: answers.answer as string, sectionRef: (answers.section as string | null) || null }, { ...actorOf(context), personId: context.speaker.personId }, context.now);
        if (question.personId) {
          await enqueueNotice(context.tx, personAudience(question.personId), {
            kind: "policy_question_answered",
            subject: `The governance team answered your policy question (${question.reference})`,
            text: answeredNoticeText(question.question, curated),
            recordRef: question.reference!,
          });
        }
        return { reference: curated.reference, title: `${question.reference} answered`, lines: [question.personId ? "The person who asked has been sent your answer." : "Nobody to tell: it was asked anonymously.", `Kept as ${curated.reference}: later questions with the same meaning get it first.`] };
      },
    },
    {
      id: editCuratedAnswerFlowId,
      title: "Edit a curated policy answer",
      noun: "edit of a curated policy answer",
      description: "Change the wording or section of a curated policy answer.",
      listed: false,
      steps: [
        { id: "curated", label: "Curated answer", prompt: "Which curated answer? (e.g. PA-0002)", help: "Filled in when started from the answer.", input: "text", schema: z.string().trim().toUpperCase().regex(/^PA-\d{4,}$/, "Please give a reference such as PA-0002.") },
        ...answerSteps,
      ],
      complete: async (answers, context) => {
        guard(context);
        const edited = await new CuratedPolicyAnswers(context.tx).edit(answers.curated as string, { answer: answers.answer as string, sectionRef: (answers.section as string | null) || null }, actorOf(context));
        return { reference: edited.reference, title: `${edited.reference} updated`, lines: ["Later questions get the new wording; the change history keeps the old one."] };
      },
    },
  ];
}
