// Whether an internal audit's auditors are independent of what they audit (ISO/IEC 42001 9.2.2:
// auditors are chosen so that the audit is objective and impartial). An auditor who owns an AI
// system in the audit's scope, or who is responsible for the area audited, would audit their own
// work: each such tie is named, and the audit is scheduled only with a recorded justification.

export interface AuditPerson {
  id: string;
  displayName: string;
}

export interface SystemInScope {
  reference: string;
  name: string;
  ownerId: string | null;
}

/** Each tie between an auditor and the audited area, in words: "Lukas Brandt owns AIS-0003 Claims triage, which is in scope". */
export function independenceConflicts(auditors: readonly AuditPerson[], systems: readonly SystemInScope[], areaOwnerId: string | null): string[] {
  return auditors.flatMap((auditor) => [
    ...(areaOwnerId === auditor.id ? [`${auditor.displayName} is responsible for the area audited`] : []),
    ...systems.filter((system) => system.ownerId === auditor.id).map((system) => `${auditor.displayName} owns ${system.reference} ${system.name}, which is in scope`),
  ]);
}

/** The friendly refusal when ties are found and no justification was given. */
export function independenceRefusal(conflicts: readonly string[]): string {
  return [
    `An auditor should not audit their own work (ISO/IEC 42001 9.2.2): ${conflicts.join("; ")}.`,
    'Choose another auditor (edit "Lead auditor" or "Second auditor"), or, if no one independent is available, edit "Independence" to say why they audit it and how objectivity is kept.',
  ].join("\n");
}

/** How the audit's independence reads in the register and the pack. */
export function independenceWording(conflicts: readonly string[], justification: string | null): string {
  if (conflicts.length === 0) return "Independent: no auditor owns a system in scope or the area audited";
  return `Not independent (${conflicts.join("; ")}); justified: ${justification ?? "no justification recorded"}`;
}
