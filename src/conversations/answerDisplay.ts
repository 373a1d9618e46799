// How a stored answer reads back to a person (review summary, "current answer").
import type { StepDefinition } from "./flowDefinition.js";
import type { PersonAnswer, SystemAnswer } from "./stepInput.js";

export function describeAnswer(step: StepDefinition, value: unknown): string {
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
      return formatDate(String(value));
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

export function formatDate(iso: string): string {
  const date = new Date(iso);
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0;
  return date.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(hasTime ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" } : {}),
    timeZone: "UTC",
  });
}
