// The policy assistant as the conversation engine sees it: a question in, an answer message out,
// the question recorded with who asked and where; verdicts on answers, and questions passed on.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { OutgoingMessage, PolicyVerdict, Turn } from "../conversations/messages.js";
import { enqueueNotice, governanceAudience } from "../store/notifications.js";
import type { PolicyAssistant } from "./policyAssistant.js";
import { askAndRecord } from "./policyQuestions.js";

export function policyAnswerer(assistant: PolicyAssistant, prisma: PrismaClient) {
  return async (question: string, turn: Turn): Promise<OutgoingMessage> => {
    const answer = await askAndRecord(assistant, prisma, question, { personId: turn.speaker.personId, channel: turn.channel });
    return {
      kind: "answer",
      questionId: answer.questionId,
      answered: answer.answered,
      routable: !answer.answered && answer.source !== "guard",
      text: answer.answer,
      citations: answer.citations.map(({ document, section, heading }) => ({ document, section, heading })),
    };
  };
}

export function policyFeedbackRecorder(prisma: PrismaClient) {
  return async (questionId: string, verdict: PolicyVerdict, turn: Turn): Promise<OutgoingMessage> => {
    const question = await prisma.policyQuestion.findUnique({ where: { id: questionId } });
    if (!question || question.personId !== turn.speaker.personId) {
      return { kind: "text", text: "Only the person who asked can rate or pass on that question." };
    }
    if (verdict !== "route") {
      await prisma.policyQuestion.update({ where: { id: questionId }, data: { feedback: verdict } });
      return { kind: "text", text: verdict === "helpful" ? "Thanks for the feedback!" : "Thanks: I've noted the answer didn't help, so the governance team can improve the policy." };
    }
    await prisma.$transaction(async (tx) => {
      await tx.policyQuestion.update({ where: { id: questionId }, data: { routedAt: question.routedAt ?? new Date() } });
      await enqueueNotice(tx, governanceAudience, {
        kind: "policy_question_routed",
        subject: "A policy question the AI policy doesn't answer",
        text: `${turn.speaker.displayName} asked: "${question.question}"\nThe policy has no answer yet; please reply to them and consider adding it.`,
        recordRef: `Q-${question.id.slice(0, 8)}`,
      });
    });
    return { kind: "text", text: "I've passed your question to the governance team; they will get back to you." };
  };
}
