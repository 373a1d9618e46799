// Demo data for a fictional organisation, "Northwind Mutual": a mid-size insurer that also sells
// "ClaimsDesk", a claims-handling software product, to smaller insurers and brokers. Loading it gives
// a new user a populated AI inventory, people to act as and a few incidents to look at.
// Pure data, no database code: a seeder resolves the *Key fields to ids and supplies createdVia.
// Everything here is invented; vendors are only named as suppliers of well-known products.
// Dates assume "today" is around demoReferenceDate: two systems are past their review date then.
import type { NewAiSystem } from "../domain/aiSystem.js";
import type { NewIncident } from "../domain/incident.js";
import type { PersonDetails } from "../store/people.js";

export type DemoPerson = PersonDetails & { key: string };

export type DemoSystem = Omit<NewAiSystem, "ownerId" | "reportedById" | "createdVia" | "decidedById"> & {
  key: string;
  ownerKey?: string;
  reportedByKey?: string;
  /** Who approved it (approved systems): the owner's manager for a low tier, governance otherwise. */
  decidedByKey?: string;
};

export type DemoIncident = Omit<NewIncident, "systemId" | "reporterId" | "assigneeId" | "createdVia"> & {
  key: string;
  systemKey?: string;
  reporterKey?: string;
  assigneeKey?: string;
};

/** The day the review dates and incident dates below were written against. */
export const demoReferenceDate = "2026-11-27";

// Roles list only what each person is for; someone with no special role is a plain "member".
export const demoPeople: DemoPerson[] = [
  {
    // Persona "governance": Head of AI Governance, runs the AIMS.
    key: "amara",
    displayName: "Amara Okafor",
    email: "amara.okafor@northwind.example",
    roles: ["governance"],
    timeZone: "Europe/London",
  },
  {
    // Data Protection Officer and AI risk lead.
    key: "lukas",
    displayName: "Lukas Brandt",
    email: "lukas.brandt@northwind.example",
    roles: ["governance"],
    timeZone: "Europe/Berlin",
  },
  {
    // Chief Operating Officer: top management for the AIMS, also owns some operations systems.
    key: "priya",
    displayName: "Priya Raman",
    email: "priya.raman@northwind.example",
    roles: ["manager", "owner"],
    timeZone: "Europe/London",
  },
  {
    // Internal audit.
    key: "daniel",
    displayName: "Daniel Mensah",
    email: "daniel.mensah@northwind.example",
    roles: ["auditor"],
    timeZone: "Europe/London",
  },
  {
    // Persona "owner": Head of Data Science, owns the claims and pricing models.
    key: "sofia",
    displayName: "Sofia Alvarez",
    email: "sofia.alvarez@northwind.example",
    roles: ["owner"],
    timeZone: "America/New_York",
  },
  {
    // Engineering lead for the ClaimsDesk product.
    key: "kenji",
    displayName: "Kenji Tan",
    email: "kenji.tan@northwind.example",
    roles: ["owner"],
    timeZone: "Asia/Singapore",
  },
  {
    // HR systems and talent acquisition lead.
    key: "hannah",
    displayName: "Hannah Vogel",
    email: "hannah.vogel@northwind.example",
    roles: ["owner"],
    timeZone: "Europe/Berlin",
  },
  {
    // Marketing and customer retention director.
    key: "marcus",
    displayName: "Marcus Reid",
    email: "marcus.reid@northwind.example",
    roles: ["owner"],
    timeZone: "America/New_York",
  },
  {
    // IT service owner for workplace tools.
    key: "grace",
    displayName: "Grace Whitfield",
    email: "grace.whitfield@northwind.example",
    roles: ["owner"],
    timeZone: "Europe/London",
  },
  {
    // Persona "member": claims handler who reports shadow AI and incidents.
    key: "tom",
    displayName: "Tom Gallagher",
    email: "tom.gallagher@northwind.example",
    roles: ["member"],
    timeZone: "Europe/London",
  },
  {
    // Commercial underwriter.
    key: "leila",
    displayName: "Leila Haddad",
    email: "leila.haddad@northwind.example",
    roles: ["member"],
    timeZone: "Asia/Singapore",
  },
];

/** The people a new user can act as, by key. */
export const demoPersonas: { member: string; owner: string; governance: string } = {
  member: "tom",
  owner: "sofia",
  governance: "amara",
};

// Risk tier rule used for the tiers below (one reason sentence per rule that fired):
//   fully automated + regulated domain + affects individuals -> high;
//   otherwise personal data (any kind) or affects customers   -> medium;
//   otherwise                                                  -> low.
const reason = {
  automatedRegulated: (domain: string) =>
    `Makes fully automated decisions about individuals in a regulated domain (${domain}).`,
  personal: "Processes personal data.",
  specialCategory: "Processes special-category personal data (health information).",
  biometric: "Processes biometric data (voiceprints).",
  customers: "Its outputs affect customers.",
  public: "Its outputs reach the public.",
  biometricAutomated: "Processes biometric data without a person approving each decision.",
  low: "No personal data, no effect on customers and no fully automated decisions in a regulated domain.",
} as const;

/** Who reports to whom: long-overdue reminders also go to the manager. */
export const demoManagers: Record<string, string> = {
  sofia: "priya",
  kenji: "priya",
  hannah: "priya",
  marcus: "priya",
  grace: "priya",
  tom: "priya",
  leila: "priya",
};

export const demoSystems: DemoSystem[] = [
  // ---- In-house models ----
  {
    key: "claims-triage",
    name: "Claims Fast-Track Triage",
    aliases: ["fast-track scorer", "FNOL triage"],
    purpose: "Scores incoming home and motor claims and fast-tracks low-value, low-complexity ones straight to payment.",
    intendedUse: "Used on every first notification of loss under £2,500; anything scored complex or suspicious goes to a handler.",
    kind: "internal_model",
    businessUnit: "Claims",
    ownerKey: "sofia",
    dataCategories: ["personal", "special_category"],
    affectedParties: ["customers"],
    autonomyLevel: "fully_automated",
    regulatedDomain: "credit_insurance",
    lifecycleStage: "in_production",
    riskTier: "high",
    riskTierReasons: [reason.automatedRegulated("credit and insurance"), reason.specialCategory, reason.customers],
    status: "approved",
    decidedByKey: "amara",
    decidedAt: "2026-06-12T10:00:00Z",
    nextReviewDate: "2027-02-15",
    lastAttestedAt: "2026-08-14T10:00:00Z",
  },
  {
    key: "home-pricing",
    name: "Home Insurance Pricing Model",
    purpose: "Calculates the risk premium for home insurance quotes from property, location and claims-history features.",
    intendedUse: "Prices online and aggregator quotes automatically; underwriters only see referrals outside appetite.",
    kind: "internal_model",
    businessUnit: "Underwriting & Pricing",
    ownerKey: "sofia",
    dataCategories: ["personal", "confidential_business"],
    affectedParties: ["customers", "public"],
    autonomyLevel: "fully_automated",
    regulatedDomain: "credit_insurance",
    lifecycleStage: "in_production",
    riskTier: "high",
    riskTierReasons: [reason.automatedRegulated("credit and insurance"), reason.personal, reason.customers],
    status: "approved",
    decidedByKey: "amara",
    decidedAt: "2026-06-12T10:00:00Z",
    nextReviewDate: "2026-11-10", // overdue
    lastAttestedAt: "2025-11-10T09:00:00Z",
  },
  {
    key: "fraud-scoring",
    name: "Claims Fraud Scoring",
    purpose: "Flags claims with patterns associated with fraud, such as linked parties or inconsistent timelines.",
    intendedUse: "Adds a fraud score and explanation to each claim; the Special Investigations Unit decides whether to investigate.",
    kind: "internal_model",
    businessUnit: "Claims – Special Investigations",
    ownerKey: "sofia",
    dataCategories: ["personal"],
    affectedParties: ["customers", "third_parties"],
    autonomyLevel: "human_can_override",
    regulatedDomain: "credit_insurance",
    lifecycleStage: "in_production",
    riskTier: "medium",
    riskTierReasons: [reason.personal, reason.customers],
    status: "approved",
    decidedByKey: "amara",
    decidedAt: "2026-05-20T10:00:00Z",
    nextReviewDate: "2027-03-31",
  },
  {
    key: "churn-propensity",
    name: "Renewal Churn Propensity",
    purpose: "Predicts which policyholders are likely not to renew so that the retention team can contact them.",
    intendedUse: "Produces a weekly call list for retention agents; it never changes a price or an offer by itself.",
    kind: "internal_model",
    businessUnit: "Marketing & Retention",
    ownerKey: "marcus",
    dataCategories: ["personal"],
    affectedParties: ["customers"],
    autonomyLevel: "advises_human",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    riskTier: "medium",
    riskTierReasons: [reason.personal, reason.customers],
    status: "approved",
    decidedByKey: "amara",
    decidedAt: "2026-05-20T10:00:00Z",
    nextReviewDate: "2027-06-30",
  },
  {
    key: "reserving-forecast",
    name: "Claims Reserving Forecast",
    purpose: "Forecasts outstanding claims reserves by line of business from aggregated claims triangles.",
    intendedUse: "Input to the quarterly actuarial reserving review; actuaries sign off every figure.",
    kind: "internal_model",
    businessUnit: "Finance – Actuarial",
    ownerKey: "sofia",
    dataCategories: ["confidential_business"],
    affectedParties: [],
    autonomyLevel: "advises_human",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    // Governed under the actuarial model-risk policy instead of the AIMS.
    inAimsScope: false,
    riskTier: "low",
    riskTierReasons: [reason.low],
    status: "approved",
    decidedByKey: "priya",
    decidedAt: "2026-04-08T10:00:00Z",
    nextReviewDate: "2027-09-30",
  },
  {
    key: "broker-submissions",
    name: "Commercial Submission Triage",
    purpose: "Extracts key facts from broker submissions for commercial property and scores them against underwriting appetite.",
    intendedUse: "Orders the underwriters' queue and pre-fills the risk summary; an underwriter accepts or declines each submission.",
    kind: "internal_model",
    businessUnit: "Commercial Underwriting",
    ownerKey: "priya",
    dataCategories: ["personal", "confidential_business"],
    affectedParties: ["third_parties", "customers"],
    autonomyLevel: "human_approves_each_decision",
    regulatedDomain: "credit_insurance",
    lifecycleStage: "proposed",
    riskTier: "medium",
    riskTierReasons: [reason.personal, reason.customers],
    status: "pending_review",
    nextReviewDate: "2027-01-29",
  },
  {
    key: "pet-severity-legacy",
    name: "Pet Claims Severity Model (legacy)",
    purpose: "Estimated the likely cost of pet insurance claims to set initial reserves and route complex cases.",
    intendedUse: "Was used by pet claims handlers until the line moved to the new claims platform in 2026.",
    kind: "internal_model",
    businessUnit: "Claims",
    ownerKey: "sofia",
    dataCategories: ["personal"],
    affectedParties: ["customers"],
    autonomyLevel: "human_approves_each_decision",
    regulatedDomain: "credit_insurance",
    lifecycleStage: "retired",
    riskTier: "medium",
    riskTierReasons: [reason.personal, reason.customers],
    status: "retired",
    nextReviewDate: null,
  },

  // ---- Third-party AI services ----
  {
    key: "github-copilot",
    name: "GitHub Copilot",
    purpose: "Suggests code completions and explanations to developers in their editor.",
    intendedUse: "Used by ClaimsDesk and internal engineering teams on company repositories, with public-code matching blocked.",
    kind: "third_party_service",
    vendor: "GitHub (Microsoft)",
    businessUnit: "Engineering",
    ownerKey: "kenji",
    dataCategories: ["confidential_business"],
    affectedParties: ["employees"],
    autonomyLevel: "advises_human",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    riskTier: "low",
    riskTierReasons: [reason.low],
    status: "approved",
    decidedByKey: "priya",
    decidedAt: "2026-04-08T10:00:00Z",
    nextReviewDate: "2027-04-30",
  },
  {
    key: "campaign-copy",
    name: "Campaign Copy Generator",
    purpose: "Drafts marketing email, web and social media copy from a campaign brief.",
    intendedUse: "Marketers generate first drafts in ChatGPT Enterprise; compliance approves every piece before publication.",
    kind: "third_party_service",
    vendor: "OpenAI",
    businessUnit: "Marketing & Retention",
    ownerKey: "marcus",
    dataCategories: ["confidential_business", "public_only"],
    affectedParties: ["public"],
    autonomyLevel: "advises_human",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    riskTier: "medium",
    riskTierReasons: [reason.public],
    status: "approved",
    decidedByKey: "amara",
    decidedAt: "2026-05-20T10:00:00Z",
    nextReviewDate: "2027-05-31",
  },
  {
    key: "claims-document-ocr",
    name: "Claims Document OCR and Extraction",
    purpose: "Reads invoices, receipts, medical certificates and travel documents attached to claims and extracts the key fields.",
    intendedUse: "Pre-fills claim records for handlers, who correct any field before it is used for a payment.",
    kind: "third_party_service",
    vendor: "Amazon Web Services (Textract)",
    businessUnit: "Claims",
    ownerKey: "sofia",
    dataCategories: ["personal", "special_category", "children"],
    affectedParties: ["customers"],
    autonomyLevel: "human_approves_each_decision",
    regulatedDomain: "credit_insurance",
    lifecycleStage: "in_production",
    riskTier: "medium",
    riskTierReasons: [reason.personal, reason.specialCategory, reason.customers],
    status: "approved",
    decidedByKey: "lukas",
    decidedAt: "2026-05-20T10:00:00Z",
    nextReviewDate: "2027-01-15",
    lastAttestedAt: "2026-07-01T09:30:00Z",
  },
  {
    key: "medical-summariser",
    name: "Injury Claim Medical Report Summariser",
    purpose: "Summarises long medical reports in bodily-injury claims into a structured chronology for handlers.",
    intendedUse: "Handlers read the summary alongside the original report; it is never the sole basis for a settlement.",
    kind: "third_party_service",
    vendor: "Microsoft (Azure OpenAI Service)",
    businessUnit: "Claims – Bodily Injury",
    ownerKey: "priya",
    dataCategories: ["special_category", "personal"],
    affectedParties: ["customers", "third_parties"],
    autonomyLevel: "advises_human",
    regulatedDomain: "health",
    lifecycleStage: "in_development",
    riskTier: "medium",
    riskTierReasons: [reason.specialCategory, reason.customers],
    status: "pending_review",
    nextReviewDate: "2026-12-18",
  },
  {
    key: "hr-policy-assistant",
    name: "HR Policy Q&A Assistant",
    purpose: "Answers employees' questions about leave, expenses and other HR policies from the published handbook.",
    intendedUse: "Available to all staff in Teams; links every answer to the policy page and hands personal cases to HR.",
    kind: "third_party_service",
    vendor: "Microsoft (Copilot Studio)",
    businessUnit: "People & HR",
    ownerKey: "hannah",
    dataCategories: ["confidential_business"],
    affectedParties: ["employees"],
    autonomyLevel: "advises_human",
    // It answers questions about published policies; it takes no employment decision.
    regulatedDomain: "none",
    lifecycleStage: "in_development",
    riskTier: "low",
    riskTierReasons: [reason.low],
    status: "pending_review",
    nextReviewDate: "2027-02-26",
  },
  {
    key: "grammarly",
    name: "Grammarly Writing Suggestions",
    purpose: "Suggests spelling, grammar and tone corrections while staff write.",
    intendedUse: "Licensed for the communications team only; treated as a general writing aid.",
    kind: "third_party_service",
    vendor: "Grammarly",
    businessUnit: "Communications",
    ownerKey: "grace",
    dataCategories: ["confidential_business"],
    affectedParties: ["employees"],
    autonomyLevel: "advises_human",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    // Judged out of scope: a general productivity aid that makes no decisions.
    inAimsScope: false,
    riskTier: "low",
    riskTierReasons: [reason.low],
    status: "approved",
    decidedByKey: "priya",
    decidedAt: "2026-04-08T10:00:00Z",
    nextReviewDate: "2027-10-29",
  },

  // ---- AI embedded in purchased software ----
  {
    key: "cv-screening",
    name: "Workday Recruiting Candidate Screening",
    aliases: ["CV screener"],
    purpose: "Ranks job applicants against the role profile and automatically rejects those below a knockout threshold.",
    intendedUse: "Used for high-volume claims handler and contact-centre vacancies; recruiters see the ranked shortlist.",
    kind: "embedded_in_purchased_software",
    vendor: "Workday",
    businessUnit: "People & HR",
    ownerKey: "hannah",
    dataCategories: ["personal"],
    affectedParties: ["third_parties", "public"],
    autonomyLevel: "fully_automated",
    regulatedDomain: "employment_hr",
    // A pilot, paused after the career-gap incident: it may not go into production until approved.
    lifecycleStage: "in_development",
    riskTier: "high",
    riskTierReasons: [reason.automatedRegulated("employment and HR"), reason.personal],
    status: "pending_review",
    nextReviewDate: "2026-12-04",
  },
  {
    key: "m365-copilot",
    name: "Microsoft 365 Copilot",
    aliases: ["M365 Copilot"],
    purpose: "Drafts documents and emails, summarises meetings and answers questions over the files a user can access.",
    intendedUse: "Rolled out to all office staff as a productivity assistant; not to be used for decisions about customers or staff.",
    kind: "embedded_in_purchased_software",
    vendor: "Microsoft",
    businessUnit: "IT",
    ownerKey: "grace",
    dataCategories: ["personal", "confidential_business"],
    affectedParties: ["employees"],
    autonomyLevel: "advises_human",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    riskTier: "medium",
    riskTierReasons: [reason.personal],
    status: "approved",
    decidedByKey: "lukas",
    decidedAt: "2026-05-20T10:00:00Z",
    nextReviewDate: "2027-03-12",
    lastAttestedAt: "2026-09-03T14:00:00Z",
  },
  {
    key: "einstein-lead-scoring",
    name: "Salesforce Einstein Lead Scoring",
    purpose: "Scores broker and direct sales leads by likelihood to convert.",
    intendedUse: "Sales staff use the score to prioritise follow-up; it does not affect price or eligibility.",
    kind: "embedded_in_purchased_software",
    vendor: "Salesforce",
    businessUnit: "Sales & Broker Relations",
    ownerKey: "marcus",
    dataCategories: ["personal"],
    affectedParties: ["customers", "third_parties"],
    autonomyLevel: "advises_human",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    riskTier: "medium",
    riskTierReasons: [reason.personal, reason.customers],
    status: "approved",
    decidedByKey: "amara",
    decidedAt: "2026-05-20T10:00:00Z",
    nextReviewDate: "2026-10-31", // overdue
  },
  {
    key: "voice-authentication",
    name: "Contact Centre Voice Authentication",
    purpose: "Verifies callers by comparing their voice with an enrolled voiceprint instead of security questions.",
    intendedUse: "Offered to customers who opt in; a failed match falls back to standard security questions.",
    kind: "embedded_in_purchased_software",
    vendor: "Nuance (Microsoft)",
    businessUnit: "Customer Service",
    ownerKey: "priya",
    dataCategories: ["biometric", "personal"],
    affectedParties: ["customers"],
    autonomyLevel: "fully_automated",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    riskTier: "high",
    riskTierReasons: [reason.biometricAutomated, reason.biometric, reason.customers],
    status: "approved",
    decidedByKey: "lukas",
    decidedAt: "2026-06-12T10:00:00Z",
    nextReviewDate: "2027-04-16",
  },
  {
    key: "servicenow-routing",
    name: "ServiceNow Ticket Routing",
    purpose: "Categorises IT service desk tickets and routes them to the right resolver group.",
    intendedUse: "Routes internal IT tickets automatically; agents can re-assign any ticket.",
    kind: "embedded_in_purchased_software",
    vendor: "ServiceNow",
    businessUnit: "IT",
    ownerKey: "grace",
    dataCategories: ["confidential_business"],
    affectedParties: ["employees"],
    autonomyLevel: "human_can_override",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    // Judged out of scope: routes internal tickets only, no effect on people's rights or interests.
    inAimsScope: false,
    riskTier: "low",
    riskTierReasons: [reason.low],
    status: "approved",
    decidedByKey: "priya",
    decidedAt: "2026-04-08T10:00:00Z",
    nextReviewDate: "2027-08-27",
  },

  // ---- AI components of our own product (ClaimsDesk) ----
  {
    key: "customer-chatbot",
    name: "Nora Customer Assistant",
    aliases: ["website chatbot"],
    purpose: "Answers policyholders' questions about cover, claims status and documents on the website and in the app.",
    intendedUse: "Handles routine questions and hands over to a human agent on request, on complaints or when unsure.",
    kind: "component_in_own_product",
    vendor: "Microsoft (Azure OpenAI Service)",
    businessUnit: "Customer Service",
    ownerKey: "kenji",
    dataCategories: ["personal"],
    affectedParties: ["customers", "public"],
    autonomyLevel: "human_can_override",
    regulatedDomain: "credit_insurance",
    lifecycleStage: "in_production",
    riskTier: "medium",
    riskTierReasons: [reason.personal, reason.customers],
    status: "approved",
    decidedByKey: "amara",
    decidedAt: "2026-05-20T10:00:00Z",
    nextReviewDate: "2027-01-08",
    lastAttestedAt: "2026-10-02T08:00:00Z",
  },
  {
    key: "damage-estimator",
    name: "ClaimsDesk Damage Photo Estimator",
    purpose: "Estimates vehicle repair cost from photos uploaded by claimants to ClaimsDesk.",
    intendedUse: "Gives ClaimsDesk customers' adjusters a suggested estimate that they accept or change before settlement.",
    kind: "component_in_own_product",
    businessUnit: "ClaimsDesk Product",
    ownerKey: "kenji",
    dataCategories: ["personal"],
    affectedParties: ["customers", "third_parties"],
    autonomyLevel: "human_approves_each_decision",
    regulatedDomain: "credit_insurance",
    lifecycleStage: "in_development",
    riskTier: "medium",
    riskTierReasons: [reason.personal, reason.customers],
    status: "pending_review",
    nextReviewDate: "2027-02-05",
  },
  {
    key: "claimsdesk-email-assistant",
    name: "ClaimsDesk Email Reply Assistant",
    purpose: "Drafts replies to claimant emails inside ClaimsDesk from the claim file and the insurer's templates.",
    intendedUse: "Adjusters at ClaimsDesk customers review, edit and send every draft themselves.",
    kind: "component_in_own_product",
    vendor: "OpenAI",
    businessUnit: "ClaimsDesk Product",
    ownerKey: "kenji",
    dataCategories: ["personal", "confidential_business"],
    affectedParties: ["customers", "third_parties"],
    autonomyLevel: "advises_human",
    regulatedDomain: "none",
    lifecycleStage: "in_production",
    riskTier: "medium",
    riskTierReasons: [reason.personal, reason.customers],
    status: "approved",
    decidedByKey: "amara",
    decidedAt: "2026-05-20T10:00:00Z",
    nextReviewDate: "2027-05-14",
  },

  // ---- Shadow AI reported by a member, waiting for an owner to complete ----
  {
    key: "shadow-chatgpt-letters",
    name: "ChatGPT (personal accounts) for claim letters",
    purpose: "Some handlers paste claim details into free ChatGPT accounts to draft decline and settlement letters.",
    kind: "third_party_service",
    vendor: "OpenAI",
    businessUnit: "Claims",
    reportedByKey: "tom",
    dataCategories: ["personal"],
    status: "draft",
  },
  {
    key: "shadow-meeting-notes",
    name: "AI meeting note-taker on broker calls",
    purpose: "A note-taking bot joins broker video calls and emails a transcript and summary to attendees.",
    kind: "third_party_service",
    vendor: "Otter.ai",
    businessUnit: "Commercial Underwriting",
    reportedByKey: "leila",
    status: "draft",
  },
];

export const demoIncidents: DemoIncident[] = [
  {
    key: "cv-career-gaps",
    systemKey: "cv-screening",
    reporterKey: "hannah",
    assigneeKey: "amara",
    type: "bias",
    severity: "sev2",
    status: "investigating",
    confidential: true,
    description:
      "A recruiter noticed that applicants with a career gap of more than two years were auto-rejected about twice as often as others. Career gaps correlate with parental leave, so the knockout rule may disadvantage women.",
    occurredAt: "2026-10-01T00:00:00Z",
    detectedAt: "2026-10-21T09:40:00Z",
    reportedAt: "2026-10-21T11:05:00Z",
    affectedParties: "Applicants for claims handler and contact-centre roles since 1 October 2026.",
    anyoneHarmed: true,
    immediateAction: "Automatic rejection switched off; every application rejected since 1 October is being re-reviewed by a recruiter.",
  },
  {
    key: "copilot-salary-file",
    systemKey: "m365-copilot",
    reporterKey: "tom",
    assigneeKey: "lukas",
    type: "privacy",
    severity: "sev2",
    status: "triaged",
    confidential: true,
    description:
      "Asked to summarise team costs, Copilot quoted individual salaries from an HR spreadsheet that had been shared with the whole company by mistake. The file itself was over-shared; Copilot made it easy to find.",
    occurredAt: "2026-11-12T14:20:00Z",
    detectedAt: "2026-11-12T14:25:00Z",
    reportedAt: "2026-11-12T15:00:00Z",
    affectedParties: "About 40 employees in the Claims department whose salaries were in the file.",
    anyoneHarmed: false,
    immediateAction: "File permissions restricted to HR; an access review of company-wide shared sites has started.",
  },
  {
    key: "nora-flood-cover",
    systemKey: "customer-chatbot",
    reporterKey: "priya",
    assigneeKey: "kenji",
    type: "inaccurate_output",
    severity: "sev3",
    status: "closed",
    description:
      "Nora told a customer that flood damage was covered under the Essentials home policy, which excludes it. The customer complained when the contact centre corrected this.",
    occurredAt: "2026-10-08T19:15:00Z",
    detectedAt: "2026-10-09T10:30:00Z",
    reportedAt: "2026-10-09T11:00:00Z",
    affectedParties: "One Essentials home policyholder; possibly others who asked about flood cover.",
    anyoneHarmed: false,
    immediateAction: "Policy wording for Essentials re-indexed and a rule added to hand all cover questions about exclusions to an agent.",
  },
  {
    key: "pricing-flood-map-drift",
    systemKey: "home-pricing",
    reporterKey: "sofia",
    assigneeKey: "sofia",
    type: "drift",
    severity: "sev4",
    status: "investigating",
    description:
      "Monitoring shows the flood-risk feature distribution shifted after the October flood map update, raising quoted premiums by about 8% in three regions. It is not yet clear whether the change reflects real risk.",
    occurredAt: "2026-10-15T00:00:00Z",
    detectedAt: "2026-11-03T08:00:00Z",
    reportedAt: "2026-11-03T13:30:00Z",
    affectedParties: "New-business home quote requests in the affected regions.",
    anyoneHarmed: false,
    immediateAction: "Affected postcodes capped at the pre-update premium while the pricing team investigates.",
  },
  {
    key: "email-assistant-prompt-injection",
    systemKey: "claimsdesk-email-assistant",
    // Anonymous report: no reporter is recorded.
    anonymous: true,
    assigneeKey: "kenji",
    type: "security",
    severity: "sev1",
    status: "triaged",
    confidential: true,
    description:
      "A claimant email with hidden instructions made the reply assistant include internal claim notes in its draft. The adjuster caught it before sending, but the same attack could expose notes at any ClaimsDesk customer.",
    occurredAt: "2026-11-18T16:45:00Z",
    detectedAt: "2026-11-18T16:50:00Z",
    reportedAt: "2026-11-19T07:10:00Z",
    affectedParties: "Claimants and adjusters at all ClaimsDesk customers using the reply assistant.",
    anyoneHarmed: false,
    immediateAction: "Internal notes removed from the assistant's context for all tenants; hotfix for input filtering in progress.",
  },
  {
    key: "free-translator-medical-letter",
    systemNameFreeText: "Free online PDF translator website",
    possiblyUnregistered: true,
    reporterKey: "leila",
    type: "privacy",
    severity: "sev3",
    status: "reported",
    description:
      "A colleague uploaded a German claimant's medical letter to a free online translation website to read it quickly. The site's terms allow it to keep uploaded documents.",
    occurredAt: "2026-11-24T10:00:00Z",
    detectedAt: "2026-11-24T10:30:00Z",
    reportedAt: "2026-11-25T09:15:00Z",
    affectedParties: "One claimant whose health information was uploaded.",
    anyoneHarmed: false,
    immediateAction: "Colleague reminded to use the approved translation service; deletion request sent to the website.",
  },
];

// ---- Assessments behind the high-tier approvals (no high-tier system is approved without them) ----

export interface DemoRisk {
  systemKey: string;
  assessorKey: string;
  direction: "from_system" | "to_system";
  category: "biased_outputs" | "unsafe_decisions" | "privacy_violation" | "model_drift";
  description: string;
  likelihood: number;
  impacts: { safety: number; financial: number; reputational: number; regulatory: number; ethical: number; environmental: number };
  treatment: "mitigate";
  treatmentJustification: string;
  controls: string[];
  residualLikelihood: number;
  residualImpact: number;
  reviewDate: string;
}

export const demoRisks: DemoRisk[] = [
  {
    systemKey: "voice-authentication",
    assessorKey: "priya",
    direction: "from_system",
    category: "privacy_violation",
    description: "Voiceprints (biometric data) could be used beyond authentication, or kept after a customer opts out.",
    likelihood: 2,
    impacts: { safety: 1, financial: 2, reputational: 4, regulatory: 5, ethical: 3, environmental: 1 },
    treatment: "mitigate",
    treatmentJustification: "Opt-in consent recorded per customer, deletion on opt-out confirmed by the vendor, access limited to the authentication service.",
    controls: ["A.7.3", "A.10.3"],
    residualLikelihood: 1,
    residualImpact: 4,
    reviewDate: "2027-03-31",
  },
  {
    systemKey: "claims-triage",
    assessorKey: "sofia",
    direction: "from_system",
    category: "unsafe_decisions",
    description: "A complex or fraudulent claim is scored simple and paid automatically without a handler seeing it.",
    likelihood: 3,
    impacts: { safety: 1, financial: 3, reputational: 3, regulatory: 4, ethical: 2, environmental: 1 },
    treatment: "mitigate",
    treatmentJustification: "Cap of £2,500, weekly sample of fast-tracked claims checked by handlers, fraud score must be low to fast-track.",
    controls: ["A.6.2.4", "A.6.2.6", "A.9.4"],
    residualLikelihood: 2,
    residualImpact: 3,
    reviewDate: "2027-02-15",
  },
  {
    systemKey: "home-pricing",
    assessorKey: "sofia",
    direction: "to_system",
    category: "model_drift",
    description: "Feature drift after external data updates (flood maps, crime statistics) shifts premiums without a pricing decision.",
    likelihood: 4,
    impacts: { safety: 1, financial: 3, reputational: 3, regulatory: 4, ethical: 3, environmental: 1 },
    treatment: "mitigate",
    treatmentJustification: "Monthly drift monitoring with alert thresholds; premium caps per postcode while a shift is investigated.",
    controls: ["A.6.2.6", "A.7.4"],
    residualLikelihood: 2,
    residualImpact: 3,
    reviewDate: "2027-01-31",
  },
];

export interface DemoImpact {
  systemKey: string;
  assessorKey: string;
  individuals: string;
  groups: string;
  society: string;
  foreseeableMisuse: string;
  mitigations: string;
  reassessOn: string;
}

export const demoImpacts: DemoImpact[] = [
  {
    systemKey: "voice-authentication",
    assessorKey: "lukas",
    individuals: "A caller wrongly rejected must answer security questions; a wrongly accepted impostor could reach a customer's policy.",
    groups: "Match rates may be lower for some accents, ages or speech impairments; opt-in keeps an alternative for everyone.",
    society: "Biometric data held by a vendor; deletion on opt-out is contractual.",
    foreseeableMisuse: "Using voiceprints to identify callers who have not opted in.",
    mitigations: "Explicit opt-in, fallback questions on every failure, vendor deletion on request, annual match-rate test by group.",
    reassessOn: "2027-06-12",
  },
  {
    systemKey: "claims-triage",
    assessorKey: "lukas",
    individuals: "A claimant whose claim is wrongly held back waits longer for payment; one wrongly fast-tracked is paid without checks.",
    groups: "Claimants who describe losses in non-standard language may be scored complex more often; fast-track rates are compared by region and age band quarterly.",
    society: "Faster settlement of small claims; negligible energy use for scoring.",
    foreseeableMisuse: "Raising the £2,500 cap without a new assessment; using the score to decline claims.",
    mitigations: "The cap is a configuration under change control; the score can only route, never decline; quarterly fairness report to governance.",
    reassessOn: "2027-06-12",
  },
  {
    systemKey: "home-pricing",
    assessorKey: "lukas",
    individuals: "Customers may be quoted higher premiums from features they cannot see or influence.",
    groups: "Postcode features may act as proxies for ethnicity or income; premiums are tested for disparity across area deprivation deciles.",
    society: "Affordability of home insurance in flood-prone areas; compliance with fair-pricing rules.",
    foreseeableMisuse: "Using the model's price elasticity outputs to raise renewal prices for loyal customers (price walking).",
    mitigations: "Renewal prices may not exceed new-business equivalents; disparity tests before each model release; drift caps.",
    reassessOn: "2027-06-12",
  },
];

// ---- Change control: one change re-approved, one waiting for the first approval ----

export interface DemoChange {
  systemKey: string;
  byKey: string;
  /** The material fields as they are after the change. */
  patch: Pick<NewAiSystem, "intendedUse" | "autonomyLevel">;
  /** Who approved the system again after the change, if anyone yet. */
  approvedByKey?: string;
}

export const demoChanges: DemoChange[] = [
  {
    systemKey: "churn-propensity",
    byKey: "marcus",
    patch: { intendedUse: "Produces a weekly call list for retention agents and suggests a retention discount within the agent's authority; it never changes a price by itself." },
    approvedByKey: "amara",
  },
  {
    systemKey: "broker-submissions",
    byKey: "priya",
    patch: { autonomyLevel: "human_can_override" },
  },
];

// ---- Controlled policy documents (the sample files in ./policies) and an acknowledgement campaign ----

export interface DemoPolicy {
  fileName: string;
  ownerKey: string;
  approverKey: string;
  approvedOn: string;
  nextReviewOn: string;
  summary: string;
}

export const demoPolicies: DemoPolicy[] = [
  {
    fileName: "ai-acceptable-use-policy.md",
    ownerKey: "amara",
    approverKey: "priya",
    approvedOn: "2026-09-01",
    nextReviewOn: "2027-09-01",
    summary: "Use only approved AI tools for work; never put customer, claim or colleague personal data into a tool that is not approved; a person checks every AI output before it is used; report anything that goes wrong.",
  },
  {
    fileName: "ai-data-handling-rules.md",
    ownerKey: "lukas",
    approverKey: "priya",
    approvedOn: "2026-09-01",
    nextReviewOn: "2026-12-10",
    summary: "Which data may go into which AI tools, how training data is chosen and documented, and how long AI inputs and outputs are kept.",
  },
  {
    fileName: "ai-incident-procedure.md",
    ownerKey: "amara",
    approverKey: "priya",
    approvedOn: "2026-09-01",
    nextReviewOn: "2027-09-01",
    summary: "How to report an AI incident, how it is triaged by severity, and who is told.",
  },
];

export const demoCampaign = {
  fileName: "ai-acceptable-use-policy.md",
  audience: "everyone",
  startedByKey: "amara",
  dueOn: "2026-12-18",
  /** Those who have already confirmed. */
  acknowledgedBy: ["amara", "lukas", "priya", "sofia", "kenji", "daniel"],
};

// ---- Risk treatment: the demo risks' actions, one open, and a residual risk signed off ----

export interface DemoTreatmentAction {
  /** The demo risk, by its system's key. */
  systemKey: string;
  control: string;
  description: string;
  ownerKey: string;
  dueDate: string;
  /** When it was done, if it is. */
  doneOn?: string;
}

export const demoTreatmentActions: DemoTreatmentAction[] = [
  { systemKey: "voice-authentication", control: "A.7.3", description: "Record each customer's opt-in consent before enrolling a voiceprint.", ownerKey: "priya", dueDate: "2026-07-31", doneOn: "2026-07-20" },
  { systemKey: "voice-authentication", control: "A.10.3", description: "Vendor contract clause: voiceprints deleted within 30 days of an opt-out, with a deletion certificate.", ownerKey: "lukas", dueDate: "2026-08-31", doneOn: "2026-08-25" },
  { systemKey: "claims-triage", control: "A.6.2.6", description: "Weekly sample of 50 fast-tracked claims checked by a handler, results to the model owner.", ownerKey: "sofia", dueDate: "2026-09-30", doneOn: "2026-09-15" },
  { systemKey: "home-pricing", control: "A.6.2.6", description: "Alert when the monthly drift score of any pricing feature exceeds its threshold, with a premium cap per postcode.", ownerKey: "sofia", dueDate: "2026-12-20" },
];

/** Residual risks signed off once their actions were done, by the system's key. */
export const demoResidualSignOffs: { systemKey: string; byKey: string; on: string }[] = [{ systemKey: "voice-authentication", byKey: "priya", on: "2026-09-01" }];

// ---- Context of the AI management system (4.1) and interested parties (4.2) ----

export const demoContextIssues = [
  {
    kind: "external" as const,
    description: "The EU AI Act classes AI used for insurance pricing and recruitment as high-risk, with obligations applying from August 2026",
    effect: "Pricing, claims triage and CV screening need documented risk management, human oversight and logging; the AIMS is how we show it",
    reviewOn: "2027-03-31",
  },
  {
    kind: "internal" as const,
    description: "ClaimsDesk is sold to other insurers, so our AI components run in customers' processes",
    effect: "Customers' due-diligence questionnaires and contract terms add requirements; incidents in ClaimsDesk affect customers' claimants too",
    reviewOn: "2027-03-31",
  },
];

export const demoInterestedParties = [
  {
    name: "Policyholders and claimants",
    requirements: "Fair prices and claim decisions, an explanation of automated decisions, and a person to contest them",
    source: "Consumer-duty and fair-pricing rules; UK GDPR Article 22; complaints data",
    reviewOn: "2027-03-31",
  },
  {
    name: "ClaimsDesk customers (insurers and brokers)",
    requirements: "Documentation of each AI component, notice of incidents within 48 hours, no use of their data for training",
    source: "ClaimsDesk master services agreement, schedule 4",
    reviewOn: "2027-06-30",
  },
];
