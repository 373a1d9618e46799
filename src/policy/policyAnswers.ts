// The policy assistant as the conversation engine sees it: a question in, an answer message out,
// the question recorded with who asked and where.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { OutgoingMessage, Turn } from "../conversations/messages.js";
import type { PolicyAssistant } from "./policyAssistant.js";
import { askAndRecord } from "./policyQuestions.js";

export function policyAnswerer(assistant: PolicyAssistant, prisma: PrismaClient) {
  return async (question: string, turn: Turn): Promise<OutgoingMessage> => {
    const answer = await askAndRecord(assistant, prisma, question, { personId: turn.speaker.personId, channel: turn.channel });
    return {
      kind: "answer",
      answered: answer.answered,
      text: answer.answer,
      citations: answer.citations.map(({ document, section, heading }) => ({ document, section, heading })),
    };
  };
}
