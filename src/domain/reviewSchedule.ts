// When an AI system is next reviewed, by risk tier (ISO/IEC 42001 A.6.2.6 operation and monitoring).
import type { RiskTier } from "../generated/prisma/enums.js";

export type ReviewIntervals = Record<RiskTier, number>;

/** Months between reviews; the organisation may change them (AIMS_REVIEW_MONTHS). */
export const defaultReviewIntervals: ReviewIntervals = { high: 3, medium: 6, low: 12 };

/** Adds calendar months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function nextReviewDate(tier: RiskTier, from: Date, intervals: ReviewIntervals = defaultReviewIntervals): Date {
  const months = intervals[tier];
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}

/** Parses "high=3,medium=6,low=12" (any subset); throws with a readable message otherwise. */
export function parseReviewIntervals(text: string): ReviewIntervals {
  const intervals = { ...defaultReviewIntervals };
  for (const part of text.split(",").map((item) => item.trim()).filter(Boolean)) {
    const match = /^(high|medium|low)\s*=\s*(\d{1,2})$/.exec(part);
    if (!match || Number(match[2]) < 1) throw new Error(`"${part}" is not tier=months (e.g. high=3)`);
    intervals[match[1] as RiskTier] = Number(match[2]);
  }
  return intervals;
}
