// What a notice's button may send back. Button values travel through the platform and come back
// as data anyone could forge, so they are checked here before they become a turn.
import { z } from "zod";
import type { NoticeAction } from "./messages.js";

/** A record reference (AIS-0001, RSK-0002, NC-0003…) or an Annex A control (A.6.2.4). */
export const recordReferencePattern = /^(?:[A-Z]{2,3}-\d{4,}|A\.\d{1,2}(?:\.\d{1,2}){1,2})$/;

export const noticeInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("incident_action"), reference: z.string().regex(/^INC-\d{4,}$/), action: z.string().min(1).max(40) }),
  z.object({ kind: z.literal("reminder_action"), item: z.string().min(3).max(100), action: z.string().min(1).max(40) }),
  z.object({ kind: z.literal("record_action"), reference: z.string().regex(recordReferencePattern), action: z.string().min(1).max(40) }),
]);

export function parseNoticeInput(value: unknown): NoticeAction["input"] | null {
  const parsed = noticeInputSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The buttons stored with a notification, keeping only well-formed ones. */
export function noticeActionsFrom(stored: unknown): NoticeAction[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((candidate: { label?: unknown; input?: unknown }) => {
    const input = parseNoticeInput(candidate?.input);
    return input && typeof candidate.label === "string" ? [{ label: candidate.label, input }] : [];
  });
}
