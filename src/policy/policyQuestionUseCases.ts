// The governance team's side of the learning loop, typed or from buttons:
//   "policy questions"            the questions passed on and not yet answered
//   "answer PQ-0003" / Answer     answers one (a short conversation)
//   "policy answers"              the curated answers, with how often each was given
//   "edit PA-0002", "retire PA-0002"
import type { PrismaClient } from "../generated/prisma/client.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, type RecordActions } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { CuratedPolicyAnswers } from "../store/curatedPolicyAnswers.js";
import { answerPolicyQuestionFlowId, editCuratedAnswerFlowId, mayCurate } from "./policyAnswerFlows.js";
import { displayDate } from "../domain/dateDisplay.js";

const refused = "Only the AI governance team can answer policy questions and manage curated answers.";
const normalised = (prefix: string, digits: string) => `${prefix.toUpperCase()}-${digits.padStart(4, "0")}`;

export class PolicyQuestionUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().replace(/^\//, "").replace(/[.!?]+$/, "").toLowerCase();
    if (/^policy questions?$/.test(typed)) return this.guarded(turn, () => this.waiting());
    if (/^(policy|curated) answers?$/.test(typed)) return this.guarded(turn, () => this.curated());
    const command = /^(answer|edit|retire)\s+(pq|pa)-(\d{1,6})$/.exec(typed);
    if (!command) return null;
    return this.act(normalised(command[2]!, command[3]!), command[1]!, turn);
  }

  handles(reference: string): boolean {
    return /^P[QA]-\d+$/.test(reference);
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    return this.guarded(turn, async () => {
      const store = new CuratedPolicyAnswers(this.prisma);
      if (reference.startsWith("PQ-") && action === "answer") {
        const question = await store.findQuestion(reference);
        if (!question) return useCaseRefusal(`There is no policy question ${reference}.`);
        if (question.answeredAt) return useCaseRefusal(`${reference} has been answered already; "policy answers" lists the curated answers.`);
        return { start: { flowId: answerPolicyQuestionFlowId, prefill: { question: reference } } };
      }
      if (reference.startsWith("PA-") && (action === "edit" || action === "retire")) {
        const curated = await store.find(reference);
        if (!curated) return useCaseRefusal(`There is no curated answer ${reference}.`);
        if (action === "edit") return { start: { flowId: editCuratedAnswerFlowId, prefill: { curated: reference } } };
        if (curated.retiredAt) return useCaseMessages({ kind: "text", text: `${reference} was retired on ${displayDate(curated.retiredAt)}.` });
        await this.prisma.$transaction((tx) => new CuratedPolicyAnswers(tx).retire(reference, actorOfTurn(turn), this.clock()));
        return useCaseMessages({ kind: "text", text: `${reference} is retired: later questions no longer get it. The change history keeps it.` });
      }
      return useCaseRefusal(`I can't "${action}" ${reference}.`);
    });
  }

  private async guarded(turn: Turn, then: () => Promise<UseCaseOutcome>): Promise<UseCaseOutcome> {
    return mayCurate(turn.speaker.roles) ? then() : useCaseRefusal(refused);
  }

  private async waiting(): Promise<UseCaseOutcome> {
    const questions = await new CuratedPolicyAnswers(this.prisma).waiting();
    return useCaseMessages({
      kind: "record_list",
      title: "Policy questions waiting for an answer",
      items: questions.map((question) => ({ reference: question.reference!, text: `"${question.question}" (passed on ${displayDate(question.routedAt!)}; type "answer ${question.reference}")` })),
      ...(questions.length === 0 ? { note: "None: every question passed on has been answered." } : {}),
    });
  }

  private async curated(): Promise<UseCaseOutcome> {
    const answers = await new CuratedPolicyAnswers(this.prisma).all();
    return useCaseMessages({
      kind: "record_list",
      title: "Curated policy answers",
      items: answers.map((curated) => ({
        reference: curated.reference,
        text: `"${curated.question}" → ${curated.answer} (${curated.answeredByLabel}, ${displayDate(curated.answeredAt)}; given ${curated.timesGiven} times${curated.retiredAt ? `; retired ${displayDate(curated.retiredAt)}` : ""})`,
      })),
      note: answers.length === 0 ? "None yet: they are written by answering questions passed to the governance team." : 'Type "edit PA-0001" or "retire PA-0001".',
    });
  }
}
