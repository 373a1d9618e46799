// Turns what a person typed or clicked into a step's value. Each input kind accepts the ways
// people actually answer (a number from the list, part of a label, "yesterday", "me").
import { defaultDateSettings, pointsTheRightWay, readDate, type DateSettings } from "./dateAnswers.js";
import type { StepDefinition } from "./flowDefinition.js";
import type { Choice, Speaker } from "./messages.js";

export type { Lookups, PersonMatch, SystemMatch } from "./lookups.js";
import type { Lookups, PersonMatch, SystemMatch } from "./lookups.js";

export interface SystemAnswer {
  systemId: string | null;
  reference: string | null;
  name: string;
}
export interface PersonAnswer {
  personId: string;
  displayName: string;
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; message: string; choices?: Choice[] };

export interface ParseContext {
  lookups: Lookups;
  speaker: Speaker;
  now: Date;
  /** How the organisation writes dates, and the time zone its days are counted in (default en-GB, UTC). */
  dates?: DateSettings;
}

export type RawAnswer = { text: string } | { value: string | string[] };

export async function parseStepInput(step: StepDefinition, raw: RawAnswer, context: ParseContext): Promise<ParseResult> {
  // A clicked value and a typed answer go through the same matching, so both are validated alike.
  const single = "text" in raw ? raw.text.trim() : toArray(raw.value).join(",");
  switch (step.input) {
    case "text":
      return { ok: true, value: single };
    case "single_choice":
      return parseSingleChoice(step.choices ?? [], single);
    case "multi_choice":
      return parseMultiChoice(step.choices ?? [], "text" in raw ? splitList(single) : toArray(raw.value));
    case "yes_no":
      return parseYesNo(single);
    case "date":
      return parseDate(single, step, context);
    case "person":
      return parsePerson(single, context);
    case "ai_system":
      return parseSystem(single, context.lookups);
  }
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");
/** Multiple-choice values are ids without commas, so a string of them ("a,b", as card inputs send) splits safely. */
const toArray = (value: string | string[]) => (Array.isArray(value) ? value : value.split(",").map((item) => item.trim()).filter(Boolean));

function splitList(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\n|\band\b|&)\s*/i)
    .map((item) => item.trim())
    .filter(Boolean);
}

export function parseSingleChoice(choices: Choice[], answer: string): ParseResult {
  const match = matchChoice(choices, answer);
  if (match) return { ok: true, value: match.value };
  return {
    ok: false,
    message: `"${answer}" is not one of the options. Pick one, or type its number or name.`,
    choices,
  };
}

function matchChoice(choices: Choice[], answer: string): Choice | undefined {
  const wanted = normalise(answer);
  if (/^\d+$/.test(wanted)) return choices[Number(wanted) - 1];
  const exact = choices.find((choice) => normalise(choice.value) === wanted || normalise(choice.label) === wanted);
  if (exact) return exact;
  const partial = choices.filter((choice) => normalise(choice.label).includes(wanted));
  return wanted.length >= 3 && partial.length === 1 ? partial[0] : undefined;
}

function parseMultiChoice(choices: Choice[], answers: string[]): ParseResult {
  if (answers.length === 1 && /^(none|nothing|n\/a)$/i.test(answers[0]!)) return { ok: true, value: [] };
  const values: string[] = [];
  const unknown: string[] = [];
  for (const answer of answers) {
    const match = matchChoice(choices, answer);
    if (match) values.includes(match.value) || values.push(match.value);
    else unknown.push(answer);
  }
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `I didn't recognise ${unknown.map((item) => `"${item}"`).join(", ")}. Pick from the list (several are fine, separated by commas).`,
      choices,
    };
  }
  return { ok: true, value: values };
}

function parseYesNo(answer: string): ParseResult {
  const word = normalise(answer);
  if (/^(y|yes|yeah|yep|true|sure|ok|okay|correct)$/.test(word)) return { ok: true, value: true };
  if (/^(n|no|nope|false|not really)$/.test(word)) return { ok: true, value: false };
  return {
    ok: false,
    message: "Please answer yes or no.",
    choices: [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ],
  };
}

function parseDate(answer: string, step: StepDefinition, context: ParseContext): ParseResult {
  const settings = context.dates ?? defaultDateSettings;
  const direction = step.dates?.only;
  const reading = readDate(answer, context.now, settings, direction);
  if (!reading.ok) return reading;
  if (!pointsTheRightWay(reading, context.now, settings, direction)) return { ok: false, message: step.dates!.message };
  return { ok: true, value: reading.value };
}

async function parsePerson(answer: string, context: ParseContext): Promise<ParseResult> {
  if (/^(me|myself|i|mine)$/i.test(answer.trim())) {
    return { ok: true, value: { personId: context.speaker.personId, displayName: context.speaker.displayName } satisfies PersonAnswer };
  }
  if (answer.startsWith("person:")) {
    const person = await context.lookups.personById(answer.slice("person:".length));
    if (person) return { ok: true, value: { personId: person.id, displayName: person.displayName } satisfies PersonAnswer };
  }
  const matches = await context.lookups.findPeople(answer);
  if (matches.length === 1 && namesExactly(matches[0]!, answer)) {
    return { ok: true, value: { personId: matches[0]!.id, displayName: matches[0]!.displayName } satisfies PersonAnswer };
  }
  if (matches.length > 0) {
    return {
      ok: false,
      // Part of a name ("nor" of "Eleanor") is confirmed rather than taken as someone who may not be meant.
      message: matches.length === 1 ? `Do you mean ${matches[0]!.displayName}?` : `Several people match "${answer}". Which one?`,
      choices: matches.slice(0, 10).map((person) => ({ value: `person:${person.id}`, label: person.displayName, description: person.email ?? "" })),
    };
  }
  return { ok: false, message: `I couldn't find "${answer}" in the directory. Type "me", or a name or email address.` };
}

/** The whole name, the e-mail address, or one whole word of the name (a first or last name). */
function namesExactly(person: PersonMatch, answer: string): boolean {
  const wanted = normalise(answer);
  return normalise(person.displayName) === wanted || person.email?.toLowerCase() === wanted || normalise(person.displayName).split(" ").includes(wanted);
}

/** "not listed", "it's not in the inventory": what the help says to choose, typed before any name is. */
const saysNotListed = /^(?:it'?s |it is )?(?:not listed|unlisted|not (?:in|on) (?:the|our) (?:list|inventory|register)|none of (?:these|them))[.!]?$/i;

async function parseSystem(answer: string, lookups: Lookups): Promise<ParseResult> {
  if (answer.startsWith("system:")) {
    const system = await lookups.systemById(answer.slice("system:".length));
    if (system) return { ok: true, value: systemAnswer(system) };
  }
  if (answer.startsWith("unlisted:")) {
    const name = answer.slice("unlisted:".length).trim();
    if (name) return { ok: true, value: { systemId: null, reference: null, name } satisfies SystemAnswer };
  }
  // Which system is not listed is still worth knowing: governance may find it is used elsewhere too.
  if (saysNotListed.test(answer.trim())) return { ok: false, message: `Type the AI system's name as people call it (or the supplier's product), then choose "… is not listed" if I can't find it.` };
  const matches = await lookups.findSystems(answer);
  if (matches.length === 1 && !matches[0]!.likely) return { ok: true, value: systemAnswer(matches[0]!) };
  const notListed: Choice = { value: `unlisted:${answer}`, label: `"${answer}" is not listed`, description: "Report it anyway; governance will check whether it should be registered" };
  if (matches.length > 0) {
    // Found by description or a near spelling: the person confirms rather than the guess being taken.
    const message = !matches[0]!.likely ? `Several AI systems match "${answer}". Which one?` : matches.length === 1 ? `No AI system is called "${answer}". Did you mean this one?` : `No AI system is called "${answer}". Did you mean one of these?`;
    return {
      ok: false,
      message,
      choices: [...matches.slice(0, 9).map((system) => ({ value: `system:${system.id}`, label: system.name, description: system.reference })), notListed],
    };
  }
  return { ok: false, message: `I couldn't find "${answer}" in the AI system inventory. Try another name, or report it as not listed.`, choices: [notListed] };
}

function systemAnswer(system: SystemMatch): SystemAnswer {
  return { systemId: system.id, reference: system.reference, name: system.name };
}
