// People write the short form ("do I need a DPIA?", "can I put PII in it?") where the policies spell
// the term out ("a data protection impact assessment", "personally identifiable information"), and
// the other way round is rarer. Full-text search cannot join the two, so the short forms are learned
// from the policies themselves: every run of two to five consecutive capitalised words in one
// sentence, a name such as "Loss Prevention", "Data Protection Officer" or "Information Governance
// Team", gives its initials, and a question's word the policies never use that equals such initials is read as that
// phrase ("dpo"). No list of acronyms: only what the organisation's own text says. Runs of ordinary
// lower-case words are left out: their initials are mostly chance ("minor case usually leads" →
// "mcul") and would turn an everyday word the policies do not use into a phrase they do.
import { allWords, isMeaningful, stem } from "./policyWords.js";

const shortest = 2;
const longest = 5;

/**
 * Initials (as stemmed) → the stems of the phrase they stand for, from the policies' sentences.
 * `known` holds every stem the policies use: initials that are a policy word already are left out,
 * since the question's word then matches as it is.
 */
export function learnAcronyms(sentences: Iterable<string>, known: ReadonlySet<string>): Map<string, string[]> {
  const acronyms = new Map<string, string[]>();
  const ambiguous = new Set<string>();
  for (const sentence of sentences) {
    const words = allWords(sentence);
    const capitalised = new Set(allWords((sentence.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]*/gu) ?? []).join(" ")));
    for (let start = 0; start < words.length; start++) {
      for (let length = shortest; length <= longest && start + length <= words.length; length++) {
        const phrase = words.slice(start, start + length);
        // Initials of a run of meaningful words only: "impact of the assessment" is no term.
        if (!phrase.every((word) => isMeaningful(word) && /^\p{L}/u.test(word))) break;
        const initials = phrase.map((word) => word[0]).join("");
        if (!phrase.every((word) => capitalised.has(word))) continue;
        if (known.has(initials) || known.has(stem(initials)) || ambiguous.has(initials)) continue;
        const stems = phrase.map(stem);
        const seen = acronyms.get(initials);
        if (seen && seen.join(" ") !== stems.join(" ")) {
          // Two phrases with the same initials: guessing between them would mislead.
          acronyms.delete(initials);
          ambiguous.add(initials);
        } else acronyms.set(initials, stems);
      }
    }
  }
  return acronyms;
}

/**
 * The short forms the policies use themselves, found where they spell them out before them ("Data
 * Protection Impact Assessment (DPIA)", "AI Governance Office (AIGO)"): their own terms, which a
 * question may name ("what is a DPIA?").
 * `learnAcronyms` leaves these out, since the question's word then matches as it is.
 * The initials are read from the capitalised words just before the short form, small words skipped, a
 * word in capitals whole ("AI").
 */
export function spelledOutShortForms(texts: Iterable<string>): Set<string> {
  const shortForms = new Set<string>();
  for (const text of texts) {
    for (const [, before, short] of text.matchAll(/((?:[\p{L}-]+\s+){1,8})\(\s*(\p{Lu}{2,8})s?\s*\)/gu)) {
      const initials = before!
        .trim()
        .split(/\s+/)
        .filter((word) => /^\p{Lu}/u.test(word))
        .map((word) => (/^\p{Lu}+$/u.test(word) ? word : word[0]))
        .join("");
      if (initials.endsWith(short!)) shortForms.add(short!.toLowerCase());
    }
  }
  return shortForms;
}
