// Internal audits and management reviews as records: their change-history name and how to read one
// with what it found.
import type { Db } from "../store/recordWriter.js";

/** The change-history name of audits and reviews (as scheduling writes them). */
export const reviewEntity = "ScheduledReview";

/** One audit or review with its lead and the nonconformities raised from it. */
export function reviewDossier(db: Db, reference: string) {
  return db.scheduledReview.findUnique({
    where: { reference },
    include: { lead: { select: { displayName: true } }, nonconformities: { select: { reference: true, requirement: true, status: true }, orderBy: { reference: "asc" } } },
  });
}
