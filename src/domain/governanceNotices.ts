// What the governance team is told about new records. A confidential incident's notice carries
// only its reference, severity and where to look: never the description, the system or any name.
import type { IncidentType, RiskTier, Severity } from "../generated/prisma/enums.js";
import { aiSystemKindLabels, incidentTypeLabels, riskTierLabels, severityLabels } from "./labels.js";
import type { AiSystemKind } from "../generated/prisma/enums.js";
import { displayDate } from "./dateDisplay.js";

/** A button a notice carries, and the turn clicking it sends back. */
export interface NoticeButton {
  label: string;
  input:
    | { kind: "incident_action"; reference: string; action: string }
    | { kind: "reminder_action"; item: string; action: string }
    | { kind: "record_action"; reference: string; action: string };
}

export interface Notice {
  kind: string;
  subject: string;
  text: string;
  recordRef: string;
  actions?: NoticeButton[];
}

/** Triage straight from the notice; each button runs in the clicker's own DM, where their role is checked. */
const triageButtons = (reference: string): NoticeButton[] =>
  (
    [
      ["View details", "view"],
      ["Acknowledge", "acknowledge"],
      ["Assign to…", "assign"],
      ["Change severity", "change_severity"],
      ["Mark duplicate", "mark_duplicate"],
      ["Not an AI incident", "decline"],
    ] as const
  ).map(([label, action]) => ({ label, input: { kind: "incident_action", reference, action } }));

export function newSystemNotice(system: {
  reference: string;
  name: string;
  kind: AiSystemKind | null;
  riskTier: RiskTier | null;
  ownerName: string | null;
  /** Who filled in the registration, when known: not always the owner. */
  registeredByName?: string | null;
  status: string;
}): Notice {
  const draft = system.status === "draft";
  return {
    kind: draft ? "shadow_ai_reported" : "system_registered",
    subject: draft ? `Possible unregistered AI reported: ${system.reference}` : `New AI system awaiting review: ${system.reference}`,
    text: draft
      ? `${system.reference} "${system.name}" was reported as an AI tool in use without an inventory entry. It needs an owner to complete it.`
      : `${system.reference} "${system.name}" (${system.kind ? aiSystemKindLabels[system.kind] : "kind not given"}) was registered` +
        `${attribution(system.registeredByName ?? null, system.ownerName)}. Risk tier: ${system.riskTier ? riskTierLabels[system.riskTier] : "not derived"}. It is pending review.`,
    recordRef: system.reference,
    // A draft needs an owner to complete it first; only a system pending review can be decided.
    ...(draft ? { actions: [completeButton(system.reference)] } : { actions: approvalButtons(system.reference) }),
  };
}

/** Approve / Reject on a system pending review; the approval use cases check the clicker's right and the tier rule. */
/** Starts the registration questions for a reported draft, with what is known filled in. */
export const completeButton = (reference: string): NoticeButton => ({ label: "Complete registration", input: { kind: "record_action", reference, action: "complete" } });

export const approvalButtons = (reference: string): NoticeButton[] => [
  { label: "Approve", input: { kind: "record_action", reference, action: "approve" } },
  { label: "Reject", input: { kind: "record_action", reference, action: "reject" } },
];

/** " by Leila Haddad, owner Priya Raman", or " by Priya Raman" when the owner registered it themselves. */
function attribution(registeredByName: string | null, ownerName: string | null): string {
  if (registeredByName && ownerName && registeredByName !== ownerName) return ` by ${registeredByName}, owner ${ownerName}`;
  const name = registeredByName ?? ownerName;
  return name ? ` by ${name}` : "";
}

/** The owner's manager hears of a new low-tier system: they may approve it themselves. */
export function managerApprovalNotice(system: { reference: string; name: string; ownerName: string; registeredByName?: string | null }): Notice {
  return {
    kind: "system_approval_requested",
    subject: `${system.ownerName} owns a new low-tier AI system: ${system.reference}`,
    text: `${system.reference} "${system.name}" was registered${attribution(system.registeredByName ?? null, system.ownerName)} and is pending review. It is low tier, so as their manager you may approve or reject it (the governance team can too). Type "system ${system.reference}" for the details.`,
    recordRef: system.reference,
    actions: approvalButtons(system.reference),
  };
}

/** The owner learns the decision on their system, with the reason when it was rejected. */
export function systemDecisionNotice(system: { reference: string; name: string; status: "approved" | "rejected"; deciderName: string; reason: string | null }): Notice {
  const approved = system.status === "approved";
  return {
    kind: approved ? "system_approved" : "system_rejected",
    subject: approved ? `Your AI system ${system.reference} is approved` : `Your AI system ${system.reference} was rejected`,
    text: approved
      ? `${system.deciderName} approved ${system.reference} "${system.name}". It can be used as registered; reviews and re-attestations follow its risk tier.`
      : `${system.deciderName} rejected ${system.reference} "${system.name}". Reason: ${system.reason ?? "not given"}. Talk to the governance team about what would change the decision.`,
    recordRef: system.reference,
  };
}

/** An impact assessment of a system still pending review: the evidence the approval waits for. */
export function impactAssessedNotice(assessment: { reference: string; systemReference: string; systemName: string; assessorName: string }): Notice {
  return {
    kind: "impact_assessed",
    subject: `Impact assessment ${assessment.reference} of ${assessment.systemReference} (pending review)`,
    text: `${assessment.assessorName} completed the impact assessment ${assessment.reference} of ${assessment.systemReference} "${assessment.systemName}", which is pending review. Type "impact ${assessment.systemReference}" to read it.`,
    recordRef: assessment.reference,
    actions: approvalButtons(assessment.systemReference),
  };
}

export function newIncidentNotice(incident: {
  reference: string;
  severity: Severity;
  type: IncidentType;
  confidential: boolean;
  description: string;
  systemName: string | null;
  possiblyUnregistered: boolean;
  reporterName: string | null;
}): Notice {
  const subject = `New AI incident ${incident.reference}: ${severityLabels[incident.severity]}`;
  if (incident.confidential) {
    return {
      kind: "incident_reported",
      subject,
      text: `${incident.reference} was reported with severity ${severityLabels[incident.severity]}. It is confidential: open it in a direct message with the bot to see the details.`,
      recordRef: incident.reference,
      actions: triageButtons(incident.reference),
    };
  }
  const lines = [
    `${incident.reference}: ${incidentTypeLabels[incident.type]}, ${severityLabels[incident.severity]}.`,
    `System: ${incident.systemName ?? "not named"}${incident.possiblyUnregistered ? " (not in the inventory: possibly unregistered AI)" : ""}.`,
    `Reported by: ${incident.reporterName ?? "anonymous"}.`,
    `What happened: ${incident.description}`,
  ];
  return { kind: "incident_reported", subject, text: lines.join("\n"), recordRef: incident.reference, actions: triageButtons(incident.reference) };
}

/** Everything about an incident, for people allowed to see it (canSeeIncidentDetails). */
export function incidentDetailLines(incident: {
  reference: string;
  severity: Severity;
  type: IncidentType;
  status: string;
  confidential: boolean;
  description: string;
  affectedParties: string | null;
  immediateAction: string | null;
  occurredAt: Date | null;
  systemName: string | null;
  reporterName: string | null;
}): string[] {
  return [
    `${incident.reference}${incident.confidential ? " (confidential)" : ""}: ${incidentTypeLabels[incident.type]}, ${severityLabels[incident.severity]}, ${incident.status}.`,
    `System: ${incident.systemName ?? "not named"}.`,
    `Reported by: ${incident.reporterName ?? "anonymous"}.`,
    `When: ${incident.occurredAt ? displayDate(incident.occurredAt) : "not given"}.`,
    `Who was affected: ${incident.affectedParties ?? "not given"}.`,
    `Action taken: ${incident.immediateAction ?? "none yet"}.`,
    `What happened: ${incident.description}`,
  ];
}
