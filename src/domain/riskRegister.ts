// The words of the AI risk register (ISO/IEC 42001 6.1.2): which way a risk runs, the categories
// for each direction, the treatments and the statuses. Chat, notices and exports all say these.
import type { RiskCategory, RiskDirection, RiskStatus, RiskTreatment } from "../generated/prisma/enums.js";

export const riskDirectionLabels: Record<RiskDirection, string> = {
  from_system: "From the system (harm it could cause)",
  to_system: "To the system (threats to it)",
};

/** Risks an AI system poses to people and the organisation. */
export const risksFromSystem = {
  biased_outputs: "Biased or unfair outputs",
  unsafe_decisions: "Wrong decisions affecting safety",
  privacy_violation: "Privacy violations",
  lack_of_transparency: "Lack of transparency",
  unintended_consequences: "Unintended consequences",
  other: "Other",
} satisfies Partial<Record<RiskCategory, string>>;

/** Risks to the AI system itself, which then fails the people relying on it. */
export const risksToSystem = {
  data_poisoning_or_attack: "Data poisoning or adversarial attack",
  model_drift: "Drift (data or model)",
  third_party_supply_chain: "Third-party supply chain",
  single_point_of_failure: "Single point of failure",
  loss_of_knowledge: "Loss of knowledge (key people leave)",
  other: "Other",
} satisfies Partial<Record<RiskCategory, string>>;

export const riskCategoryLabels: Record<RiskCategory, string> = { ...risksFromSystem, ...risksToSystem };

export const riskTreatmentLabels: Record<RiskTreatment, string> = {
  mitigate: "Mitigate",
  transfer: "Transfer",
  avoid: "Avoid",
  accept: "Accept",
};
export const riskTreatmentDescriptions: Record<RiskTreatment, string> = {
  mitigate: "Reduce the likelihood or the impact with controls",
  transfer: "Share it with another party (insurance, a contract with the supplier)",
  avoid: "Stop or change the activity so the risk no longer arises",
  accept: "Keep it as it is; the governance team must approve accepting it",
};

export const riskStatusLabels: Record<RiskStatus, string> = {
  open: "Open (treatment in force)",
  acceptance_pending: "Acceptance awaiting governance approval",
  acceptance_rejected: "Acceptance rejected: needs another treatment",
  closed: "Closed",
};

const referencePattern = /^rsk[-\s]?(\d{1,6})$/i;

/** "rsk-7", "RSK 0007" → "RSK-0007"; null when it is not a risk reference. */
export function parseRiskReference(text: string): string | null {
  const match = referencePattern.exec(text.trim());
  return match ? `RSK-${match[1]!.padStart(4, "0")}` : null;
}
