// Offline retrieval over the policy passages: BM25-style full-text search (MiniSearch) with
// stemming, stop words, typo tolerance and a few synonyms for the words people use about AI policy.
import MiniSearch from "minisearch";
import { stemmer } from "stemmer";
import type { PolicyPassage } from "./policyCorpus.js";
import { synonyms } from "./policySynonyms.js";

const stopWords = new Set(
  "a an the and or but if of to in on at by for with from as is are was were be been being do does did can could may might must shall should will would i me my we our you your it its this that these those there here what which who whom whose when where why how about into than then so not no yes any all some such just also too very im ive id".split(" "),
);

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .split(/[\s-]+/)
    .filter((word) => word.length > 1 && !stopWords.has(word));
}

const stem = (word: string) => (/^\d/.test(word) ? word : stemmer(word));

/** The terms a query is searched with: its stemmed words plus their synonyms. */
export function queryTerms(question: string): string[] {
  const words = tokenize(question);
  return [...new Set(words.flatMap((word) => [word, ...(synonyms[word] ?? [])]).map(stem))];
}

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

  constructor(readonly passages: PolicyPassage[]) {
    this.byId = new Map(passages.map((passage) => [passage.id, passage]));
    this.wordsOf = new Map(passages.map((passage) => [passage.id, new Set(tokenize(`${passage.headingPath.join(" ")} ${passage.text}`).map(stem))]));
    for (const words of this.wordsOf.values()) for (const word of words) this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
    this.search = new MiniSearch<PolicyPassage>({
      fields: ["heading", "path", "text"],
      extractField: (passage, field) => (field === "path" ? passage.headingPath.join(" ") : String(passage[field as keyof PolicyPassage])),
      tokenize,
      processTerm: (term) => stem(term),
      searchOptions: { boost: { heading: 2.5, path: 1.2, text: 1 }, fuzzy: (term) => (term.length > 4 ? 0.2 : 0), prefix: (term) => term.length > 4, combineWith: "OR" },
    });
    this.search.addAll(passages);
  }

  query(question: string, limit = 5): PolicyHit[] {
    const terms = queryTerms(question);
    if (terms.length === 0) return [];
    // Each of the question's own words, with its synonyms: the word counts as present if any of them is.
    const concepts = [...new Set(tokenize(question))].map((word) => [word, ...(synonyms[word] ?? [])].map(stem));
    return this.search
      .search(terms.join(" "))
      .slice(0, limit)
      .map((result) => {
        const passage = this.byId.get(String(result.id))!;
        return { passage, score: result.score, coverage: this.coverage(concepts, this.wordsOf.get(passage.id)!) };
      });
  }

  /** The coverage of a passage that full-text search did not rank (found by meaning instead). */
  coverageFor(question: string, passage: PolicyPassage): number {
    const concepts = [...new Set(tokenize(question))].map((word) => [word, ...(synonyms[word] ?? [])].map(stem));
    return this.coverage(concepts, this.wordsOf.get(passage.id) ?? new Set());
  }

  private coverage(concepts: string[][], words: Set<string>): number {
    let total = 0;
    let found = 0;
    for (const variants of concepts) {
      const weight = Math.max(...variants.map((variant) => this.idf(this.knownForm(variant))));
      total += weight;
      if (variants.some((variant) => words.has(variant) || [...words].some((word) => closeEnough(variant, word)))) found += weight;
    }
    return total === 0 ? 0 : found / total;
  }

  /** A misspelt word counts as the policy word it is one typo away from. */
  private knownForm(term: string): string {
    if (this.documentFrequency.has(term)) return term;
    for (const word of this.documentFrequency.keys()) if (closeEnough(term, word)) return word;
    return term;
  }

  private idf(term: string): number {
    return Math.log(1 + this.passages.length / ((this.documentFrequency.get(term) ?? 0) + 0.5));
  }
}

/** One typo apart (for words of five letters or more): "severty" still finds "severity". */
function closeEnough(a: string, b: string): boolean {
  if (a.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
