// Offline retrieval over the policy passages: BM25-style full-text search (MiniSearch) with
// stemming, stop words, typo tolerance and a few synonyms for the words people use about AI policy.
import MiniSearch, { type SearchOptions } from "minisearch";
import type { PolicyPassage } from "./policyCorpus.js";
import { synonyms } from "./policySynonyms.js";
import { PolicySpeller } from "./policySpelling.js";
import { allWords, isMeaningful, stem, tokenize } from "./policyWords.js";

/** The thesaurus with both sides stemmed, keyed by the stems of the everyday word or phrase. */
const stemmedSynonyms = new Map(Object.entries(synonyms).map(([everyday, formal]) => [allWords(everyday).map(stem).join(" "), formal.map(stem)]));
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
    const own = positions.filter((position) => isMeaningful(words[position]!)).map((position) => stems[position]!);
    if (own.length > 0 && !concepts.has(key)) concepts.set(key, [...new Set([...own, ...(stemmedSynonyms.get(key) ?? [])])]);
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

/** A word in more than half the passages is left out of full-text search. */
const commonShare = 0.5;

export interface PolicyHit {
  passage: PolicyPassage;
  score: number;
  /**
   * The share of the question's meaning the passage contains: the IDF-weighted share of the
   * question's own words found in it (a word the policies never use weighs most, so "parental
   * leave" does not match a passage just because it says "days").
   */
  coverage: number;
}

export class PolicyIndex {
  private readonly search: MiniSearch<PolicyPassage>;
  private readonly byId: Map<string, PolicyPassage>;
  private readonly wordsOf: Map<string, Set<string>>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly speller: PolicySpeller;

  constructor(readonly passages: PolicyPassage[]) {
    this.byId = new Map(passages.map((passage) => [passage.id, passage]));
    this.wordsOf = new Map(passages.map((passage) => [passage.id, new Set(tokenize(`${passage.headingPath.join(" ")} ${passage.text}`).map(stem))]));
    for (const words of this.wordsOf.values()) for (const word of words) this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
    this.speller = new PolicySpeller(wordFrequency(passages));
    this.search = new MiniSearch<PolicyPassage>({
      fields: ["heading", "path", "text"],
      extractField: (passage, field) => (field === "path" ? passage.headingPath.join(" ") : String(passage[field as keyof PolicyPassage])),
      tokenize,
      processTerm: (term) => stem(term),
      searchOptions: { boost: { heading: 2.5, path: 1.2, text: 1 }, combineWith: "OR" },
    });
    this.search.addAll(passages);
  }

  query(question: string, limit = 5): PolicyHit[] {
    const concepts = this.conceptsOf(question);
    const allTerms = [...new Set(concepts.flat())];
    const selective = allTerms.filter((term) => this.isSelective(term));
    // In a corpus of a passage or two every word is common: then all of them are searched.
    const terms = selective.some((term) => this.documentFrequency.has(term)) ? selective : allTerms;
    if (terms.length === 0) return [];
    return this.search
      .search({ combineWith: "OR", queries: terms }, this.searchOptionsFor(concepts))
      .slice(0, limit)
      .map((result) => {
        const passage = this.byId.get(String(result.id))!;
        return { passage, score: result.score, coverage: this.coverage(concepts, this.wordsOf.get(passage.id)!) };
      });
  }

  /** The coverage of a passage that full-text search did not rank (found by meaning instead). */
  coverageFor(question: string, passage: PolicyPassage): number {
    return this.coverage(this.conceptsOf(question), this.wordsOf.get(passage.id) ?? new Set());
  }

  /**
   * The terms are stemmed already, so they are searched as they are. Thesaurus words are exact
   * policy words; only the question's own words get prefix matching, and only words the policies
   * never use get fuzzy matching (a typo two edits away), which keeps search fast.
   */
  private searchOptionsFor(concepts: string[][]): SearchOptions {
    const own = new Set(concepts.map((variants) => variants[0]!));
    return {
      tokenize: (term) => [term],
      processTerm: (term) => term,
      prefix: (term) => own.has(term) && term.length > 4,
      fuzzy: (term) => (own.has(term) && term.length > 5 && !this.documentFrequency.has(term) ? 0.2 : 0),
    };
  }

  private conceptsOf(question: string): string[][] {
    return conceptsOf(question, (word) => this.speller.correct(word));
  }

  /** Each concept counts with the weight of its rarest form: a word the policies never use weighs most. */
  private coverage(concepts: string[][], words: Set<string>): number {
    let total = 0;
    let found = 0;
    for (const variants of concepts) {
      const weight = Math.max(...variants.map((variant) => this.idf(variant)));
      total += weight;
      if (variants.some((variant) => words.has(variant))) found += weight;
    }
    return total === 0 ? 0 : found / total;
  }

  /**
   * Whether searching a term can change the ranking: a word in most passages ("ai", "policy") adds
   * almost nothing to any score but makes search score every passage. It still counts in coverage.
   */
  private isSelective(term: string): boolean {
    return (this.documentFrequency.get(term) ?? 0) <= this.passages.length * commonShare;
  }

  private idf(term: string): number {
    return Math.log(1 + this.passages.length / ((this.documentFrequency.get(term) ?? 0) + 0.5));
  }
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
