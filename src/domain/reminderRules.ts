// When a reminder goes out: a few days before something falls due (default 14, 7 and 1), on the
// day, then every few days while it is overdue (capped), escalating after a number of overdue days.
// Always inside the recipient's working hours in their own time zone.
import { DateTime, IANAZone } from "luxon";
import { displayDate } from "./dateDisplay.js";
export interface ReminderSettings {
  /** Days before a due date when a reminder goes out, largest first. */
  daysBefore: number[];
  /** Reminders arrive between these hours on weekdays, in the recipient's time zone. */
  workingHours: { start: number; end: number };
  attestationMonths: number;
  /** Overdue this many days: the governance team (and the owner's manager) are told. */
  escalateAfterDays: number;
}


const day = 24 * 60 * 60 * 1000;
/** Overdue reminders repeat this often, at most `overdueRepeats` times. */
export const overdueEveryDays = 3;
export const overdueRepeats = 3;

export type ReminderStage = { kind: "before"; days: number } | { kind: "due" } | { kind: "overdue"; days: number; repeat: number };

/** Whole days from `now` (its calendar day in UTC) to the due date: negative when overdue. */
export function daysUntil(dueOn: Date, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const due = Date.UTC(dueOn.getUTCFullYear(), dueOn.getUTCMonth(), dueOn.getUTCDate());
  return Math.round((due - today) / day);
}

/** The stage reached today, or null when nothing is due yet (or the overdue repeats are used up). */
export function stageOf(dueOn: Date, now: Date, settings: Pick<ReminderSettings, "daysBefore">): ReminderStage | null {
  const left = daysUntil(dueOn, now);
  if (left === 0) return { kind: "due" };
  if (left > 0) {
    // The nearest announced stage not yet passed: 10 days before with 14/7/1 is still the "14 days" stage.
    const reached = settings.daysBefore.filter((days) => days >= left);
    return reached.length > 0 ? { kind: "before", days: Math.min(...reached) } : null;
  }
  const overdue = -left;
  const repeat = Math.floor((overdue - 1) / overdueEveryDays);
  return repeat < overdueRepeats ? { kind: "overdue", days: overdue, repeat } : null;
}

/** A key that is the same for every scan on the same stage, so a reminder is created once. */
export function stageKey(stage: ReminderStage): string {
  return stage.kind === "before" ? `before-${stage.days}` : stage.kind === "due" ? "due" : `overdue-${stage.repeat}`;
}

export const shouldEscalate = (dueOn: Date, now: Date, settings: Pick<ReminderSettings, "escalateAfterDays">) => -daysUntil(dueOn, now) >= settings.escalateAfterDays;

/**
 * The first moment at or after `now` inside working hours on a weekday in `timeZone`. Worked out on
 * the zone's own calendar (luxon, over the IANA database), so a zone half or three quarters of an hour
 * off UTC (Asia/Kolkata, Asia/Kathmandu) opens at its own 09:00 and a daylight-saving change moves
 * the opening with the clocks.
 */
export function nextWorkingMoment(now: Date, timeZone: string, hours: ReminderSettings["workingHours"]): Date {
  const local = DateTime.fromJSDate(now, { zone: validZone(timeZone) });
  // A long weekend is at most a few days; a week ahead always finds a weekday.
  for (let days = 0; days < 8; days++) {
    const day = local.startOf("day").plus({ days });
    if (day.weekday > 5) continue; // luxon: Monday 1 … Sunday 7
    const opens = day.set({ hour: hours.start });
    const closes = hours.end >= 24 ? day.plus({ days: 1 }) : day.set({ hour: hours.end });
    if (local < opens) return opens.toJSDate();
    if (local < closes) return now;
  }
  return now;
}

/** A time zone nobody can read (a typo in a profile) falls back to UTC rather than stopping reminders. */
function validZone(timeZone: string): string {
  return IANAZone.isValidZone(timeZone) ? timeZone : "UTC";
}

/** "in 7 days (10 April 2026)", "tomorrow (…)", "today (…)", "yesterday (…)", "3 days ago (…)": how a reminder names its due date. */
export function dueWording(dueOn: Date, now: Date): string {
  return `${relativeDay(daysUntil(dueOn, now))} (${displayDate(dueOn)})`;
}

/** "today", "tomorrow", "in 7 days", "yesterday", "3 days ago": never "in 1 day" or "0 days ago". */
export function relativeDay(daysAhead: number): string {
  if (daysAhead === 0) return "today";
  if (daysAhead === 1) return "tomorrow";
  if (daysAhead === -1) return "yesterday";
  return daysAhead > 0 ? `in ${daysAhead} days` : `${-daysAhead} days ago`;
}
