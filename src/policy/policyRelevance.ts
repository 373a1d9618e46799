// Whether the best passages answer the question, judged by what they share with it rather than by
// the words they lack: people ask in their own words, so a question is declined only when nothing
// specific to the policies matches (it is about something else), answered with one section when
// that section clearly stands out, and otherwise answered with the closest sections, saying so.
import type { PolicyHit } from "./policyIndex.js";

export type PolicyConfidence = "confident" | "uncertain" | "off-topic";

/**
 * Measured on the tuning corpora (npm run eval:qa). A question that names AI or a tool the policies
 * name is about the policies when its best passage shares anything specific with it
 * (`anchoredWeight`, IDF-weighted). Any other question must share a specific heading word with its
 * best passage ("how long does an exception last" → "Exceptions"), the policies must use most of its
 * words (`minimumKnown`), and it must share more than a word or two in passing (`unanchoredWeight`).
 */
export const relevance = {
  anchoredWeight: 0.3,
  unanchoredWeight: 0.5,
  minimumKnown: 0.5,
  /** The best passage is "confident" when the next one scores at most this share of it… */
  confidentMargin: 0.8,
  /** …and it shares at least this many concepts with the question. */
  confidentMatches: 2,
};

export function judge(hits: PolicyHit[]): PolicyConfidence {
  const [top, second] = hits;
  if (!top || !isAbout(top)) return "off-topic";
  const standsOut = !second || second.score <= top.score * relevance.confidentMargin;
  return standsOut && top.match.matched >= relevance.confidentMatches ? "confident" : "uncertain";
}

function isAbout({ match }: PolicyHit): boolean {
  if (match.anchored) return match.weight >= relevance.anchoredWeight;
  return match.inHeading >= 1 && match.known >= relevance.minimumKnown && match.weight >= relevance.unanchoredWeight;
}
