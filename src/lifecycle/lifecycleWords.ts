// The words people use for life-cycle records in chat ("add test results AIS-4", "add logging AIS-0004"),
// shared by the command (routing and help) and the use cases that read the arguments.
import type { LifecycleRecordKind } from "../generated/prisma/enums.js";

export const lifecycleRecordFlowId = (kind: LifecycleRecordKind) => `lifecycle_${kind}`;

/** What a monitoring plan can watch. */
export const watchLabels = {
  performance: "Performance",
  bias: "Bias and fairness",
  drift: "Data or model drift",
  data_quality: "Input data quality",
  errors: "Errors and incidents",
  misuse: "Misuse or use outside its purpose",
  human_oversight: "Human overrides",
} as const;

const kindWords: [LifecycleRecordKind, string][] = [
  ["requirements", "requirements( and specification)?|requirement|specification|spec"],
  ["design_decision", "design( decisions?)?"],
  ["verification", "verification( and validation)?( results?)?|validation( results?)?|v&v|test results?|evaluation( results?)?"],
  ["deployment_plan", "deployment( plan)?|release plan|rollout plan"],
  ["monitoring_plan", "monitoring( plan)?"],
  ["technical_documentation", "technical documentation|tech(nical)? docs|model card"],
  ["event_logging", "event[- ]logging|event logs?|logging( record)?"],
];

export const kindPattern = kindWords.map(([, words]) => `(?:${words})`).join("|");

/** The kind named in "add <words>", or null. */
export function kindNamed(words: string): LifecycleRecordKind | null {
  return kindWords.find(([, pattern]) => new RegExp(`^(?:${pattern})$`).test(words))?.[0] ?? null;
}
