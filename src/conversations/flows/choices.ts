// Choice lists built from the shared labels, so every flow offers the same wording.
import type { Choice } from "../messages.js";

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
