// Directory look-ups the engine and flows need (systems, people, incidents); the store provides them.
import type { IncidentStatus, Severity } from "../generated/prisma/enums.js";

export interface SystemMatch {
  id: string;
  reference: string;
  name: string;
  /** Found by the words of its description or a near spelling, not by its name: to be confirmed. */
  likely?: boolean;
}
export interface PersonMatch {
  id: string;
  displayName: string;
  email: string | null;
}

export interface IncidentFacts {
  reference: string;
  severity: Severity;
  status: IncidentStatus;
  /** Its corrective actions not yet done: closing the incident must say what happens to them. */
  openActions: { reference: string; description: string }[];
}

/** Directory look-ups the engine needs; the store provides them. */
export interface Lookups {
  findSystems(text: string): Promise<SystemMatch[]>;
  systemById(id: string): Promise<SystemMatch | null>;
  /** Systems whose name appears in a sentence. */
  systemsMentionedIn(text: string): Promise<SystemMatch[]>;
  findPeople(text: string): Promise<PersonMatch[]>;
  personById(id: string): Promise<PersonMatch | null>;
  /** The facts about an incident a flow needs to shape its questions (e.g. severity for lessons learned). */
  incident(reference: string): Promise<IncidentFacts | null>;
}
