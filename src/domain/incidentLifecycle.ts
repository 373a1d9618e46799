// The life of an AI incident after it is reported (ISO/IEC 42001 A.8.4, 10.2): which action may
// move it from which status to which, and who may take it. One table, read by every surface and
// by the store, so a button that should not exist is never shown and a typed command cannot
// do what a button could not.
import type { IncidentStatus, Severity } from "../generated/prisma/enums.js";
import type { Viewer } from "./accessPolicy.js";

export const incidentActions = [
  "acknowledge",
  "assign",
  "change_severity",
  "mark_duplicate",
  "decline",
  "start_investigation",
  "contain",
  "resolve",
  "close",
  "reopen",
  "set_system",
  "raise_action",
  "raise_nonconformity",
  "add_note",
] as const;
export type IncidentAction = (typeof incidentActions)[number];

/** governance: the governance team only. handler: governance or the incident's assignee. */
type Actor = "governance" | "handler";

interface ActionRule {
  label: string;
  from: readonly IncidentStatus[];
  /** The status afterwards; a function when it depends on where it starts. */
  to: IncidentStatus | ((from: IncidentStatus) => IncidentStatus);
  who: Actor;
}

const beforeResolution = ["reported", "triaged", "investigating", "contained"] as const;
const untilClosed = [...beforeResolution, "resolved"] as const;
const stays = (from: IncidentStatus) => from;

export const incidentActionRules: Record<IncidentAction, ActionRule> = {
  acknowledge: { label: "Acknowledge", from: ["reported"], to: "triaged", who: "governance" },
  // Giving an untriaged incident a handler is triaging it.
  assign: { label: "Assign to…", from: beforeResolution, to: (from) => (from === "reported" ? "triaged" : from), who: "governance" },
  change_severity: { label: "Change severity", from: beforeResolution, to: stays, who: "handler" },
  mark_duplicate: { label: "Mark duplicate", from: ["reported", "triaged"], to: "duplicate", who: "governance" },
  decline: { label: "Not an AI incident", from: ["reported", "triaged"], to: "declined", who: "governance" },
  start_investigation: { label: "Start investigation", from: ["triaged"], to: "investigating", who: "handler" },
  contain: { label: "Contained", from: ["investigating"], to: "contained", who: "handler" },
  resolve: { label: "Resolve", from: ["investigating", "contained"], to: "resolved", who: "handler" },
  // Closing checks that the corrective actions worked: someone other than the handler alone decides it.
  close: { label: "Close", from: ["resolved"], to: "closed", who: "governance" },
  reopen: { label: "Reopen", from: ["resolved", "closed"], to: "investigating", who: "governance" },
  set_system: { label: "Set AI system", from: beforeResolution, to: stays, who: "handler" },
  raise_action: { label: "Raise corrective action", from: ["triaged", "investigating", "contained", "resolved"], to: stays, who: "handler" },
  // An incident can show that a requirement of the AIMS is not met (10.2): governance records that as a nonconformity.
  raise_nonconformity: { label: "Raise nonconformity", from: ["triaged", "investigating", "contained", "resolved"], to: stays, who: "governance" },
  add_note: { label: "Add note", from: untilClosed, to: stays, who: "handler" },
};

export interface IncidentPosition {
  reference: string;
  status: IncidentStatus;
  assigneeId: string | null;
}

export type Decision = { allowed: true; to: IncidentStatus } | { allowed: false; reason: string };

const isGovernance = (viewer: Viewer) => viewer.roles.includes("governance");
const mayAct = (who: Actor, viewer: Viewer, incident: IncidentPosition) =>
  isGovernance(viewer) || (who === "handler" && incident.assigneeId === viewer.personId);

/** Whether `viewer` may take `action` on the incident now, and the status it leads to. */
export function decide(action: IncidentAction, incident: IncidentPosition, viewer: Viewer): Decision {
  const rule = incidentActionRules[action];
  if (!mayAct(rule.who, viewer, incident)) {
    const who = rule.who === "governance" ? "the governance team" : "the governance team or the incident's assignee";
    return { allowed: false, reason: `Only ${who} can ${rule.label.toLowerCase().replace("…", "")} ${incident.reference}.` };
  }
  if (!rule.from.includes(incident.status)) {
    const possible = availableActions(incident, viewer).filter((candidate) => candidate !== "add_note");
    const next = possible.length > 0 ? ` From here you can: ${possible.map((candidate) => incidentActionRules[candidate].label.replace("…", "")).join(", ")}.` : "";
    return { allowed: false, reason: `${incident.reference} is ${incident.status}, so "${rule.label.replace("…", "")}" is not possible now.${next}` };
  }
  return { allowed: true, to: typeof rule.to === "function" ? rule.to(incident.status) : rule.to };
}

/** The actions `viewer` may take now, in the order buttons are shown. */
export function availableActions(incident: IncidentPosition, viewer: Viewer): IncidentAction[] {
  return incidentActions.filter((action) => {
    const rule = incidentActionRules[action];
    return rule.from.includes(incident.status) && mayAct(rule.who, viewer, incident);
  });
}

export const openIncidentStatuses: readonly IncidentStatus[] = untilClosed;

/** A high-severity incident cannot close without a lessons-learned review. */
export const lessonsLearnedRequired = (severity: Severity) => severity === "sev1" || severity === "sev2";

/** Accepts "INC-7", "inc 0007", "7": the reference as stored, or null. */
export function parseIncidentReference(text: string): string | null {
  const match = /^\s*(?:inc[-\s]?)?0*(\d{1,6})\s*$/i.exec(text);
  return match ? `INC-${match[1]!.padStart(4, "0")}` : null;
}
