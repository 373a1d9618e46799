// Calendar arithmetic in an IANA time zone. The digest's week starts on Monday 00:00 where the
// reader is, not in UTC: a Sunday-evening incident in Europe/London belongs to last week even when
// it is already Monday in UTC, and the other way round in Asia/Singapore.

/** A calendar date written YYYY-MM-DD, with no time and no zone. */
export type CalendarDate = string;

const dayMs = 24 * 60 * 60 * 1000;

/** Throws a readable error for a zone name Intl does not know (e.g. "Europe/Londn"). */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
  } catch {
    throw new RangeError(`"${timeZone}" is not a time zone (use an IANA name such as Europe/London)`);
  }
}

/** The wall-clock date and time of an instant in a zone, as UTC fields of a Date (so no zone applies twice). */
function wallClock(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return new Date(Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"), field("second")));
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetAt(instant: Date, timeZone: string): number {
  const wholeSeconds = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return wallClock(wholeSeconds, timeZone).getTime() - wholeSeconds.getTime();
}

export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  return wallClock(instant, timeZone).toISOString().slice(0, 10);
}

/** Days added to a calendar date (pure calendar arithmetic, no zone involved). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The Monday on or before a calendar date. */
export function mondayOf(date: CalendarDate): CalendarDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * The instant a calendar date starts in a zone. The offset is looked up twice because the first
 * guess may fall on the other side of a daylight-saving change.
 */
export function startOfDayIn(date: CalendarDate, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  const firstGuess = asUtc - offsetAt(new Date(asUtc), timeZone);
  return new Date(asUtc - offsetAt(new Date(firstGuess), timeZone));
}

/** A @db.Date column holds a calendar date as UTC midnight; this is the value to compare it with. */
export function asDateColumn(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Calendar months before an instant, clamped to the month's last day (31 Aug − 6 months = 28/29 Feb). */
export function monthsBefore(instant: Date, months: number): Date {
  const target = new Date(instant);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(instant.getUTCDate(), lastDay));
  return target;
}

/** Whole days between two calendar dates (later minus earlier). */
export function daysBetween(earlier: CalendarDate, later: CalendarDate): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / dayMs);
}
