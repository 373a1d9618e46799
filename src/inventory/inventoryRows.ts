// Checks the rows of an existing AI inventory (a spreadsheet an organisation already keeps) before
// anything is stored. Columns are the registration questions: name, owner_email, description (the
// purpose), vendor, kind, lifecycle_stage, and any other question by its id (intended_use or
// intendedUse, data_categories, affected_parties, autonomy_level, regulated_domain, business_unit,
// in_aims_scope). A choice may be given by its code or its label; several are separated by ";".
// Pure: the people and systems already known are passed in.
import { z } from "zod";
import { deriveRiskTier, type RiskTierResult } from "../domain/riskTier.js";
import {
  affectedPartyLabels,
  aiSystemKindLabels,
  autonomyLevelLabels,
  dataCategoryLabels,
  lifecycleStageLabels,
  regulatedDomainLabels,
} from "../domain/labels.js";
import type { AffectedParty, AiSystemKind, AutonomyLevel, DataCategory, LifecycleStage, RegulatedDomain } from "../generated/prisma/enums.js";
import { lookUpWord } from "../domain/wordTable.js";

export const requiredInventoryColumns = ["name", "owner_email"];
export const inventoryColumns = ["name", "aliases", "owner_email", "description", "vendor", "kind", "lifecycle_stage", "intended_use", "business_unit", "data_categories", "affected_parties", "autonomy_level", "regulated_domain", "in_aims_scope"];

/** The registration questions an entry needs before its tier can be derived and it can be reviewed. */
export const registrationQuestions = {
  purpose: "its purpose",
  intendedUse: "its intended use",
  kind: "what kind of AI system it is",
  vendor: "its vendor",
  dataCategories: "the data it processes",
  affectedParties: "whom it affects",
  autonomyLevel: "how much it decides on its own",
  regulatedDomain: "whether it is used in a regulated domain",
  lifecycleStage: "its life-cycle stage",
} as const;
export type RegistrationQuestion = keyof typeof registrationQuestions;

export interface InventoryEntry {
  line: number;
  name: string;
  /** Other names people use for it, separated by ";" in the file. */
  aliases: string[];
  ownerId: string;
  ownerEmail: string;
  purpose: string | null;
  intendedUse: string | null;
  kind: AiSystemKind | null;
  vendor: string | null;
  businessUnit: string | null;
  dataCategories: DataCategory[] | null;
  affectedParties: AffectedParty[] | null;
  autonomyLevel: AutonomyLevel | null;
  regulatedDomain: RegulatedDomain | null;
  lifecycleStage: LifecycleStage | null;
  inAimsScope: boolean;
  /** The questions the file left unanswered: the entry is incomplete and its owner is asked them. */
  missing: RegistrationQuestion[];
  /** Derived as for a registration, only when every answer the rules need is given: never guessed. */
  tier: RiskTierResult | null;
}

export interface InventoryContext {
  /** People in the directory by lower-case e-mail. */
  ownerIdByEmail: Map<string, string>;
  /** Systems already in the inventory by lower-case name, with their reference. */
  referenceByName: Map<string, string>;
}

/** Column names as people write them: "Owner e-mail", "intendedUse", "intended_use" are the same column. */
const columnKey = (column: string) => column.toLowerCase().replace(/e-mail/g, "email").replace(/[^a-z0-9]/g, "");
const columnAliases: Record<string, string> = { description: "purpose", owneremail: "owneremail", owner: "owneremail" };

export function normaliseColumns(raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).map(([column, value]) => [lookUpWord(columnAliases, columnKey(column)) ?? columnKey(column), String(value ?? "").trim()]));
}

const codeOf = (text: string) => text.trim().toLowerCase().replace(/[’']/g, "'").replace(/[\s-]+/g, "_");

/** A choice by its code (third_party_service) or its label (Third-party AI service). */
function choice<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const wanted = codeOf(text);
  return (Object.keys(labels) as T[]).find((code) => code === wanted || codeOf(labels[code]) === wanted);
}

export function checkInventoryRows(rawRows: Record<string, string>[], context: InventoryContext): { entries: InventoryEntry[]; problems: string[] } {
  const problems: string[] = [];
  const entries: InventoryEntry[] = [];
  const lineOfName = new Map<string, number>();
  for (const [index, raw] of rawRows.entries()) {
    const line = index + 2; // the header is line 1
    const issues: string[] = [];
    const entry = readEntry(normaliseColumns(raw), line, context, issues);
    const name = entry.name.toLowerCase();
    if (name && lineOfName.has(name)) issues.push(`name: "${entry.name}" is already on line ${lineOfName.get(name)}`);
    else if (name && context.referenceByName.has(name)) issues.push(`name: "${entry.name}" is already in the inventory as ${context.referenceByName.get(name)}`);
    if (name && !lineOfName.has(name)) lineOfName.set(name, line);
    if (issues.length > 0) problems.push(`line ${line}: ${issues.join("; ")}`);
    else entries.push(entry);
  }
  return { entries, problems };
}

function readEntry(row: Record<string, string>, line: number, context: InventoryContext, issues: string[]): InventoryEntry {
  const text = (key: string, max: number, column: string) => {
    const value = row[key] ?? "";
    if (value.length > max) issues.push(`${column}: longer than ${max} characters`);
    return value || null;
  };
  const one = <T extends string>(key: string, column: string, labels: Record<T, string>): T | null => {
    const value = row[key];
    if (!value) return null;
    const found = choice(labels, value);
    if (!found) issues.push(`${column}: "${value}" is not one of ${Object.keys(labels).join(", ")}`);
    return found ?? null;
  };
  const many = <T extends string>(key: string, column: string, labels: Record<T, string>): T[] | null => {
    const value = row[key];
    if (!value) return null;
    if (/^none$/i.test(value)) return [];
    const parts = value.split(";").map((part) => part.trim()).filter(Boolean);
    const unknown = parts.filter((part) => !choice(labels, part));
    if (unknown.length > 0) issues.push(`${column}: ${unknown.map((part) => `"${part}"`).join(", ")} not one of ${Object.keys(labels).join(", ")} (separate several with ;)`);
    return [...new Set(parts.map((part) => choice(labels, part)).filter((code): code is T => !!code))];
  };
  const name = row.name ?? "";
  if (!name) issues.push("name: missing");
  else if (name.length > 120) issues.push("name: longer than 120 characters");
  const ownerEmail = (row.owneremail ?? "").toLowerCase();
  const ownerId = context.ownerIdByEmail.get(ownerEmail);
  if (!ownerEmail) issues.push("owner_email: missing (every entry needs an owner who answers for it)");
  else if (!z.email().safeParse(ownerEmail).success) issues.push(`owner_email: "${ownerEmail}" is not an e-mail address`);
  else if (!ownerId) issues.push(`owner_email: nobody with the e-mail ${ownerEmail} is in the directory (import people first: npx aims people import)`);
  const scope = row.inaimsscope ?? "";
  if (scope && !/^(yes|no|true|false|y|n)$/i.test(scope)) issues.push(`in_aims_scope: "${scope}" must be yes or no`);
  const entry = {
    line,
    name,
    aliases: [...new Set((row.aliases ?? "").split(";").map((alias) => alias.trim()).filter((alias) => alias.length > 0 && alias.length <= 120))],
    ownerId: ownerId ?? "",
    ownerEmail,
    purpose: text("purpose", 2000, "description"),
    intendedUse: text("intendeduse", 2000, "intended_use"),
    kind: one("kind", "kind", aiSystemKindLabels),
    vendor: text("vendor", 200, "vendor"),
    businessUnit: text("businessunit", 120, "business_unit"),
    dataCategories: many("datacategories", "data_categories", dataCategoryLabels),
    affectedParties: many("affectedparties", "affected_parties", affectedPartyLabels),
    autonomyLevel: one("autonomylevel", "autonomy_level", autonomyLevelLabels),
    regulatedDomain: one("regulateddomain", "regulated_domain", regulatedDomainLabels),
    lifecycleStage: one("lifecyclestage", "lifecycle_stage", lifecycleStageLabels),
    inAimsScope: !/^(no|false|n)$/i.test(scope),
  };
  if (entry.dataCategories && entry.dataCategories.includes("public_only") && entry.dataCategories.length > 1) issues.push('data_categories: "public_only" cannot be combined with other data');
  const missing = missingQuestions(entry);
  const tier =
    entry.dataCategories && entry.dataCategories.length > 0 && entry.affectedParties && entry.autonomyLevel && entry.regulatedDomain
      ? deriveRiskTier({ dataCategories: entry.dataCategories, affectedParties: entry.affectedParties, autonomyLevel: entry.autonomyLevel, regulatedDomain: entry.regulatedDomain })
      : null;
  return { ...entry, missing, tier };
}

function missingQuestions(entry: Omit<InventoryEntry, "missing" | "tier">): RegistrationQuestion[] {
  return (Object.keys(registrationQuestions) as RegistrationQuestion[]).filter((question) => {
    if (question === "vendor") return entry.kind !== "internal_model" && !entry.vendor;
    const value = entry[question];
    return value === null || (question === "dataCategories" && Array.isArray(value) && value.length === 0);
  });
}
