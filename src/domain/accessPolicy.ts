// Who may see what. One function per question, used by every surface (chat, App Home, exports,
// notifications), so that no surface decides on its own.
import type { Role } from "../generated/prisma/enums.js";

export interface Viewer {
  personId: string;
  roles: Role[];
}

export interface IncidentVisibility {
  confidential: boolean;
  reporterId: string | null;
  assigneeId: string | null;
}

/** A confidential incident's details: its reporter, its assignee and the governance team only. */
export function canSeeIncidentDetails(viewer: Viewer, incident: IncidentVisibility): boolean {
  if (viewer.roles.includes("governance")) return true;
  if (incident.reporterId === viewer.personId || incident.assigneeId === viewer.personId) return true;
  return !incident.confidential;
}

export const isGovernance = (viewer: Viewer) => viewer.roles.includes("governance");
