// The words and buttons of the learning loop: the Answer button on a passed question, the curated
// answer as a later asker reads it (who answered and when), and the message to the first asker.
import type { NoticeButton } from "../domain/governanceNotices.js";
import { displayDate } from "../domain/dateDisplay.js";

export const answerButton = (questionReference: string): NoticeButton => ({ label: "Answer", input: { kind: "record_action", reference: questionReference, action: "answer" } });


interface CuratedAnswerView {
  reference: string;
  answer: string;
  sectionRef: string | null;
  answeredByLabel: string;
  answeredAt: Date;
}

/** A curated answer as given to a later question: marked as the governance team's, with who and when. */
export function curatedAnswerText(curated: CuratedAnswerView): string {
  const see = curated.sectionRef ? ` See ${curated.sectionRef}.` : "";
  return `${curated.answer}${see}\n(Answer from the AI governance team, ${curated.answeredByLabel}, ${displayDate(curated.answeredAt)}, ${curated.reference}.)`;
}

/** What the person who asked is sent when governance answers their question. */
export function answeredNoticeText(question: string, curated: CuratedAnswerView): string {
  return `You asked: "${question}"\n\n${curatedAnswerText(curated)}`;
}
