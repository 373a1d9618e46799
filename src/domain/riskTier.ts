// Derives an AI system's risk tier from its inventory answers. The rules are the organisation's
// first-pass triage (ISO/IEC 42001 6.1.2 asks for a defined risk assessment process; a full
// assessment per system follows). Every rule that fires gives its reason, and the highest tier wins.
import type { AffectedParty, AutonomyLevel, DataCategory, RegulatedDomain, RiskTier } from "../generated/prisma/enums.js";
import { regulatedDomainLabels } from "./labels.js";

export interface RiskTierInput {
  autonomyLevel?: AutonomyLevel | null;
  regulatedDomain?: RegulatedDomain | null;
  affectedParties: AffectedParty[];
  dataCategories: DataCategory[];
}

export interface RiskTierResult {
  tier: RiskTier;
  reasons: string[];
}

interface Rule {
  tier: RiskTier;
  applies(input: RiskTierInput): boolean;
  reason(input: RiskTierInput): string;
}

const sensitiveData: DataCategory[] = ["special_category", "biometric", "children"];
const personalData: DataCategory[] = ["personal", ...sensitiveData];
const inRegulatedDomain = (input: RiskTierInput) => !!input.regulatedDomain && input.regulatedDomain !== "none";
const affectsPeople = (input: RiskTierInput) => input.affectedParties.length > 0;
/** "employment and HR": the label in running text, keeping acronyms in capitals. */
const domainName = (input: RiskTierInput) =>
  regulatedDomainLabels[input.regulatedDomain ?? "none"].split(" ").map((word) => (/^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase())).join(" ");
const littleHumanControl = (input: RiskTierInput) =>
  input.autonomyLevel === "fully_automated" || input.autonomyLevel === "human_can_override";

/** Ordered for reading; the result does not depend on the order. */
export const riskTierRules: Rule[] = [
  {
    tier: "high",
    applies: (input) => input.autonomyLevel === "fully_automated" && inRegulatedDomain(input) && affectsPeople(input),
    reason: (input) => `It makes fully automated decisions affecting people in a regulated domain (${domainName(input)}).`,
  },
  {
    tier: "high",
    applies: (input) => input.dataCategories.some((category) => sensitiveData.includes(category)) && littleHumanControl(input),
    reason: () => "It processes special-category, biometric or children's data without a human approving each decision.",
  },
  {
    tier: "medium",
    applies: inRegulatedDomain,
    reason: (input) => `It is used in a regulated domain (${domainName(input)}).`,
  },
  {
    tier: "medium",
    applies: (input) => input.dataCategories.some((category) => personalData.includes(category)),
    reason: () => "It processes personal data.",
  },
  {
    tier: "medium",
    applies: (input) => input.affectedParties.includes("customers") || input.affectedParties.includes("public"),
    reason: () => "Its outputs affect customers or the public.",
  },
  {
    tier: "medium",
    applies: (input) => input.autonomyLevel === "fully_automated",
    reason: () => "It acts without a human in the loop.",
  },
];

const rank: Record<RiskTier, number> = { low: 0, medium: 1, high: 2 };

export function deriveRiskTier(input: RiskTierInput): RiskTierResult {
  const fired = riskTierRules.filter((rule) => rule.applies(input));
  if (fired.length === 0) {
    return { tier: "low", reasons: ["No personal data, no regulated domain, and a human stays in control."] };
  }
  const tier = fired.reduce<RiskTier>((highest, rule) => (rank[rule.tier] > rank[highest] ? rule.tier : highest), "low");
  return { tier, reasons: fired.map((rule) => rule.reason(input)) };
}
