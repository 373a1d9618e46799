// Wording the digest needs beyond the stored codes (src/domain/labels.ts): the buckets it invents.
import { aiSystemKindLabels, riskTierLabels } from "../domain/labels.js";
import { displayDate } from "../domain/dateDisplay.js";
import type { AgeBand, KindKey, StatementOfApplicabilityCoverage, TierKey } from "./weeklyDigest.js";
import type { CalendarDate } from "./zonedCalendar.js";

export const ageBandLabels: Record<AgeBand, string> = {
  underOneDay: "Under 1 day",
  oneToSevenDays: "1–7 days",
  eightToThirtyDays: "8–30 days",
  overThirtyDays: "Over 30 days",
};

export const tierKeyLabels: Record<TierKey, string> = { ...riskTierLabels, unassessed: "Not yet assessed" };

export const kindKeyLabels: Record<KindKey, string> = { ...aiSystemKindLabels, unspecified: "Not stated" };

/** "Mon, 23 November 2026" (en-GB): a calendar date is read as it is, whatever the reader's zone, in the organisation's locale. */
export function formatCalendarDate(date: CalendarDate, options: { weekday?: boolean } = {}): string {
  return displayDate(date, { weekday: options.weekday !== false });
}

/** "23 Nov": for chart axes. */
export function formatShortDate(date: CalendarDate): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }).format(new Date(`${date}T00:00:00Z`));
}

export function formatClockTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "1 system", "3 systems". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "12 of 38 Annex A controls decided · 7 implemented · 2 excluded". */
export function describeApplicability(coverage: StatementOfApplicabilityCoverage): string {
  return `${coverage.decided} of ${coverage.controls} Annex A controls decided · ${coverage.implemented} implemented · ${coverage.excluded} excluded`;
}
