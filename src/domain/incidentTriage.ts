// Incident rules shared by every surface: what each severity means, and which reports
// are confidential unless the reporter says otherwise (ISO/IEC 42001 A.8.4).
import type { IncidentType, Severity } from "../generated/prisma/enums.js";

export const severityDefinitions: Record<Severity, string> = {
  sev1: "Serious harm to people, a legal breach or large-scale exposure: act now.",
  sev2: "Significant harm or many people affected: act today.",
  sev3: "Limited, contained harm: act this week.",
  sev4: "Minor or no harm: a near miss or a quality issue.",
};

/** How soon governance triages, in the reporter's words. */
export const triageExpectation: Record<Severity, string> = {
  sev1: "within the hour",
  sev2: "within one working day",
  sev3: "within one working day",
  sev4: "within one working day",
};

const confidentialTypes: IncidentType[] = ["privacy", "bias"];
const peopleMatters = /\b(hr|human resources|employee|staff|candidate|applicant|salary|salaries|payroll|disciplinary|recruit\w*|hiring|health|medical)\b/i;

/** Privacy, bias and HR-related reports are confidential by default: they tend to name people. */
export function confidentialByDefault(type: IncidentType | undefined, description: string | undefined): boolean {
  return (type !== undefined && confidentialTypes.includes(type)) || peopleMatters.test(description ?? "");
}
