// The Statement of Applicability's rules (ISO/IEC 42001 6.1.3): for each Annex A control, whether it
// applies, why (a justification is required when it is excluded), how far it is implemented, who
// owns it and where the evidence is. One schema for every way a decision arrives (chat, CSV import).
import { z } from "zod";
import type { ControlImplementation } from "../generated/prisma/enums.js";
import { lookUpWord } from "./wordTable.js";

export const implementationLabels: Record<ControlImplementation, string> = {
  not_started: "not started",
  in_progress: "in progress",
  implemented: "implemented",
};

export const undecidedLabel = "not yet decided";

export const exclusionNeedsJustification =
  "An excluded control needs a justification: auditors ask why it does not apply. Please say why (for example \"we do not develop AI systems ourselves\").";

/** One control's decision as stored. */
export interface ControlDecision {
  applicable: boolean;
  justification: string | null;
  implementation: ControlImplementation;
  ownerId: string | null;
  evidenceLinks: string[];
}

export const controlDecisionSchema = z
  .object({
    applicable: z.boolean(),
    justification: z.string().trim().max(2000, "Please keep the justification under 2,000 characters.").nullable().transform((text) => text || null),
    implementation: z.enum(["not_started", "in_progress", "implemented"]),
    ownerId: z.string().min(1).nullable(),
    evidenceLinks: z.array(z.string().url()).max(20, "At most 20 evidence links per control."),
  })
  .refine((decision) => decision.applicable || decision.justification !== null, { message: exclusionNeedsJustification, path: ["justification"] });

export type EvidenceLinksResult = { ok: true; links: string[] } | { ok: false; message: string };

/**
 * Evidence links as people type or paste them: separated by commas, spaces, semicolons or new lines.
 * Only full https links count, so an auditor can open each one; an empty answer means none.
 */
export function parseEvidenceLinks(text: string): EvidenceLinksResult {
  const items = text.split(/[\s,;]+/).filter(Boolean);
  const notLinks = items.filter((item) => !isHttpsLink(item));
  if (notLinks.length > 0) {
    // Prose instead of links reads back whole; a stray word among links is named on its own.
    const what = notLinks.length === items.length ? `"${text.trim()}" is not a full link` : `${notLinks.map((item) => `"${item}"`).join(", ")} ${notLinks.length === 1 ? "is not a full link" : "are not full links"}`;
    return { ok: false, message: `${what}. Please give links starting with https://, separated by commas or spaces, or "skip".` };
  }
  return { ok: true, links: [...new Set(items)] };
}

function isHttpsLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** How a stored decision reads in one line: "applicable · in progress · owner Kenji Tan". */
export function describeDecision(decision: ControlDecision | null, ownerName?: string | null): string {
  if (!decision) return undecidedLabel;
  const parts = decision.applicable ? ["applicable", implementationLabels[decision.implementation]] : ["excluded"];
  if (ownerName) parts.push(`owner ${ownerName}`);
  return parts.join(" · ");
}

const yes = /^(y|yes|true|1|applicable)$/i;
const no = /^(n|no|false|0|excluded|not applicable)$/i;
const implementationWords: Record<string, ControlImplementation> = {
  "": "not_started",
  "not started": "not_started",
  not_started: "not_started",
  "in progress": "in_progress",
  in_progress: "in_progress",
  implemented: "implemented",
};

/** One CSV row as people write it: yes/no, the implementation in words, blanks for what is unknown. */
export const soaCsvRowSchema = z.object({
  control: z.string().trim().min(1, "The control is missing (e.g. A.6.2.4)."),
  applicable: z
    .string()
    .trim()
    .refine((text) => yes.test(text) || no.test(text), "Write yes or no.")
    .transform((text) => yes.test(text)),
  justification: z.string().trim().default("").transform((text) => text || null),
  implementation: z
    .string()
    .trim()
    .toLowerCase()
    .default("")
    .refine((text) => lookUpWord(implementationWords, text) !== undefined, "Write not started, in progress or implemented (or leave it blank).")
    .transform((text) => lookUpWord(implementationWords, text)!),
  owner_email: z.string().trim().toLowerCase().default("").pipe(z.union([z.literal(""), z.email("The owner's email is not an e-mail address.")])).transform((text) => text || null),
  evidence_links: z.string().default("").transform((text, context) => {
    const parsed = parseEvidenceLinks(text);
    if (!parsed.ok) context.addIssue({ code: "custom", message: parsed.message.replace(/, or "skip"\.$/, ".") });
    return parsed.ok ? parsed.links : [];
  }),
});
