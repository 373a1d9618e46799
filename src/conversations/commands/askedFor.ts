// How a command is named inside a sentence ("could you show me all the AI systems I own?", "what's
// the status of INC-0031?"). A command's `matches` reads the whole typed text as that command; these
// names are found inside a longer request, and only once the sentence asks to see, get or produce
// something (understanding/commandRequests.ts decides that).

/** A name for what a command shows, as people say it in a sentence, and the command text that shows it. */
export interface AskedFor {
  /** Finds the name in the sentence (lower case, no punctuation but ' -). */
  names: RegExp;
  /** The command as typed ("soa", "incident INC-0031"); for a record, built from its reference. */
  text: (match: RegExpExecArray) => string;
  /**
   * When a sentence names what several commands show, the lowest is taken; unique across commands.
   * 10–49: a record named by its reference ("the status of INC-0031" is that incident, not the
   * incident list); 50: the list of commands; 60–109: a named report; 110–199: a kind of record,
   * the narrower first ("corrective actions for the nonconformities" are the nonconformities), the
   * broad "incidents" and "systems" last.
   */
  precedence: number;
}

/** Asked for by these words, as this fixed command text. */
export const askedAs = (names: RegExp, text: string, precedence: number): AskedFor => ({ names, text: () => text, precedence });

/** A record asked for by its reference ("inc-31", "AIS 3"), typed as `command` with the reference padded ("INC-0031"). */
export function askedByReference(prefix: string, command: (reference: string) => string, precedence: number): AskedFor {
  return {
    names: new RegExp(String.raw`\b${prefix.toLowerCase()}[-\s]?(\d{1,6})\b`),
    text: (match) => command(`${prefix}-${match[1]!.padStart(4, "0")}`),
    precedence,
  };
}
