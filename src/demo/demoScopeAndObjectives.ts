// Northwind Mutual's scope statement (4.3) and AI objectives (6.2): what a governance team would
// have recorded a few months into its AI management system, with one objective at risk and one met.
import type { ScopeStatement } from "../domain/scopeStatement.js";
import type { ObjectiveStatus } from "../generated/prisma/enums.js";

export const demoScope: ScopeStatement = {
  boundaries:
    "Northwind Mutual in the UK and Germany: claims, underwriting, pricing, customer service, marketing, HR and IT, and the ClaimsDesk product sold to brokers. Covers AI we build, buy, embed in our products or use at work.",
  systemsInScope: "Every AI system in the inventory, in-house and bought in, from proposal to retirement, including AI found in use before registration (shadow AI).",
  rolesInScope: "AI developer and provider of ClaimsDesk and the in-house pricing and claims models; AI user of third-party services (Microsoft 365 Copilot, Workday, Salesforce). Functions: governance, data science, engineering, IT, HR, marketing, claims and underwriting.",
  exclusions: [
    { what: "Singapore sales office", reason: "sells only through a partner and uses no AI systems of its own; reviewed at each management review" },
    { what: "Northwind Pension Trustees Ltd", reason: "a separate legal entity with its own governance; it uses no Northwind AI systems" },
  ],
};

export interface DemoObjective {
  objective: string;
  target: string;
  measure: string;
  ownerKey: string;
  dueOn: string;
  status: ObjectiveStatus;
  progressNote: string | null;
}

export const demoObjectives: DemoObjective[] = [
  {
    objective: "Every AI system in use is registered and has a named owner",
    target: "100% of systems found in use registered within 10 working days, each with an owner",
    measure: "Systems in the inventory without an owner, and days from a shadow-AI report to registration, counted from the inventory at each management review",
    ownerKey: "amara",
    dueOn: "2027-03-31",
    status: "on_track",
    progressNote: "21 of 23 systems have an owner; the two shadow-AI reports are being registered.",
  },
  {
    objective: "High-tier AI systems have a current impact assessment before approval",
    target: "100% of high-tier systems assessed within the last 12 months",
    measure: "High-tier systems in the inventory with an impact assessment less than a year old, from the impact-assessment register",
    ownerKey: "lukas",
    dueOn: "2027-02-28",
    status: "at_risk",
    progressNote: "Two high-tier claims models still need their assessments; booked for January.",
  },
  {
    objective: "Everyone working on or with AI has completed the responsible AI training",
    target: "95% of owners and governance members trained, renewed yearly",
    measure: "Valid training records for people with the owner or governance role, from the competence register",
    ownerKey: "priya",
    dueOn: "2027-06-30",
    status: "not_started",
    progressNote: null,
  },
  {
    objective: "AI incidents are triaged quickly",
    target: "Every SEV1 and SEV2 incident triaged within one working day",
    measure: "Time from report to triage in the incident register, reviewed monthly",
    ownerKey: "amara",
    dueOn: "2026-10-31",
    status: "achieved",
    progressNote: "Met every month since the triage rota started in July; the figure stays in the weekly digest.",
  },
];
