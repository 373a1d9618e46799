// The policy assistant as the conversation engine sees it: a question in, an answer message out,
// the question recorded with who asked and where; verdicts on answers, and questions passed on.
// A question the governance team has already answered (in other words) gets their answer first.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { OutgoingMessage, PolicyVerdict, Turn } from "../conversations/messages.js";
import { enqueueNotice, governanceAudience } from "../store/notifications.js";
import { CuratedPolicyAnswers } from "../store/curatedPolicyAnswers.js";
import type { PolicyAnswer, PolicyAssistant } from "./policyAssistant.js";
import { askAndRecord } from "./policyQuestions.js";
import { citationLabel } from "./policyExtracts.js";
import { curatedAnswerText, answerButton } from "./policyAnswerNotices.js";

export function policyAnswerer(assistant: PolicyAssistant, prisma: PrismaClient) {
  return async (question: string, turn: Turn): Promise<OutgoingMessage> => {
    const curated = await assistant.matchCurated(question, await new CuratedPolicyAnswers(prisma).active());
    const answer: PolicyAnswer & { curatedAnswerId?: string } = curated
      ? { answered: true, answer: curatedAnswerText(curated), citations: [], source: "curated", curatedAnswerId: curated.id }
      : await assistant.ask(question);
    const recorded = await askAndRecord(answer, prisma, question, { personId: turn.speaker.personId, channel: turn.channel });
    if (curated) await new CuratedPolicyAnswers(prisma).given(curated.id);
    // An attempt to instruct the bot is refused and goes nowhere: the only guard answer without a
    // confidence (see PolicyAnswer.confidence).
    const refusedAsInstruction = answer.source === "guard" && !answer.confidence;
    return {
      kind: "answer",
      questionId: recorded.questionId,
      answered: answer.answered,
      // What the policy did not answer, or answered uncertainly, can be passed to the governance team,
      // as every "doesn't cover this" says: the asker may know better than the check that declined it.
      routable: !refusedAsInstruction && answer.source !== "curated" && (!answer.answered || answer.confidence === "uncertain"),
      text: answer.answer,
      citations: answer.citations.map((citation) => ({ document: citation.document, section: citation.section, heading: citation.heading, label: citationLabel(citation) })),
    };
  };
}

export function policyFeedbackRecorder(prisma: PrismaClient) {
  return async (questionId: string, verdict: PolicyVerdict, turn: Turn): Promise<OutgoingMessage> => {
    const question = await prisma.policyQuestion.findUnique({ where: { id: questionId } });
    if (!question || question.personId !== turn.speaker.personId) {
      return { kind: "text", text: "Only the person who asked can rate or pass on that question." };
    }
    if (verdict === "helpful") {
      await prisma.policyQuestion.update({ where: { id: questionId }, data: { feedback: verdict } });
      return { kind: "text", text: "Thanks for the feedback!" };
    }
    // An answer that did not help is a question the policy does not answer well: it goes to governance too.
    if (verdict === "not_helpful") await prisma.policyQuestion.update({ where: { id: questionId }, data: { feedback: verdict } });
    if (question.curatedAnswerId && !question.reference && verdict === "not_helpful") {
      return { kind: "text", text: "Thanks: I've noted that the governance team's answer didn't help, so they can improve it." };
    }
    const reference = await prisma.$transaction(async (tx) => {
      const routed = await new CuratedPolicyAnswers(tx).route(questionId, new Date());
      await enqueueNotice(tx, governanceAudience, {
        kind: "policy_question_routed",
        subject: `Policy question ${routed.reference} for the governance team`,
        text: `${turn.speaker.displayName} asked: "${question.question}"\nThe policy gave no clear answer. Answer it here: your answer goes back to them, and later questions with the same meaning get it too.`,
        recordRef: routed.reference,
        actions: [answerButton(routed.reference)],
      });
      return routed.reference;
    });
    const thanks = verdict === "not_helpful" ? "Thanks: I've noted the answer didn't help and " : "I've ";
    return { kind: "text", text: `${thanks}passed your question to the governance team (${reference}); I'll send you their answer here.` };
  };
}
