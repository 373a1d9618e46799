// Reads a date as people in the organisation write it: "03/04/2026" is 3 April in a day-first locale
// (en-GB) and 4 March in a month-first one (en-US); "31/02/2027" is refused with the reason;
// "yesterday" or "next Friday" is a calendar day in the organisation's time zone, not an instant
// with a time of day nobody gave. Explicit dates are read by luxon, relative ones by chrono.
import * as english from "chrono-node/en";
import { DateTime } from "luxon";

type Chrono = english.Chrono;

/**
 * Relative dates in languages other than English, loaded when the organisation's locale asks for one
 * (loadDateLanguage at start): chrono's every language together is 270 modules, most of a start's
 * module loading, for one language in use.
 */
const otherLanguages = new Map<string, Chrono>();
const chronoLanguages = ["de", "fr", "ja", "pt", "nl", "zh", "ru", "es", "uk", "it", "sv", "fi", "vi", "id", "ar"];

/** Loads the locale's language for relative dates ("nächsten Freitag"); English is always there. */
export async function loadDateLanguage(locale: string): Promise<void> {
  const language = languageOf(locale);
  if (language === "en" || otherLanguages.has(language) || !chronoLanguages.includes(language)) return;
  const module = (await import(`chrono-node/${language}`)) as { casual?: Chrono };
  if (module.casual) otherLanguages.set(language, module.casual);
}

const languageOf = (locale: string) => locale.split("-")[0]!.toLowerCase();

export interface DateSettings {
  /** BCP 47 locale whose date order applies to numeric dates, e.g. en-GB (day first) or en-US (month first). */
  locale: string;
  /** IANA time zone in which "today" and "yesterday" are counted. */
  timeZone: string;
}

export const defaultDateSettings: DateSettings = { locale: "en-GB", timeZone: "UTC" };

/** Which way the answer must point: when something happened, or when something is due. */
export type DateDirection = "past" | "future" | undefined;

export type DateReading =
  | { ok: true; /** ISO: midnight UTC of the day when no time was given, else the instant. */ value: string; dateOnly: boolean }
  | { ok: false; message: string };

type Part = "day" | "month" | "year";

/** The order of day, month and year in the locale's numeric dates. */
export function dateOrder(locale: string): Part[] {
  const parts = new Intl.DateTimeFormat(locale, { day: "numeric", month: "numeric", year: "numeric", timeZone: "UTC" }).formatToParts(new Date(Date.UTC(2026, 11, 20)));
  return parts.map((part) => part.type).filter((type): type is Part => type === "day" || type === "month" || type === "year");
}

/** "day/month/year" for en-GB, "month/day/year" for en-US. */
export const orderLabel = (locale: string) => dateOrder(locale).join("/");

/** A date written as this locale writes it, for examples in messages. */
export function numericDate(day: DateTime, locale: string): string {
  return day.setLocale(locale).toLocaleString({ day: "numeric", month: "numeric", year: "numeric" });
}

export function readDate(text: string, now: Date, settings: DateSettings, direction: DateDirection): DateReading {
  const answer = text.trim();
  const explicit = readExplicitDate(answer, settings.locale);
  if (explicit) return explicit;
  const relative = readRelativeDate(answer, now, settings, direction);
  if (relative) return relative;
  return { ok: false, message: `I couldn't read "${answer}" as a date. ${dateHint(now, settings, direction)}` };
}

/** What to try instead; never a suggestion the question would refuse ("yesterday" for a due date). */
export function dateHint(now: Date, settings: DateSettings, direction: DateDirection): string {
  const today = DateTime.fromJSDate(now, { zone: settings.timeZone });
  const order = orderLabel(settings.locale);
  if (direction === "future") return `Try ${numericDate(today.plus({ days: 14 }), settings.locale)} (${order}), "next Friday" or "in 2 weeks".`;
  if (direction === "past") return `Try ${numericDate(today.minus({ days: 3 }), settings.locale)} (${order}), "yesterday" or "3 days ago".`;
  return `Try ${numericDate(today.plus({ days: 14 }), settings.locale)} (${order}) or "next Friday".`;
}

const numericPattern = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const writtenFormats = ["d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy"];

/** A day written out in full (numbers, or a day and a month name with a year): valid, or refused with why. */
function readExplicitDate(answer: string, locale: string): DateReading | null {
  const numeric = numericPattern.exec(answer);
  if (numeric) {
    const order: Part[] = numeric[1]!.length === 4 ? ["year", "month", "day"] : dateOrder(locale);
    const values = Object.fromEntries(order.map((part, index) => [part, Number(numeric[index + 1])])) as Record<Part, number>;
    if (values.year < 100) values.year += 2000;
    return calendarDay(answer, values, locale);
  }
  const written = answer.replace(/,/g, " ").replace(/(\d)(st|nd|rd|th)\b/gi, "$1").replace(/\s+/g, " ");
  for (const language of [locale, "en"]) {
    for (const format of writtenFormats) {
      const explained = DateTime.fromFormatExplain(written, format, { locale: language });
      const result = explained.result as Partial<Record<Part, number>> | undefined;
      if (result?.day !== undefined && result.month !== undefined && result.year !== undefined) {
        return calendarDay(answer, { day: result.day, month: result.month, year: result.year }, locale);
      }
    }
  }
  return null;
}

function calendarDay(answer: string, values: Record<Part, number>, locale: string): DateReading {
  const order = orderLabel(locale);
  if (values.month < 1 || values.month > 12) {
    return { ok: false, message: `"${answer}" has no month ${values.month}: dates here are written ${order}.` };
  }
  const month = DateTime.fromObject({ year: values.year, month: values.month, day: 1 }, { zone: "UTC" });
  if (values.day < 1 || values.day > month.daysInMonth!) {
    return { ok: false, message: `"${answer}" is not a date: ${month.setLocale(locale).toFormat("MMMM yyyy")} has ${month.daysInMonth} days (dates here are written ${order}).` };
  }
  return { ok: true, value: month.set({ day: values.day }).toISO()!, dateOnly: true };
}

/** "yesterday", "next Friday", "in 2 weeks", "last Friday at 3pm", in the organisation's language and time zone. */
function readRelativeDate(answer: string, now: Date, settings: DateSettings, direction: DateDirection): DateReading | null {
  const zone = DateTime.fromJSDate(now, { zone: settings.timeZone });
  const [found] = parserFor(settings.locale).parse(answer, { instant: now, timezone: zone.offset }, { forwardDate: direction === "future" });
  if (!found) return null;
  if (found.start.isCertain("hour")) return { ok: true, value: found.start.date().toISOString(), dateOnly: false };
  let day = DateTime.fromObject({ year: found.start.get("year")!, month: found.start.get("month")!, day: found.start.get("day")! }, { zone: "UTC" });
  // "3 April" said of something that happened means the last 3 April, not the next one.
  if (direction === "past" && !found.start.isCertain("year") && day.toISODate()! > zone.toISODate()!) day = day.minus({ years: 1 });
  return { ok: true, value: day.toISO()!, dateOnly: true };
}

function parserFor(locale: string): Chrono {
  const dayFirst = dateOrder(locale)[0] === "day";
  return otherLanguages.get(languageOf(locale)) ?? (dayFirst ? english.GB : english.casual);
}

/** Relative dates in English as chrono reads them casually ("next Monday"), for commands typed in English. */
export const englishDates = english.casual;

/** Whether a read date points the way the question needs, counted in whole days in the organisation's time zone. */
export function pointsTheRightWay(reading: Extract<DateReading, { ok: true }>, now: Date, settings: DateSettings, direction: DateDirection): boolean {
  if (!direction) return true;
  if (!reading.dateOnly) return direction === "past" ? Date.parse(reading.value) <= now.getTime() : Date.parse(reading.value) >= now.getTime();
  const day = reading.value.slice(0, 10);
  const today = DateTime.fromJSDate(now, { zone: settings.timeZone }).toISODate()!;
  return direction === "past" ? day <= today : day >= today;
}
