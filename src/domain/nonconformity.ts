// Nonconformities (ISO/IEC 42001 10.2): a requirement of the standard, or of our own AIMS, that is
// not met. Where one comes from, how its status reads, and the notices about it.
import type { NonconformitySource, NonconformityStatus } from "../generated/prisma/enums.js";
import { findRequirement } from "../iso42001/catalog.js";
import type { Notice, NoticeButton } from "./governanceNotices.js";

export const nonconformitySourceLabels: Record<NonconformitySource, string> = {
  internal_audit: "Internal audit",
  management_review: "Management review",
  incident: "Incident",
  other: "Other",
};

export const nonconformityStatusLabels: Record<NonconformityStatus, string> = {
  open: "Open",
  action_planned: "Action planned",
  closed: "Closed",
};

export const openNonconformityStatuses: readonly NonconformityStatus[] = ["open", "action_planned"];

/** Accepts "NC-7", "nc 0007": the reference as stored, or null. */
export function parseNonconformityReference(text: string): string | null {
  const match = /^\s*nc[-\s]?0*(\d{1,6})\s*$/i.exec(text);
  return match ? `NC-${match[1]!.padStart(4, "0")}` : null;
}

/** Accepts "REV-2", "rev 0002": the reference as stored, or null. */
export function parseReviewReference(text: string): string | null {
  const match = /^\s*rev[-\s]?0*(\d{1,6})\s*$/i.exec(text);
  return match ? `REV-${match[1]!.padStart(4, "0")}` : null;
}

/** The catalog's identifier for a typed clause or control ("a.6.2.4" → "A.6.2.4"), or a message for the person. */
export function requirementOf(typed: string): { ok: true; id: string; title: string } | { ok: false; message: string } {
  const found = findRequirement(typed.trim().replace(/^(clause|control)\s+/i, ""));
  if (found) return { ok: true, ...found };
  return {
    ok: false,
    message: `"${typed.trim()}" is not a clause or an Annex A control of ISO/IEC 42001. Give a clause such as 9.2.2 or 8.4, or a control such as A.6.2.4.`,
  };
}

export const nonconformityButtons = (reference: string, actions: ("view" | "plan" | "close")[]): NoticeButton[] => {
  const labels = { view: "View details", plan: "Plan corrective action", close: "Close" } as const;
  return actions.map((action) => ({ label: labels[action], input: { kind: "record_action", reference, action } }));
};

export function newNonconformityNotice(nonconformity: { reference: string; requirement: string; description: string; source: NonconformitySource; from: string | null; raisedBy: string }): Notice {
  const origin = nonconformity.from ? `${nonconformitySourceLabels[nonconformity.source].toLowerCase()} ${nonconformity.from}` : "outside an audit or review";
  return {
    kind: "nonconformity_raised",
    subject: `Nonconformity ${nonconformity.reference} raised against ${nonconformity.requirement}`,
    text: `${nonconformity.raisedBy} raised ${nonconformity.reference} (${origin}) against ${nonconformity.requirement}: ${nonconformity.description} It needs a root cause, a correction and a corrective action.`,
    recordRef: nonconformity.reference,
    actions: nonconformityButtons(nonconformity.reference, ["view", "plan"]),
  };
}
