// Human wording for every stored code. One place, so chat, exports and digests say the same thing.
import type {
  AffectedParty,
  AiSystemKind,
  AiSystemStatus,
  AutonomyLevel,
  Channel,
  CorrectiveActionStatus,
  DataCategory,
  IncidentStatus,
  IncidentType,
  LifecycleStage,
  RegulatedDomain,
  ReviewKind,
  RiskTier,
  Role,
  ScheduledReviewStatus,
  Severity,
  TreatmentActionStatus,
} from "../generated/prisma/enums.js";

export const aiSystemKindLabels: Record<AiSystemKind, string> = {
  internal_model: "In-house model",
  third_party_service: "Third-party AI service",
  embedded_in_purchased_software: "AI embedded in purchased software",
  component_in_own_product: "AI component of our product",
};

export const dataCategoryLabels: Record<DataCategory, string> = {
  personal: "Personal data",
  special_category: "Special-category data",
  biometric: "Biometric data",
  children: "Children's data",
  confidential_business: "Confidential business data",
  public_only: "Public data only",
};

export const affectedPartyLabels: Record<AffectedParty, string> = {
  employees: "Employees",
  customers: "Customers",
  third_parties: "Third parties",
  public: "The public",
};

export const autonomyLevelLabels: Record<AutonomyLevel, string> = {
  advises_human: "Advises a human",
  human_approves_each_decision: "A human approves each decision",
  human_can_override: "A human can override",
  fully_automated: "Fully automated",
};

export const regulatedDomainLabels: Record<RegulatedDomain, string> = {
  employment_hr: "Employment and HR",
  credit_insurance: "Credit and insurance",
  health: "Health",
  education: "Education",
  critical_infrastructure_safety: "Critical infrastructure or safety",
  law_enforcement_public_services: "Law enforcement or public services",
  none: "None",
};

export const lifecycleStageLabels: Record<LifecycleStage, string> = {
  proposed: "Proposed",
  in_development: "In development",
  pilot: "Pilot",
  in_production: "In production",
  retired: "Retired",
};

export const riskTierLabels: Record<RiskTier, string> = { low: "Low", medium: "Medium", high: "High" };

export const aiSystemStatusLabels: Record<AiSystemStatus, string> = {
  draft: "Draft (to be completed by an owner)",
  pending_review: "Pending review",
  approved: "Approved",
  rejected: "Rejected",
  retired: "Retired",
};

export const incidentTypeLabels: Record<IncidentType, string> = {
  bias: "Biased or discriminatory output",
  inaccurate_output: "Inaccurate or harmful output",
  privacy: "Privacy or data leak",
  safety: "Safety",
  security: "Security or adversarial attack",
  drift: "Drift or performance degradation",
  transparency: "Lack of transparency",
  misuse: "Misuse",
  other: "Other",
};

export const severityLabels: Record<Severity, string> = {
  sev1: "SEV1 (critical)",
  sev2: "SEV2 (major)",
  sev3: "SEV3 (moderate)",
  sev4: "SEV4 (minor)",
};

export const incidentStatusLabels: Record<IncidentStatus, string> = {
  reported: "Reported",
  triaged: "Triaged",
  investigating: "Investigating",
  contained: "Contained",
  resolved: "Resolved",
  closed: "Closed",
  declined: "Declined (not an AI incident)",
  duplicate: "Duplicate",
};

export const roleLabels: Record<Role, string> = {
  member: "Member",
  owner: "AI system owner",
  governance: "Governance team",
  manager: "Manager",
  auditor: "Auditor",
};

export const channelLabels: Record<Channel, string> = {
  slack: "Slack",
  teams: "Microsoft Teams",
  local_chat: "Local chat",
  cli: "Command line",
  import: "Import",
  system: "System",
  public_form: "Public report form",
};

export const reviewKindLabels: Record<ReviewKind, string> = {
  internal_audit: "Internal audit",
  management_review: "Management review",
};

export const reviewStatusLabels: Record<ScheduledReviewStatus, string> = { planned: "Planned", held: "Held", cancelled: "Cancelled" };

/** Corrective actions and risk treatment actions go through the same states. */
export const actionStatusLabels: Record<CorrectiveActionStatus | TreatmentActionStatus, string> = { open: "Open", done: "Done", cancelled: "Cancelled" };
