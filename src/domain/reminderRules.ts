// When a reminder goes out: a few days before something falls due (default 14, 7 and 1), on the
// day, then every few days while it is overdue (capped), escalating after a number of overdue days.
// Always inside the recipient's working hours in their own time zone.
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
 * The first moment at or after `now` inside working hours on a weekday in `timeZone`.
 * Searched hour by hour (at most a long weekend ahead), which keeps daylight-saving changes right.
 */
export function nextWorkingMoment(now: Date, timeZone: string, hours: ReminderSettings["workingHours"]): Date {
  const zone = validZone(timeZone);
  for (let step = 0; step < 24 * 4; step++) {
    const candidate = step === 0 ? now : startOfHour(new Date(now.getTime() + step * 60 * 60 * 1000));
    const { weekday, hour } = localTime(candidate, zone);
    if (weekday >= 1 && weekday <= 5 && hour >= hours.start && hour < hours.end) return candidate;
  }
  return now;
}

const startOfHour = (date: Date) => new Date(Math.floor(date.getTime() / (60 * 60 * 1000)) * 60 * 60 * 1000);

function localTime(date: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "numeric", hourCycle: "h23" }).formatToParts(date);
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.find((part) => part.type === "weekday")!.value);
  return { weekday, hour: Number(parts.find((part) => part.type === "hour")!.value) };
}

/** A time zone nobody can read (a typo in a profile) falls back to UTC rather than stopping reminders. */
function validZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** "in 7 days", "today", "3 days ago": how a reminder names its due date. */
export function dueWording(dueOn: Date, now: Date): string {
  const left = daysUntil(dueOn, now);
  const date = dueOn.toISOString().slice(0, 10);
  if (left === 0) return `today (${date})`;
  if (left > 0) return `in ${left} day${left === 1 ? "" : "s"} (${date})`;
  return `${-left} day${left === -1 ? "" : "s"} ago (${date})`;
}
