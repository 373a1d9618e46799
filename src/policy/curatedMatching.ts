// Whether a new question asks what a curated answer already answers. Both are read as concepts
// (stems, typos corrected, everyday words with their policy synonyms), weighted by how specific they
// are, and a curated answer is given when it covers what the new question asks about: "is deepl
// ok for translating letters to customers?" matches "can I use DeepL to translate a customer letter".
import { conceptsOf } from "./policyIndex.js";

export interface CuratedCandidate {
  id: string;
  question: string;
}

/** The weighted share of concepts two questions have in common, below which they ask different things. */
export const minimumOverlap = 0.6;
const forwardShare = 0.7;

/**
 * The best curated answer for a question, or null. `weight` says how specific a stem is (the policy
 * index's IDF), so that two questions sharing only "AI" and "use" do not count as the same.
 */
export function matchCurated<T extends CuratedCandidate>(question: string, candidates: T[], weight: (stem: string) => number, correct?: (word: string) => string): T | null {
  const asked = conceptsOf(question, correct);
  let best: { candidate: T; overlap: number } | null = null;
  for (const candidate of candidates) {
    const overlap = overlapOf(asked, conceptsOf(candidate.question, correct), weight);
    if (overlap >= minimumOverlap && (!best || overlap > best.overlap)) best = { candidate, overlap };
  }
  return best?.candidate ?? null;
}

function overlapOf(a: string[][], b: string[][], weight: (stem: string) => number): number {
  const conceptWeight = (variants: string[]) => Math.max(0.15, weight(variants[0]!));
  const shared = (from: string[][], to: string[][]) => {
    const words = new Set(to.flat());
    return from.filter((variants) => variants.some((variant) => words.has(variant))).reduce((sum, variants) => sum + conceptWeight(variants), 0);
  };
  const total = (concepts: string[][]) => concepts.reduce((sum, variants) => sum + conceptWeight(variants), 0);
  if (a.length === 0 || b.length === 0) return 0;
  // Mostly: does the curated answer's question cover everything the new one asks? Partly: does
  // the new one ask about most of what the curated answer was written for?
  return forwardShare * (shared(a, b) / total(a)) + (1 - forwardShare) * (shared(b, a) / total(b));
}
