// What the governance team and the owner are told when a material change reopens a system's approval.
import type { Evidence } from "./approvalRules.js";
import { approvalButtons, type Notice } from "./governanceNotices.js";
import { affectedPartyLabels, autonomyLevelLabels, dataCategoryLabels, regulatedDomainLabels, riskTierLabels } from "./labels.js";
import { materialFieldLabels, type FieldChange, type MaterialField } from "./materialChange.js";

const valueLabels: Partial<Record<MaterialField, Record<string, string>>> = {
  dataCategories: dataCategoryLabels,
  affectedParties: affectedPartyLabels,
  autonomyLevel: autonomyLevelLabels,
  regulatedDomain: regulatedDomainLabels,
  riskTier: riskTierLabels,
};

/** A field's value in words: labels for codes, "none" for nothing, quoted free text shortened. */
export function changeValueText(field: MaterialField, value: string | string[] | null): string {
  const labels = valueLabels[field];
  if (value === null || (Array.isArray(value) && value.length === 0)) return "none";
  if (Array.isArray(value)) return value.map((item) => labels?.[item] ?? item).join(", ");
  if (labels) return labels[value] ?? value;
  return `"${value.length > 80 ? `${value.slice(0, 77)}…` : value}"`;
}

/** "autonomy: Advises a human → Fully automated", one per changed field. */
export function changeLines(details: Partial<Record<MaterialField, FieldChange>>): string[] {
  return (Object.entries(details) as [MaterialField, FieldChange][]).map(
    ([field, change]) => `${materialFieldLabels[field]}: ${changeValueText(field, change.from)} → ${changeValueText(field, change.to)}`,
  );
}

export const assessmentWords = (asked: readonly string[], reference: string) =>
  asked.map((evidence) => (evidence === ("risk_assessment" satisfies Evidence) ? `a new risk assessment (assess risk ${reference})` : `a new impact assessment (assess impact ${reference})`));

export function reapprovalNotice(change: { reference: string; systemReference: string; systemName: string; requestedBy: string; lines: string[]; assessmentsAsked: string[] }): Notice {
  const asked = assessmentWords(change.assessmentsAsked, change.systemReference);
  return {
    kind: "system_change_reapproval",
    subject: `${change.systemReference} changed materially: approval reopened (${change.reference})`,
    text:
      `${change.requestedBy} changed ${change.systemReference} "${change.systemName}" (${change.reference}):\n${change.lines.map((line) => `• ${line}`).join("\n")}\n` +
      `Its earlier approval no longer covers it: it is pending review again.${asked.length > 0 ? ` It needs ${asked.join(" and ")}.` : ""}`,
    recordRef: change.systemReference,
    actions: approvalButtons(change.systemReference),
  };
}

export function ownerReassessmentNotice(change: { reference: string; systemReference: string; systemName: string; assessmentsAsked: string[] }): Notice {
  const asked = assessmentWords(change.assessmentsAsked, change.systemReference);
  return {
    kind: "system_change_reassessment",
    subject: `${change.systemReference} needs new assessments after ${change.reference}`,
    text: `The change ${change.reference} to ${change.systemReference} "${change.systemName}" makes its earlier assessments out of date. Please record ${asked.join(" and ")}, so that the governance team can approve it again.`,
    recordRef: change.systemReference,
  };
}
