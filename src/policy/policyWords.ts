// How questions and policy passages are cut into searchable words: lower case, accents and
// punctuation dropped, hyphenated words split, words that carry no meaning of their own dropped,
// and the rest stemmed so that "reporting", "reports" and "reported" are one word.
import { stemmer } from "stemmer";

/**
 * English function words, contractions, whole ("isn't" → "isnt") or in pieces ("isn"), and the filler
 * of chat questions ("oops", "someone", "stuff"), and everyday adjectives ("new", "next"). None says what a question is about, yet a word
 * the policies never use weighs most in coverage, so each would count against a fair question.
 */
const stopWords = new Set(
  [
    "a an the and or but if of to in on at by for with from as is are was were be been being am do does did doing done",
    "can could may might must shall should will would ought have has had having get gets got getting go goes going gone",
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his she her hers it its itself",
    "they them their theirs themselves this that these those there here what which who whom whose when where why how whether",
    "about into onto than then so not no nor yes any all some such just also too very only own same other each both few more most",
    "up down out over off under above below within across through during among upon again once while until because though although since per via between vs versus",
    "im ive id youre theyre weve isn aren wasn weren don doesn didn hasn haven hadn won wouldn shouldn couldn mustn cant re ve ll",
    "isnt arent wasnt werent dont doesnt didnt hasnt havent hadnt wont wouldnt shouldnt couldnt mustnt many much",
    "someone somebody something anything anyone anybody everyone everybody everything nothing nobody thing things stuff",
    "whats hey hi hello please thanks thank ok okay yeah oops just really actually basically now still ever even maybe perhaps",
    "probably kind sort bit lot lots like want wants wanted wanna gonna need needs needed let lets know think guess wonder wondering one ones",
    "new old good bad big small next last first latest",
  ]
    .join(" ")
    .split(" "),
);

/** Every word of a text, stop words included (phrases such as "on its own" are made of them). */
export function allWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .split(/[\s-]+/)
    .filter((word) => word.length > 0);
}

export function isMeaningful(word: string): boolean {
  return word.length > 1 && !stopWords.has(word);
}

/** The words of a text that say what it is about. */
export function tokenize(text: string): string[] {
  return allWords(text).filter(isMeaningful);
}

/**
 * Stems the stemmer leaves apart though one word is made from the other: people say "decided" where
 * policies say "decision", "notify" for "notification", "keep it" for "retention". The noun's stem
 * is read as the verb's.
 */
const derived = new Map(
  Object.entries({
    decis: "decid",
    permiss: "permit",
    retent: "retain",
    complianc: "compli",
    compliant: "compli",
    notif: "notifi",
    classif: "classifi",
    explan: "explain",
    submiss: "submit",
    verif: "verifi",
    justif: "justifi",
    descript: "describ",
    intervent: "interven",
    conclus: "conclud",
    disclosur: "disclos",
  }),
);

/** Numbers stay as written: stemming "2.4" or "30" would only blur them. */
export const stem = (word: string) => {
  let stemmed = knownStems.get(word);
  if (stemmed === undefined) {
    if (knownStems.size >= stemsKept) knownStems.clear();
    stemmed = /^\d/.test(word) ? word : stemOf(word);
    knownStems.set(word, stemmed);
  }
  return stemmed;
};

const stemOf = (word: string) => {
  const stemmed = stemmer(word);
  return derived.get(stemmed) ?? stemmed;
};

/**
 * Each word's stem, kept: building an index stems every word of every passage several times over
 * (a quarter of the build's time), from a vocabulary of a few thousand words. Bounded, since every
 * question brings words of its own.
 */
const knownStems = new Map<string, string>();
const stemsKept = 50_000;
