// The ISO/IEC 42001 identifiers the AIMS is built around: clauses 4–10 and the 38 Annex A
// controls. Titles in catalog.json are our own paraphrases, never the standard's text.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { inProject } from "../project/projectFolder.js";

const catalogSchema = z.object({
  standard: z.string(),
  clauseGroups: z.array(z.object({ id: z.string(), title: z.string() })),
  clauses: z.array(z.object({ id: z.string(), title: z.string(), parent: z.string() })),
  annexA: z.array(z.object({ id: z.string(), objective: z.string(), title: z.string() })),
  objectives: z.array(z.object({ id: z.string(), title: z.string(), controlCount: z.number() })),
  impactDimensions: z.array(z.object({ id: z.string(), title: z.string() })),
  riskTreatments: z.array(z.object({ id: z.string(), title: z.string() })),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type Clause = Catalog["clauses"][number];
export type AnnexAControl = Catalog["annexA"][number];

export const catalog: Catalog = catalogSchema.parse(JSON.parse(readFileSync(inProject("src", "iso42001", "catalog.json"), "utf8")));

/** All 38 Annex A controls, in the standard's order. */
export const annexAControls: readonly AnnexAControl[] = catalog.annexA;

const controlsById = new Map(annexAControls.map((control) => [control.id, control]));

/** The control for an identifier typed by a person ("a.6.2.4", "A 6.2.4"), or undefined. */
export function findControl(typed: string): AnnexAControl | undefined {
  const normalised = typed.trim().toUpperCase().replace(/^A[\s.-]*/, "A.");
  return controlsById.get(normalised);
}

/** Clauses with no sub-clauses: the requirements a gap analysis walks through, in order. */
export const requirementClauses: readonly Clause[] = catalog.clauses.filter((clause) => !catalog.clauses.some((other) => other.parent === clause.id));

const clausesById = new Map(catalog.clauses.map((clause) => [clause.id, clause]));

export function findClause(typed: string): Clause | undefined {
  return clausesById.get(typed.trim());
}

/** A clause ("9.2.2") or control ("A.6.2.4") identifier with its title, or undefined when it is neither. */
export function findRequirement(typed: string): { id: string; title: string } | undefined {
  return findClause(typed) ?? findControl(typed);
}

export const clauseGroupTitle = (groupId: string) => catalog.clauseGroups.find((group) => group.id === groupId)?.title ?? groupId;
export const objectiveTitle = (objectiveId: string) => catalog.objectives.find((objective) => objective.id === objectiveId)?.title ?? objectiveId;

/** The top-level clause (4–10) a clause belongs to. */
export const clauseGroupOf = (clauseId: string) => clauseId.split(".")[0] ?? clauseId;
