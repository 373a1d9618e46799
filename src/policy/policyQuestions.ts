// Keeps every policy question with its answer: what the policy does not answer is what the
// governance team needs to add to it, and a curated answer given is counted against it.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Channel } from "../generated/prisma/enums.js";
import type { PolicyAnswer } from "./policyAssistant.js";

export async function askAndRecord(
  answer: PolicyAnswer & { curatedAnswerId?: string },
  prisma: PrismaClient,
  question: string,
  asker: { personId: string | null; channel: Channel },
): Promise<PolicyAnswer & { questionId: string }> {
  const stored = await prisma.policyQuestion.create({
    data: {
      question,
      answered: answer.answered,
      source: answer.source,
      citations: answer.citations.map(({ document, section }) => ({ document, section })),
      personId: asker.personId,
      channel: asker.channel,
      ...(answer.curatedAnswerId ? { curatedAnswerId: answer.curatedAnswerId } : {}),
    },
  });
  return { ...answer, questionId: stored.id };
}
