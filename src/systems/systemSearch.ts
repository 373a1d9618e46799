// Finds AI systems by what people call them: the reference, the name or an alias when the typed
// words are part of one (a sure match), else the words of the name, aliases, vendor, purpose and
// intended use, stemmed and forgiving of small misspellings ("CV screener" → "…Candidate Screening",
// whose purpose speaks of screening applicants). Such matches are only likely: the caller asks
// the person to confirm them.
import MiniSearch from "minisearch";
import { allWords, isMeaningful, stem } from "../policy/policyWords.js";

export interface SearchableSystem {
  id: string;
  reference: string;
  name: string;
  aliases: string[];
  vendor: string | null;
  purpose: string | null;
  intendedUse: string | null;
}

export interface FoundSystems<T> {
  systems: T[];
  /** True when no name, alias or reference contains the words: the person should confirm. */
  likelyOnly: boolean;
}

const fields = ["name", "aliases", "vendor", "purpose", "intendedUse"] as const;
/** A likely match scores at least this share of the best one, so one strong match is not drowned by weak ones. */
const closeToBest = 0.5;

export function findSystemsByWhatPeopleCall<T extends SearchableSystem>(text: string, systems: T[], limit = 10): FoundSystems<T> {
  const wanted = text.trim().toLowerCase();
  if (wanted.length < 2) return { systems: [], likelyOnly: false };
  const sure = systems.filter(
    (system) => system.reference.toLowerCase() === wanted || system.name.toLowerCase().includes(wanted) || system.aliases.some((alias) => alias.toLowerCase().includes(wanted) || isWholePhraseIn(alias, wanted)),
  );
  const exact = sure.filter((system) => system.name.toLowerCase() === wanted || system.reference.toLowerCase() === wanted || system.aliases.some((alias) => alias.toLowerCase() === wanted));
  if (exact.length > 0) return { systems: exact.slice(0, limit), likelyOnly: false };
  // A short fragment of one name ("nora" of "Nora Customer Assistant") is confirmed, not taken silently.
  if (sure.length === 1 && !wanted.includes(" ") && wanted.length * 2 < sure[0]!.name.length) return { systems: sure, likelyOnly: true };
  if (sure.length > 0) return { systems: sure.slice(0, limit), likelyOnly: false };
  return { systems: likelyMatches(wanted, systems).slice(0, limit), likelyOnly: true };
}

/** "the cv screener tool" names the alias "CV screener". */
const isWholePhraseIn = (alias: string, wanted: string) => alias.length >= 3 && ` ${wanted} `.includes(` ${alias.toLowerCase()} `);

function likelyMatches<T extends SearchableSystem>(wanted: string, systems: T[]): T[] {
  const index = new MiniSearch<SearchableSystem>({
    fields: [...fields],
    storeFields: [],
    extractField: (system, field) => (field === "aliases" ? system.aliases.join(" ") : String((system as unknown as Record<string, unknown>)[field] ?? "")),
    tokenize: (words) => allWords(words),
    processTerm: (word) => (isMeaningful(word) ? stem(word) : null),
  });
  index.addAll(systems);
  const results = index.search(wanted, {
    boost: { name: 3, aliases: 3, vendor: 2 },
    // Forgiving only of longer words: short ones ("hr", "cv") would match half the inventory.
    fuzzy: (term) => (term.length >= 5 ? 0.25 : false),
    prefix: (term) => term.length >= 4,
    combineWith: "OR",
  });
  // At least half the words must be found: one shared everyday word ("online") is no reason to suggest a system.
  const wordCount = new Set(allWords(wanted).filter(isMeaningful).map(stem)).size;
  const covering = results.filter((result) => new Set(result.queryTerms).size * 2 >= wordCount);
  const best = covering[0]?.score ?? 0;
  const byId = new Map(systems.map((system) => [system.id, system]));
  return covering.filter((result) => result.score >= best * closeToBest).map((result) => byId.get(result.id as string)!);
}
