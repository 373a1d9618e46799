// Building blocks shared by the flows: choice lists from the shared labels, so every flow offers
// the same wording, and the free-text rule with its friendly messages.
import { z } from "zod";
import type { Choice } from "../messages.js";

/** A required free-text answer: at least two characters, at most `max`, with messages naming what is asked. */
export const requiredText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(2, `Please give the ${what} (at least a couple of characters).`)
    .max(max, `That is longer than ${max} characters; please shorten the ${what}.`);

export function choicesFrom<T extends string>(labels: Record<T, string>, descriptions: Partial<Record<T, string>> = {}): Choice[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({
    value,
    label,
    ...(descriptions[value] ? { description: descriptions[value] } : {}),
  }));
}

export const yesNoChoices: Choice[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
