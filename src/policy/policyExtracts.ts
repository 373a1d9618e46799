// The offline answer: the sentences, list items or table rows of the best passages that match the
// question, quoted with their citation. When the match is uncertain the answer says so and lists the
// closest sections, so that nobody takes a near miss for the rule.
import type { PolicyHit } from "./policyIndex.js";
import type { PolicyConfidence } from "./policyRelevance.js";

/** Where an answer comes from: a section of a policy document and the words quoted from it. */
export interface PolicyCitation {
  document: string;
  section: string;
  heading: string;
  excerpt: string;
  /** The document's title and, when it states one, its version ("Version 2.1"). */
  documentTitle?: string;
  documentVersion?: string;
}

/** A confident answer also quotes the next two passages when they score at least this share of the first. */
const runnerUpShare = 0.5;
/** How many units of a passage are quoted at most, and how close to the best one they must score. */
const maxUnits = 3;
const unitShare = 0.6;
/** A list or table is quoted whole for a question asking for a list when it has at most this many items. */
const longestList = 8;

/** "Which tools…", "what systems…", "list the…": the answer is a list, quoted whole. */
const listQuestion = /\b(what|which)\b.{0,40}\b(tools|apps|systems|services|products|models|assistants|ones|types|kinds|examples|options|records|data)\b|\blist\b/i;

export function citationOf(hit: PolicyHit, question = ""): PolicyCitation {
  const { passage } = hit;
  return {
    document: passage.document,
    section: passage.section,
    heading: passage.heading,
    excerpt: excerptOf(hit, listQuestion.test(question)),
    documentTitle: passage.documentTitle,
    ...(passage.documentVersion ? { documentVersion: passage.documentVersion } : {}),
  };
}

/** `[document §section]`, as cited in the answer text. */
export function reference(citation: { document: string; section: string }): string {
  return `[${citation.document} §${citation.section}]`;
}

/** The section is called by its heading ("Approved AI tools"), not by a number ("4.3"). */
const namedByHeading = (citation: { section: string; heading: string }) => citation.section.toLowerCase() === citation.heading.toLowerCase();
/** The section's name already says its heading ("Part A: Approvals" for "Approvals"), so a label need not repeat it. */
const sectionSaysHeading = (citation: { section: string; heading: string }) => !citation.heading || citation.section.toLowerCase().includes(citation.heading.toLowerCase());

/**
 * How a citation is shown under an answer: the document as people know it (its title and version, which
 * the file name need not say) and the section, its heading beside a number ("§4.3 If we have published a
 * fake") but not twice where the section is its heading.
 */
export function citationLabel(citation: Pick<PolicyCitation, "document" | "section" | "heading" | "documentTitle" | "documentVersion">): string {
  const document = `${citation.documentTitle ?? citation.document}${citation.documentVersion ? ` (${citation.documentVersion})` : ""}`;
  return `${document} §${citation.section}${sectionSaysHeading(citation) ? "" : ` ${citation.heading}`}`;
}

/** Whether a confident answer also quotes the closest section naming the tool the question names (see `answeringHits`). */
export const answerShape = { quoteNamedTool: true };

/**
 * The passages a confident answer quotes: the best, close runners-up (they often hold the other half
 * of the answer: the rule and its exception), and, when the question names a tool the best passage
 * does not mention ("is otter ok for recording my lectures" answered by a section on recording
 * lectures), the closest passage (of those retrieved) that names it: what the policy says of that
 * tool is the answer.
 */
function answeringHits(hits: PolicyHit[]): PolicyHit[] {
  const chosen = [hits[0]!, ...hits.slice(1, 3).filter((hit) => hit.score >= runnerUpShare)];
  if (answerShape.quoteNamedTool && hits[0]!.match.lacksNamedTool) {
    const naming = hits.slice(1).find((hit) => !hit.match.lacksNamedTool);
    // Only where there is room: a close runner-up is not dropped for it.
    if (naming && !chosen.includes(naming) && chosen.length < 3) chosen.push(naming);
  }
  return chosen;
}

export function extractiveAnswer(question: string, hits: PolicyHit[], confidence: Exclude<PolicyConfidence, "off-topic">): { answer: string; citations: PolicyCitation[] } {
  if (confidence === "confident") {
    const citations = answeringHits(hits).map((hit) => citationOf(hit, question));
    // Each section's quote on its own line: a quoted table row or list item ("- Tool: …") would otherwise run on from the citation before it.
    return { answer: citations.map((citation) => `${citation.excerpt} ${reference(citation)}`).join("\n"), citations };
  }
  const citations = hits.slice(0, 3).map((hit) => citationOf(hit, question));
  // The line opens with the heading, so a section named by its heading is not named again in the reference.
  const lines = citations.map((citation) => `• ${citation.heading} ${namedByHeading(citation) ? `[${citation.document}]` : reference(citation)}: ${citation.excerpt}`);
  return { answer: [`I'm not certain; these sections look closest:`, ...lines].join("\n"), citations };
}

/**
 * The units that answer: the best-scoring one and those close to it, in the passage's order. A
 * question asking for a list gets the passage's list or table whole (up to `longestList` items), or
 * else its sentence that enumerates most ("it includes A, B, C and D"), since that is the answer.
 */
function excerptOf(hit: PolicyHit, wantsList: boolean): string {
  const units = hit.units;
  if (units.length === 0) return hit.passage.text.slice(0, 300);
  const best = units[0]!;
  // List items and table rows each on their own line, as in the document.
  const inOrder = (picked: typeof units) =>
    [...new Set(picked.flatMap((unit) => withContext(unit, units)))]
      .sort((a, b) => a.position - b.position)
      .map((unit) => (unit.kind === "sentence" ? withoutStrayQuote(unit.text) : `\n- ${unit.text}`))
      .join(" ")
      .replace(/ \n/g, "\n")
      .trim();
  if (best.score === 0) return inOrder(units.filter((unit) => unit.position < 2));
  const chosen = units.filter((unit) => unit.score >= best.score * unitShare).slice(0, maxUnits);
  if (!wantsList) return inOrder(chosen);
  const items = units.filter((unit) => unit.kind !== "sentence");
  if (items.length > 0 && items.length <= longestList) return inOrder([best, ...items]);
  const enumeration = [...units].sort((a, b) => commas(b.text) - commas(a.text))[0]!;
  return inOrder(commas(enumeration.text) >= 2 ? [best, enumeration] : chosen);
}

const commas = (text: string) => text.split(",").length - 1;

/**
 * A sentence quoted from the middle of a quoted paragraph (a standard wording, a script to read out) keeps
 * the paragraph's opening or closing quote mark alone ("We will tell you … apply.\""): left out, it reads as written.
 */
function withoutStrayQuote(sentence: string): string {
  const count = (mark: RegExp) => (sentence.match(mark) ?? []).length;
  if (count(/"/g) % 2 === 1) return sentence.replace(/^"(?=\S)|(?<=\S)"$/, "");
  if (count(/“/g) > count(/”/g)) return sentence.replace(/^“/, "");
  if (count(/”/g) > count(/“/g)) return sentence.replace(/”$/, "");
  return sentence;
}

type Unit = PolicyHit["units"][number];

/**
 * A unit with what it cannot be quoted without: a sentence opening with "This includes…" or "They
 * must…" with the one it refers back to; a list item with the sentence that introduces its list
 * ("Never put these into any AI tool:"), without which it can read as the opposite; and that
 * sentence with the list it introduces.
 */
function withContext(unit: Unit, units: Unit[]): Unit[] {
  const at = (position: number) => units.find((other) => other.position === position);
  if (unit.kind !== "sentence") {
    let position = unit.position - 1;
    while (at(position) && at(position)!.kind !== "sentence") position--;
    const lead = at(position);
    return introducesList(lead) ? [lead!, unit] : [unit];
  }
  const previous = /^(this|these|it|they|such|that|those)\b/i.test(unit.text) ? at(unit.position - 1) : undefined;
  const list: Unit[] = [];
  if (introducesList(unit)) {
    for (let position = unit.position + 1; at(position) && at(position)!.kind !== "sentence" && list.length < longestList; position++) list.push(at(position)!);
  }
  return [...(previous ? [previous] : []), unit, ...list];
}

const introducesList = (unit: Unit | undefined) => unit?.kind === "sentence" && unit.text.trimEnd().endsWith(":");
