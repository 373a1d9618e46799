// Competence records (ISO/IEC 42001 7.2): who completed which course, when, and until when it counts.
// One schema for every way a record arrives (chat, CSV import), so both are checked alike.
import { z } from "zod";

const day = 24 * 60 * 60 * 1000;
const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form 2026-11-20.").transform((text) => new Date(`${text}T00:00:00Z`));

export const trainingFieldsSchema = z
  .object({
    personId: z.string().min(1),
    course: z.string().trim().min(2, "Please name the course.").max(200, "Please shorten the course name to 200 characters."),
    completedOn: z.date(),
    validUntil: z.date().nullable(),
    provider: z.string().trim().max(200).nullable(),
    evidenceLink: z.string().trim().url("The evidence link must be a full link starting with https://.").nullable(),
  })
  .refine((record) => !record.validUntil || record.validUntil > record.completedOn, { message: "It must stay valid until after it was completed.", path: ["validUntil"] });

export type NewTrainingRecord = z.infer<typeof trainingFieldsSchema>;

/** One CSV row as people write it: e-mail to name the person, ISO dates, blanks for what is unknown. */
export const trainingCsvRowSchema = z.object({
  email: z.string().trim().toLowerCase().email("The email is not an e-mail address."),
  course: z.string(),
  completed_on: isoDate,
  valid_until: z.union([z.literal("").transform(() => null), isoDate]).prefault(""),
  provider: z.string().trim().default("").transform((text) => text || null),
  evidence_link: z.string().trim().default("").transform((text) => text || null),
});

export type TrainingStatus = "valid" | "expiring" | "expired" | "no_expiry";

/** Expiring: within 30 days, when the renewal should be booked. */
export function trainingStatus(validUntil: Date | null, now: Date): TrainingStatus {
  if (!validUntil) return "no_expiry";
  if (validUntil.getTime() < now.getTime()) return "expired";
  return validUntil.getTime() - now.getTime() <= 30 * day ? "expiring" : "valid";
}

export const trainingStatusLabels: Record<TrainingStatus, string> = {
  valid: "valid",
  expiring: "expires within 30 days",
  expired: "expired",
  no_expiry: "does not expire",
};
