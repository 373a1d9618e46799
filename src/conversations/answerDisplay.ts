// How a stored answer reads back to a person (review summary, "current answer").
import type { StepDefinition } from "./flowDefinition.js";
import type { PersonAnswer, SystemAnswer } from "./stepInput.js";
import { displayDateTime } from "../domain/dateDisplay.js";

/** `locale`: the engine's own (AIMS_LOCALE), when it was given one. */
export function describeAnswer(step: StepDefinition, value: unknown, locale?: string): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0 && step.input !== "multi_choice")) return "—";
  if (step.display) return step.display(value);
  switch (step.input) {
    case "single_choice":
      return labelOf(step, String(value));
    case "multi_choice":
      return (value as string[]).length === 0 ? "None" : (value as string[]).map((item) => labelOf(step, item)).join(", ");
    case "yes_no":
      return value ? "Yes" : "No";
    case "date":
      return formatDate(String(value), locale);
    case "person":
      return (value as PersonAnswer).displayName;
    case "ai_system": {
      const system = value as SystemAnswer;
      return system.reference ? `${system.name} (${system.reference})` : `${system.name} (not in the inventory)`;
    }
    case "text":
      return String(value);
  }
}

function labelOf(step: StepDefinition, value: string): string {
  return step.choices?.find((choice) => choice.value === value)?.label ?? value;
}

/** "3 April 2026", or "3 April 2026 at 14:05 BST" when a time was given, in the organisation's locale. */
export const formatDate = (iso: string, locale?: string): string => displayDateTime(iso, locale);
