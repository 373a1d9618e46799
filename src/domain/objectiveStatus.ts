// How an AI objective (ISO/IEC 42001 6.2) stands, in words, and which ones need attention.
import type { ObjectiveStatus } from "../generated/prisma/enums.js";

export const objectiveStatusLabels: Record<ObjectiveStatus, string> = {
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  achieved: "Achieved",
  missed: "Missed",
  withdrawn: "Withdrawn",
};

export const objectiveStatusDescriptions: Partial<Record<ObjectiveStatus, string>> = {
  at_risk: "the target may not be met by the due date",
  missed: "the due date passed without meeting the target",
  withdrawn: "no longer pursued (say why in the note)",
};

/** Still being worked on: an objective in one of these states past its due date is overdue. */
export const isOpenObjective = (status: ObjectiveStatus) => status === "not_started" || status === "on_track" || status === "at_risk";

export const isOverdueObjective = (objective: { status: ObjectiveStatus; dueOn: Date }, now: Date) => isOpenObjective(objective.status) && objective.dueOn.toISOString().slice(0, 10) < now.toISOString().slice(0, 10);
