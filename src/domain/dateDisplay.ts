// How a date reads to people: in the organisation's locale style (AIMS_LOCALE, default en-GB:
// "3 April 2026"; en-US: "April 3, 2026"), never as ISO "2026-04-03". One formatter for chat
// replies, notices, reminders and the digest, so every surface writes a date the same way.
// A date with no time of day (stored at midnight UTC) is that calendar day wherever it is read; an
// instant is shown on the organisation's calendar (AIMS_DIGEST_TIME_ZONE).

export interface DateDisplaySettings {
  locale: string;
  timeZone: string;
}

let settings: DateDisplaySettings = { locale: "en-GB", timeZone: "UTC" };

/** Set once at start-up from the configuration (the service, the CLI); the default is en-GB and UTC. */
export function configureDateDisplay(next: DateDisplaySettings): void {
  settings = next;
}

export const dateDisplaySettings = (): DateDisplaySettings => settings;

const isCalendarDay = (date: Date) => date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** "3 April 2026": the day, in the organisation's locale (or the one given, for an engine configured on its own). */
export function displayDate(value: Date | string, options: { weekday?: boolean; locale?: string } = {}): string {
  const date = asDate(value);
  return new Intl.DateTimeFormat(options.locale ?? settings.locale, {
    ...(options.weekday ? { weekday: "short" } : {}),
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: isCalendarDay(date) ? "UTC" : settings.timeZone,
  }).format(date);
}

/** "3 April 2026, 14:05 BST" for an instant; a calendar day (no time given) reads as displayDate. */
export function displayDateTime(value: Date | string, locale = settings.locale): string {
  const date = asDate(value);
  if (isCalendarDay(date)) return displayDate(date, { locale });
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone: settings.timeZone,
  }).format(date);
}

/** "3 April 2026", or the given words when there is no date. */
export const displayDateOr = (value: Date | null | undefined, missing: string) => (value ? displayDate(value) : missing);
