// Asks the policy assistant and keeps the question: what the policy does not answer is what the
// governance team needs to add to it.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Channel } from "../generated/prisma/enums.js";
import type { PolicyAnswer, PolicyAssistant } from "./policyAssistant.js";

export async function askAndRecord(
  assistant: PolicyAssistant,
  prisma: PrismaClient,
  question: string,
  asker: { personId: string | null; channel: Channel },
): Promise<PolicyAnswer & { questionId: string }> {
  const answer = await assistant.ask(question);
  const stored = await prisma.policyQuestion.create({
    data: {
      question,
      answered: answer.answered,
      source: answer.source,
      citations: answer.citations.map(({ document, section }) => ({ document, section })),
      personId: asker.personId,
      channel: asker.channel,
    },
  });
  return { ...answer, questionId: stored.id };
}
