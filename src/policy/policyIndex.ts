// Offline retrieval over the policy passages. Two BM25 indexes (MiniSearch): one of whole sections,
// where a match in the heading or a parent heading weighs more than one in the text, and one of the
// sentences, list items and table rows, so that a section with one sentence that answers the
// question beats a long section that mentions its words here and there. Words are stemmed, typos
// corrected to the policy's own words, and everyday words read as the formal words policies use.
import MiniSearch, { type SearchOptions } from "minisearch";
import type { PolicyPassage } from "./policySections.js";
import { replacingPhrases, synonyms } from "./policySynonyms.js";
import { PolicySpeller } from "./policySpelling.js";
import { unitsOf, type PassageUnit } from "./policyUnits.js";
import { allWords, isMeaningful, stem, tokenize } from "./policyWords.js";
import { describesAi, isDocumentWord, namedSoftware, namedThings, namesAi, namesTheDocuments } from "./policyDomain.js";
import { asksWhatSomethingMeans, isDefinitions } from "./policyDefinitions.js";
import { learnAcronyms, spelledOutShortForms } from "./policyAcronyms.js";
import { asksAboutConduct } from "./policyQuestionForm.js";

/** The thesaurus with both sides stemmed, keyed by the stems of the everyday word or phrase. */
const stemmedSynonyms = new Map(Object.entries({ ...synonyms, ...replacingPhrases }).map(([everyday, formal]) => [allWords(everyday).map(stem).join(" "), formal.map(stem)]));
const replacing = new Set(Object.keys(replacingPhrases).map((phrase) => allWords(phrase).map(stem).join(" ")));
const longestPhrase = Math.max(...[...stemmedSynonyms.keys()].map((key) => key.split(" ").length));

/**
 * The question as the concepts it asks about, each a list of stems: the question's own word (or
 * the meaningful words of a phrase) first, then the policy words that mean the same.
 * `correct` fixes a typo in a word before it is looked up.
 */
export function conceptsOf(question: string, correct: (word: string) => string = (word) => word): string[][] {
  const words = allWords(question).map(correct);
  const stems = words.map(stem);
  const used = new Set<number>();
  const concepts = new Map<string, string[]>();
  for (let start = 0; start < words.length; start++) {
    if (used.has(start)) continue;
    const positions = phraseAt(stems, start, used);
    for (const position of positions) used.add(position);
    const key = positions.map((position) => stems[position]).join(" ");
    const own = replacing.has(key) ? [] : positions.filter((position) => isMeaningful(words[position]!)).map((position) => stems[position]!);
    const formal = stemmedSynonyms.get(key) ?? [];
    if (own.length + formal.length > 0 && !concepts.has(key)) concepts.set(key, [...new Set([...own, ...formal])]);
  }
  return [...concepts.values()];
}

/** Particles that may stand apart from their verb: "switch the model off", "turn them down". */
const particles = new Set(["off", "down", "up", "out"]);

/** The positions of the longest thesaurus phrase starting at `start`, else just `start`. */
function phraseAt(stems: string[], start: number, used: Set<number>): number[] {
  for (let length = Math.min(longestPhrase, stems.length - start); length > 1; length--) {
    if (stemmedSynonyms.has(stems.slice(start, start + length).join(" "))) return Array.from({ length }, (_, i) => start + i);
  }
  for (let particle = start + 2; particle <= Math.min(start + 4, stems.length - 1); particle++) {
    if (!used.has(particle) && particles.has(stems[particle]!) && stemmedSynonyms.has(`${stems[start]} ${stems[particle]}`)) return [start, particle];
  }
  return [start];
}

/** The terms a query is searched with: its stemmed words plus their synonyms. */
export function queryTerms(question: string): string[] {
  return [...new Set(conceptsOf(question).flat())];
}

export interface PolicyHit {
  passage: PolicyPassage;
  /** Section and best-sentence BM25 together, 1 for the best passage of the query. */
  score: number;
  /** The passage's sentences, list items and table rows that match the question best, best first. */
  units: (PassageUnit & { score: number })[];
  /** What the passage shares with the question (see `Match`). */
  match: Match;
  /**
   * The passage's place (0 first) by its whole section's score and by its best sentence's score:
   * two rankings that agree on the best passage make a surer answer than one that wins on one alone.
   */
  ranks?: { section: number; unit: number };
}

/**
 * The question's concepts the passage contains. `weight` adds up how specific each shared concept
 * is (its IDF: a word in every passage adds nearly nothing), so that a passage sharing "ai" and
 * "use" with an off-topic question does not look like an answer; `inHeading` counts concepts found
 * in the section's heading path, the strongest sign that the section is about the question.
 */
export interface Match {
  concepts: number;
  matched: number;
  inHeading: number;
  weight: number;
  /** The question's concepts the policies use anywhere, as a share of its concepts other than the words for the documents ("the policy"); 1 when it has no others. */
  known: number;
  /**
   * The IDF-weighted concepts found together in one sentence, list item or table row of the
   * passage (or its headings): a passage that answers says the question's things in one place.
   */
  focus: number;
  /** Whether the question names AI or a tool the policies name (see policyDomain.ts); the same for every hit. */
  anchored: boolean;
  /** Whether the question names AI or a tool the policies name, not only the documents ("the policy"); the same for every hit. */
  namesAi: boolean;
  /** Whether the question asks what people may, must or should do (see policyQuestionForm.ts); the same for every hit. */
  asksAboutConduct: boolean;
  /**
   * How much of the question the passage explains: the IDF weight of the concepts it shares, as a
   * share of the weight of all the question's concepts the policies use (1 when it says them all).
   */
  explained: number;
  /**
   * Whether the question names a tool or system the policies name ("Otter" in "is otter ok for
   * recording my lectures") that this passage does not mention: such a passage may answer the
   * question's other words, but not what it asks about that tool.
   */
  lacksNamedTool: boolean;
}

type QuestionTraits = Pick<Match, "anchored" | "namesAi" | "asksAboutConduct">;

interface IndexedUnit extends PassageUnit {
  id: string;
  passageId: string;
  context: string;
  /** The unit's stems in order, to find the question's words close together, and as a set. */
  stems: string[];
  stemSet: Set<string>;
}

/** A word in more than half the passages is left out of full-text search (it still counts in a match). */
const commonShare = 0.5;
/** The IDF from which a heading word shared with the question says what the section is about. */
const specificHeadingWord = 0.3;
/** The weight of a thesaurus word against the question's own word (shared among an entry's words). */
const synonymShare = 0.7;
/** The best sentences get a bonus for each two of the question's concepts said close together. */
const unitCandidates = 40;
const fuzziness = 0.2;
const proximityBonus = 0.6;
const closeWords = 4;
/** The bonus of a heading that says the question's concepts (see `headingSays`). */
export const headingWeight = { weight: 0.3 };
/** How much the best sentence counts against the whole section. */
const unitWeight = 0.5;
/** A definitions section's score for a question that does not ask what something means (see policyDefinitions.ts). */
const definitionsWeight = 0.5;

export class PolicyIndex {
  private readonly sections: MiniSearch<PolicyPassage>;
  private readonly byId: Map<string, PolicyPassage>;
  private readonly unitsOf = new Map<string, IndexedUnit[]>();
  private readonly wordsOf: Map<string, { all: Set<string>; heading: Set<string> }>;
  /** The stems of each passage's own heading (not its parents'). */
  private readonly ownHeading: Map<string, Set<string>>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly speller: PolicySpeller;
  /** Product and system names the policies use in a quarter of their passages or fewer (not the organisation's own name). */
  private readonly named: Set<string>;
  /** Of those, the ones a question names AI by: tools the policies speak of as software (see `namedSoftware`) and terms they spell out. */
  private readonly namedAi: Set<string>;
  private readonly definitions: Set<string>;
  /** Short forms the policies spell out ("dpia" → data protection impact assessment), see policyAcronyms.ts. */
  private readonly acronyms: Map<string, string[]>;

  /** Every passage's words, stemmed, one passage per line: what `mentions` searches. */
  private readonly stemmedText: string;
  /** The documents' titles, stemmed, one per line: what `titles` searches. */
  private readonly stemmedTitles: string;
  private readonly stemmedHeadings: string;

  constructor(readonly passages: PolicyPassage[]) {
    this.byId = new Map(passages.map((passage) => [passage.id, passage]));
    this.wordsOf = new Map(passages.map((passage) => [passage.id, { all: stems(`${passage.headingPath.join(" ")} ${passage.text}`), heading: stems(passage.headingPath.join(" ")) }]));
    this.ownHeading = new Map(passages.map((passage) => [passage.id, stems(passage.heading)]));
    for (const { all } of this.wordsOf.values()) for (const word of all) this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
    this.speller = new PolicySpeller(wordFrequency(passages));
    this.named = new Set([...namedThings(passages)].filter((word) => (this.documentFrequency.get(stem(word)) ?? 0) <= Math.max(1, passages.length / 4)));
    this.sections = new MiniSearch<PolicyPassage>({
      fields: ["heading", "path", "text"],
      extractField: (passage, field) => (field === "path" ? passage.headingPath.join(" ") : String(passage[field as keyof PolicyPassage])),
      tokenize,
      processTerm: (term) => stem(term),
    });
    this.sections.addAll(passages);
    this.definitions = new Set(passages.filter(isDefinitions).map((passage) => passage.id));
    for (const passage of passages) {
      const units = unitsOf(passage.text).map((unit) => ({ ...unit, id: `${passage.id}~${unit.position}`, passageId: passage.id, context: passage.heading, stems: tokenize(unit.text).map(stem) })).map((unit) => ({ ...unit, stemSet: new Set(unit.stems) }));
      this.unitsOf.set(passage.id, units);
    }
    this.stemmedText = passages.map((passage) => ` ${allWords(`${passage.headingPath.join(" ")} ${passage.text}`).map(stem).join(" ")} `).join("\n");
    this.stemmedTitles = [...new Set(passages.map((passage) => passage.documentTitle))].map((title) => ` ${allWords(title).map(stem).join(" ")} `).join("\n");
    this.stemmedHeadings = [...new Set(passages.flatMap((passage) => [passage.documentTitle, ...passage.headingPath]))].map((heading) => ` ${allWords(heading).map(stem).join(" ")} `).join("\n");
    this.acronyms = learnAcronyms([...this.unitsOf.values()].flat().map((unit) => unit.text), new Set(this.documentFrequency.keys()));
    // Naming one of these is naming AI: a tool the policies speak of as one, or a term they spell out ("DPIA", "AIGO": the AI Governance Office).
    const spelledOut = spelledOutShortForms(passages.map((passage) => passage.text));
    this.namedAi = new Set([...namedSoftware(passages, this.named), ...[...this.named].filter((word) => spelledOut.has(word.toLowerCase()))]);
  }

  query(question: string, limit = 5): PolicyHit[] {
    const concepts = this.conceptsOf(question);
    const traits = this.traitsOf(question);
    const terms = this.searchTerms(concepts);
    if (terms.length === 0) return [];
    const options = this.searchOptionsFor(concepts);
    const sectionScores = new Map(this.sections.search({ combineWith: "OR", queries: terms }, { ...options, boost: { heading: 2.5, path: 1.2, text: 1 } }).map((result) => [String(result.id), result.score]));
    // Sentences are scored within the best sections only: scoring every sentence of a large
    // corpus would cost more than it changes.
    const candidates = [...sectionScores].sort((a, b) => b[1] - a[1]).slice(0, unitCandidates);
    const unitScores = new Map<string, Map<number, number>>();
    for (const [passageId] of candidates) {
      unitScores.set(passageId, new Map((this.unitsOf.get(passageId) ?? []).map((unit) => [unit.position, this.unitScore(unit, concepts)])));
    }
    const topSection = Math.max(0, ...sectionScores.values());
    const topUnit = Math.max(0, ...[...unitScores.values()].flatMap((scores) => [...scores.values()]));
    const ids = new Set([...sectionScores.keys(), ...unitScores.keys()]);
    const definitionsWeightHere = asksWhatSomethingMeans(question) ? 1 : definitionsWeight;
    const namedTools = this.namedToolsIn(question);
    // Places beyond the sentence-scored candidates are not needed: only "first on both" is asked.
    const sectionRank = new Map(candidates.map(([id], place) => [id, place]));
    const unitRank = rankOf(new Map([...unitScores].map(([id, scores]) => [id, Math.max(0, ...scores.values())])));
    return [...ids]
      .map((id) => {
        const bestUnit = Math.max(0, ...(unitScores.get(id)?.values() ?? []));
        const score = (sectionScores.get(id) ?? 0) / (topSection || 1) + (unitWeight * bestUnit) / (topUnit || 1) + this.headingSays(id, concepts);
        return { id, score: this.definitions.has(id) ? score * definitionsWeightHere : score };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ id, score }, _rank, ranked) => ({
        ...this.hit(id, score / (ranked[0]!.score || 1), traits, concepts, unitScores.get(id), namedTools),
        ranks: { section: sectionRank.get(id) ?? unitCandidates, unit: unitRank.get(id) ?? unitCandidates },
      }));
  }

  /**
   * A section whose own heading says several of the question's concepts, common words included
   * ("Approved AI tools" for "what AI tools are approved?"), is what the question asks about, even
   * where full-text search weighs those common words at nothing and a one-word heading sharing one
   * of them ("Approvals") scores higher. The bonus grows with the share of the question's concepts
   * the heading says, from two of them and a third of the question.
   */
  private headingSays(id: string, concepts: string[][]): number {
    const heading = this.ownHeading.get(id);
    if (!heading || concepts.length === 0) return 0;
    const said = concepts.filter((variants) => variants.some((variant) => heading.has(variant))).length;
    return said >= 2 && said >= concepts.length / 3 ? headingWeight.weight * (said / concepts.length) : 0;
  }

  /** A passage as a hit for a question, whether or not full-text search ranked it (hybrid ranking). */
  hitFor(question: string, passage: PolicyPassage, score: number): PolicyHit {
    return this.hit(passage.id, score, this.traitsOf(question), this.conceptsOf(question), undefined, this.namedToolsIn(question));
  }

  /** The question's concepts a sentence says (each by its most specific word), more when said close together. */
  private unitScore(unit: IndexedUnit, concepts: string[][]): number {
    let score = 0;
    for (const variants of concepts) {
      const found = variants.filter((variant) => unit.stemSet.has(variant));
      if (found.length === 0) continue;
      // As in search, a thesaurus entry's words share one weight ("chatgpt" beats "public AI tool").
      const synonymWeight = synonymShare / Math.max(1, variants.length - 2);
      score += Math.max(...found.map((variant) => this.idf(variant) * (variant === variants[0] ? 1 : synonymWeight)));
    }
    return score === 0 ? 0 : score * (1 + proximityBonus * closePairs(unit.stems, concepts));
  }

  /** What the question names and asks, the same for every hit (see `Match`). */
  private traitsOf(question: string): QuestionTraits {
    const ai = namesAi([...allWords(question).map((word) => this.speller.correct(word)), ...writtenInCapitals(question)], this.namedAi) || describesAi(question);
    return { anchored: ai || namesTheDocuments(question), namesAi: ai, asksAboutConduct: asksAboutConduct(question) };
  }

  private hit(id: string, score: number, traits: QuestionTraits, concepts: string[][], unitScores: Map<number, number> | undefined, namedTools: string[] = []): PolicyHit {
    const passage = this.byId.get(id)!;
    const units = (this.unitsOf.get(id) ?? []).map((unit) => ({ position: unit.position, text: unit.text, kind: unit.kind, score: unitScores?.get(unit.position) ?? 0 })).sort((a, b) => b.score - a.score || a.position - b.position);
    const words = this.wordsOf.get(id)!;
    const match = this.matchOf(concepts, words, (this.unitsOf.get(id) ?? []).map((unit) => unit.stemSet));
    return { passage, score, units, match: { ...match, ...traits, lacksNamedTool: namedTools.some((tool) => !words.all.has(tool)) } };
  }

  /** The tools and systems the policies name that the question names too, as stems. */
  private namedToolsIn(question: string): string[] {
    return allWords(question)
      .map((word) => this.speller.correct(word))
      .filter((word) => this.named.has(word))
      .map(stem);
  }

  /** Search every concept's words, leaving out those in most passages unless nothing else is left. */
  private searchTerms(concepts: string[][]): string[] {
    const all = [...new Set(concepts.flat())];
    const selective = all.filter((term) => (this.documentFrequency.get(term) ?? 0) <= this.passages.length * commonShare);
    return selective.some((term) => this.documentFrequency.has(term)) ? selective : all;
  }

  /**
   * The terms are stemmed already, so they are searched as they are. Thesaurus words are exact
   * policy words; only the question's own words get prefix matching, and only words the policies
   * never use get fuzzy matching (a typo two edits away), which keeps search fast.
   */
  private searchOptionsFor(concepts: string[][]): SearchOptions {
    const own = new Set(concepts.map((variants) => variants[0]!));
    // A thesaurus entry ("chatgpt" → public, generative, AI, tool) is one concept: its words share
    // one weight, so that a word with many synonyms does not outweigh the rest of the question.
    const synonymBoost = new Map<string, number>();
    for (const variants of concepts) {
      const extra = variants.filter((variant) => !own.has(variant));
      for (const variant of extra) synonymBoost.set(variant, Math.min(synonymBoost.get(variant) ?? 1, synonymShare / Math.max(1, extra.length - 1)));
    }
    return {
      boostTerm: (term) => (own.has(term) ? 1 : (synonymBoost.get(term) ?? 1)),
      tokenize: (term) => [term],
      processTerm: (term) => term,
      prefix: (term) => own.has(term) && term.length > 4,
      fuzzy: (term) => (own.has(term) && term.length > 5 && !this.documentFrequency.has(term) ? fuzziness : 0),
    };
  }

  /** Whether a document's title uses these words one after the other (see PolicyVocabulary). */
  titles(words: string[]): boolean {
    return words.length > 0 && this.stemmedTitles.includes(` ${words.map(stem).join(" ")} `);
  }

  /** Whether a heading or a document's title uses these words one after the other (see PolicyVocabulary). */
  heads(words: string[]): boolean {
    return words.length > 0 && this.stemmedHeadings.includes(` ${words.map(stem).join(" ")} `);
  }

  /** Whether the policies use these words one after the other, in any form (see PolicyVocabulary). */
  mentions(words: string[]): boolean {
    if (words.length === 1 && this.acronyms.has(stem(words[0]!))) return true;
    return words.length > 0 && this.stemmedText.includes(` ${words.map(stem).join(" ")} `);
  }

  /** A word as the policies would spell it (a typo one edit from a policy word corrected). */
  correct(word: string): string {
    return this.speller.correct(word);
  }

  /** The question's concepts, a short form the policies spell out standing for the words it abbreviates. */
  private conceptsOf(question: string): string[][] {
    const concepts = conceptsOf(question, (word) => (this.acronyms.has(stem(word)) ? word : this.speller.correct(word)));
    return concepts.map((variants) => {
      const expansion = this.acronyms.get(variants[0]!);
      return expansion ? [variants[0]!, ...expansion] : variants;
    });
  }

  private matchOf(concepts: string[][], words: { all: Set<string>; heading: Set<string> }, units: Set<string>[]): Omit<Match, keyof QuestionTraits | "lacksNamedTool"> {
    const match = { concepts: concepts.length, matched: 0, inHeading: 0, weight: 0, known: 0, focus: 0, explained: 0 };
    let documentWords = 0;
    const weightIn = (variants: string[], inUnit: Set<string>) => Math.max(0, ...variants.filter((variant) => inUnit.has(variant) || words.heading.has(variant)).map((variant) => this.idf(variant)));
    for (const unit of units.length > 0 ? units : [new Set<string>()]) {
      match.focus = Math.max(match.focus, concepts.reduce((sum, variants) => sum + weightIn(variants, unit), 0));
    }
    for (const variants of concepts) {
      // "The rules" says nothing of what the question is about: known or not, it is left out of the share.
      if (isDocumentWord(variants[0]!)) documentWords++;
      else if (variants.some((variant) => this.documentFrequency.has(variant))) match.known++;
      const found = variants.filter((variant) => words.all.has(variant));
      if (found.length === 0) continue;
      match.matched++;
      match.weight += Math.max(...found.map((variant) => this.idf(variant)));
      // A heading word counts when it says something specific ("exceptions"), not "AI policy".
      if (found.some((variant) => words.heading.has(variant) && this.idf(variant) >= specificHeadingWord)) match.inHeading++;
    }
    const subjects = concepts.length - documentWords;
    match.known = concepts.length === 0 ? 0 : subjects === 0 ? 1 : match.known / subjects;
    const specificity = concepts.map((variants) => this.specificityOf(variants));
    const total = specificity.reduce((sum, weight) => sum + weight, 0);
    match.explained = total === 0 ? 0 : Math.min(1, match.weight / total);
    return match;
  }

  /** A concept's weight: the IDF of its most specific word the policies use (0 if they use none). */
  private specificityOf(variants: string[]): number {
    return Math.max(0, ...variants.filter((variant) => this.documentFrequency.has(variant)).map((variant) => this.idf(variant)));
  }

  /** 0 for a word in every passage, about 1 for a word in one passage of many. */
  idf(term: string): number {
    const n = this.passages.length;
    return Math.log((n + 1) / ((this.documentFrequency.get(term) ?? 0) + 0.5)) / Math.log((n + 1) / 1.5);
  }
}

/**
 * How many pairs of the question's concepts stand within a few words of each other in the unit:
 * "personal or free accounts of ChatGPT" says "personal ChatGPT"; a sentence with "personal data"
 * at its start and "AI tool" at its end does not.
 */
function closePairs(unitStems: string[], concepts: string[][]): number {
  const positions = concepts.map((variants) => unitStems.flatMap((word, at) => (variants.includes(word) ? [at] : []))).filter((found) => found.length > 0);
  let pairs = 0;
  for (let a = 0; a < positions.length; a++) {
    for (let b = a + 1; b < positions.length; b++) {
      if (positions[a]!.some((x) => positions[b]!.some((y) => Math.abs(x - y) <= closeWords))) pairs++;
    }
  }
  return pairs;
}

/** Each id's place in a ranking by score, best first (0); ids scoring 0 come last. */
function rankOf(scores: Map<string, number>): Map<string, number> {
  const ranked = [...scores].filter(([, score]) => score > 0).sort((a, b) => b[1] - a[1]);
  return new Map(ranked.map(([id], place) => [id, place]));
}

function stems(text: string): Set<string> {
  return new Set(tokenize(text).map(stem));
}

/** How many passages use each word as written (before stemming): the words a typo is corrected to. */
function wordFrequency(passages: PolicyPassage[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const passage of passages) {
    for (const word of new Set(tokenize(`${passage.headingPath.join(" ")} ${passage.text}`))) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  // Everyday words the thesaurus knows are not typos, even if no policy uses them.
  for (const word of Object.keys(synonyms).flatMap(allWords)) if (!frequency.has(word)) frequency.set(word, 1);
  return frequency;
}

/** "IT", "US": words written in capitals, which name a department or a country only when so written. */
function writtenInCapitals(question: string): string[] {
  return question.split(/[^\p{L}\p{N}]+/u).filter((word) => /^\p{Lu}{2,}$/u.test(word));
}
