// Questions typed in chat are full of typos ("severty", "custmer", "polcy"). A misspelt word
// matches nothing and, being unknown to the policies, weighs most in coverage, so one typo can
// turn a fair question into a decline. Each unknown word is corrected to the policy word it is one
// edit away from, as long as the word is long enough for a single edit to be a typo, not another word,
// and is no English word of its own ("warden" is no typo of "warned").
import { stem } from "./policyWords.js";
import { isEnglishWord } from "./englishWords.js";

/** Words shorter than this are left alone: one edit turns most short words ("mode", "room") into other real words. */
const shortestCorrectable = 5;

export class PolicySpeller {
  private readonly byFirstLetter = new Map<string, string[]>();
  private readonly corrections = new Map<string, string>();

  private readonly knownStems: Set<string>;

  /** @param frequency how many passages use each known word; the more common correction wins a tie */
  constructor(private readonly frequency: ReadonlyMap<string, number>) {
    this.knownStems = new Set([...frequency.keys()].map(stem));
    for (const word of frequency.keys()) {
      const bucket = this.byFirstLetter.get(word[0]!) ?? [];
      bucket.push(word);
      this.byFirstLetter.set(word[0]!, bucket);
    }
  }

  /** The word itself when known (in any inflection) or too short; else the most common known word one edit away. */
  correct(word: string): string {
    if (word.length < shortestCorrectable || this.frequency.has(word) || /\d/.test(word) || this.knownStems.has(stem(word))) return word;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    if (isEnglishWord(word)) {
      this.corrections.set(word, word);
      return word;
    }
    // Typos rarely hit the first letter, and keeping it halves the false corrections.
    // "transalte" is "translate" with two letters swapped even when the policies only say
    // "translation": stems are compared too, for swaps only (a changed letter often makes another word).
    const candidates = (this.byFirstLetter.get(word[0]!) ?? []).filter((known) => oneEditApart(word, known) || swapApart(stem(word), stem(known)));
    const best = candidates.sort((a, b) => this.frequency.get(b)! - this.frequency.get(a)!)[0] ?? word;
    this.corrections.set(word, best);
    return best;
  }
}

/** Two neighbouring letters swapped, nothing else. */
export function swapApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const differ = [...a].flatMap((letter, i) => (letter === b[i] ? [] : [i]));
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

/** One insertion, deletion, substitution or swap of neighbouring letters ("recieve" → "receive"). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true; // one substitution, insertion or deletion
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}
