// The questions offered to someone opening the policy assistant (Slack's AI assistant view shows
// them as suggested prompts): what colleagues ask most, and, while few have asked anything yet,
// questions made from the policy's own section titles. Nothing here names a term of any particular
// policy: an organisation sees its own questions and its own sections.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { PolicyIndex } from "./policyIndex.js";
import type { PolicyPassage } from "./policySections.js";
import { judge } from "./policyRelevance.js";
import { isInjection } from "./policyGuard.js";

export interface SuggestedQuestion {
  /** What the prompt shows (short). */
  title: string;
  /** What is asked when it is picked. */
  message: string;
}

export interface SuggestedQuestions {
  from: "most-asked" | "policy-sections" | "none";
  questions: SuggestedQuestion[];
}

/** One logged question, as the log keeps it. */
export interface LoggedQuestion {
  question: string;
  personId: string | null;
  answered: boolean;
  source: string;
  feedback: string | null;
}

/**
 * A question is offered to everyone only when at least this many people asked it: a question one
 * person asked may say more about them than they meant to share.
 */
export const minimumAskers = 2;
const titleLength = 75;

/** "How long is chat history kept?", "how long is chat history kept" and "How long is chat-history kept ?" are one question. */
const sameQuestion = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const shortened = (text: string) => (text.length <= titleLength ? text : `${text.slice(0, titleLength - 1).trimEnd()}…`);

/**
 * The most asked questions the policy answered: asked by at least `minimumAskers` people, not
 * refused, and not rated unhelpful more often than helpful. The wording most used is the one shown.
 */
export function mostAsked(log: LoggedQuestion[], limit: number): SuggestedQuestion[] {
  const groups = new Map<string, { askers: Set<string>; times: number; helpful: number; unhelpful: number; wordings: Map<string, number> }>();
  for (const entry of log) {
    if (!entry.answered || entry.source === "guard" || !entry.personId || isInjection(entry.question)) continue;
    const key = sameQuestion(entry.question);
    if (!key) continue;
    const group = groups.get(key) ?? { askers: new Set(), times: 0, helpful: 0, unhelpful: 0, wordings: new Map() };
    group.askers.add(entry.personId);
    group.times++;
    if (entry.feedback === "helpful") group.helpful++;
    if (entry.feedback === "not_helpful") group.unhelpful++;
    const wording = entry.question.trim().replace(/\s+/g, " ");
    group.wordings.set(wording, (group.wordings.get(wording) ?? 0) + 1);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((group) => group.askers.size >= minimumAskers && group.unhelpful <= group.helpful)
    .sort((a, b) => b.askers.size - a.askers.size || b.times - a.times)
    .slice(0, limit)
    .map((group) => {
      const wording = [...group.wordings.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      return { title: shortened(wording), message: wording };
    });
}

/**
 * Headings that organise a document rather than say what it rules on: its purpose, scope,
 * definitions and history, however they are worded ("Why this standard exists", "Where these rules apply").
 */
const structuralHeading =
  /^(purpose|scope|introduction|overview|background|contents|table of contents|definitions?|glossary|terms|references|related (documents|policies)|document (control|history|information)|version( history| control)?|revision history|change (log|history)|approval|sign[- ]?off|contacts?|appendix|annex)\b|\b(this|these) (policy|policies|standard|standards|document|protocol|procedure|handbook|guidance|rules)\b/i;

/**
 * Questions made from section titles, taking each document in turn, offered only when the
 * assistant, asked that very question, answers it from that very section.
 */
export function fromSectionTitles(index: PolicyIndex, limit: number): SuggestedQuestion[] {
  const byDocument = new Map<string, PolicyPassage[]>();
  for (const passage of index.passages) {
    const heading = passage.headingPath.at(-1) ?? "";
    // A document's title is its introduction, not one of its topics; a heading of a word or two
    // ("All staff") says too little to be asked about on its own.
    if (passage.headingPath.length < 2 || passage.headingPath.slice(1).some((title) => structuralHeading.test(title))) continue;
    if (passage.text.length < 80 || (heading.match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) continue;
    byDocument.set(passage.document, [...(byDocument.get(passage.document) ?? []), passage]);
  }
  const suggested: SuggestedQuestion[] = [];
  const seen = new Set<string>();
  const queues = [...byDocument.values()];
  for (let round = 0; suggested.length < limit && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) {
      const passage = queue[round];
      if (!passage || suggested.length >= limit) continue;
      const heading = passage.headingPath.at(-1)!;
      if (seen.has(sameQuestion(heading))) continue;
      seen.add(sameQuestion(heading));
      const message = questionAbout(heading, index.passages);
      const hits = index.query(message, 3);
      if (judge(hits) !== "off-topic" && hits[0]?.passage.id === passage.id) suggested.push({ title: shortened(heading), message });
    }
  }
  return suggested;
}

/**
 * A heading that is a question already ("Can I use AI for translation?") is asked as it is. Its
 * first word keeps its capital when the documents always write it so (a name: "Harvey", "Kestrel").
 */
function questionAbout(heading: string, passages: PolicyPassage[]): string {
  if (heading.endsWith("?")) return heading;
  const first = heading.split(/\s+/)[0]!;
  // "AI", "GDPR": capitals throughout stay. A capitalised word the documents also write capitalised
  // in mid-sentence is a name.
  const name = !/^\p{Lu}\p{Ll}+$/u.test(first) || passages.some((passage) => new RegExp(`[\\p{L},;:]\\s+${escapeRegExp(first)}([^\\p{L}]|$)`, "u").test(passage.text));
  return `What does our policy say about ${name ? heading : first.toLowerCase() + heading.slice(first.length)}?`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The last half year of answered questions is what "most asked" means. */
const logWindowDays = 180;

export async function suggestedQuestions(prisma: PrismaClient, index: () => Promise<PolicyIndex>, limit: number, now: Date = new Date()): Promise<SuggestedQuestions> {
  const log = await prisma.policyQuestion.findMany({
    where: { answered: true, createdAt: { gte: new Date(now.getTime() - logWindowDays * 86_400_000) } },
    select: { question: true, personId: true, answered: true, source: true, feedback: true },
    orderBy: { createdAt: "desc" },
    take: 5_000,
  });
  const asked = mostAsked(log, limit);
  if (asked.length >= limit) return { from: "most-asked", questions: asked };
  const taken = new Set(asked.map((question) => sameQuestion(question.message)));
  const topics = fromSectionTitles(await index(), limit).filter((topic) => !taken.has(sameQuestion(topic.message)));
  const questions = [...asked, ...topics].slice(0, limit);
  return { from: asked.length > 0 ? "most-asked" : questions.length > 0 ? "policy-sections" : "none", questions };
}
