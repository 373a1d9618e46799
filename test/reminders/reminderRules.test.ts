import { describe, expect, it } from "vitest";
import { nextWorkingMoment, stageKey, stageOf } from "../../src/domain/reminderRules.js";

const settings = { daysBefore: [14, 7, 1] };
const hours = { start: 9, end: 17 };
const due = new Date("2026-12-31T00:00:00Z");
const on = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("when reminders go out", () => {
  it("announces 14, 7 and 1 days before, on the day, then every 3 days while overdue, three times", () => {
    const keys = ["2026-12-01", "2026-12-17", "2026-12-20", "2026-12-24", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-03", "2027-01-04", "2027-01-07", "2027-01-09", "2027-01-10"].map((day) => {
      const stage = stageOf(due, on(day), settings);
      return stage ? stageKey(stage) : null;
    });
    expect(keys).toEqual([null, "before-14", "before-14", "before-7", "before-1", "due", "overdue-0", "overdue-0", "overdue-1", "overdue-2", "overdue-2", null]);
  });

  it("waits for working hours on a weekday in the recipient's own time zone", () => {
    // Friday 18:30 in Berlin is after hours: Monday 09:00 Berlin (08:00 UTC) is next.
    expect(nextWorkingMoment(new Date("2026-12-04T17:30:00Z"), "Europe/Berlin", hours).toISOString()).toBe("2026-12-07T08:00:00.000Z");
    // Already inside working hours: now.
    expect(nextWorkingMoment(new Date("2026-12-03T10:15:00Z"), "Europe/London", hours).toISOString()).toBe("2026-12-03T10:15:00.000Z");
    // 07:00 in New York on a Tuesday waits two hours; Sunday in Tokyo waits for Monday 09:00 JST.
    expect(nextWorkingMoment(new Date("2026-12-08T12:00:00Z"), "America/New_York", hours).toISOString()).toBe("2026-12-08T14:00:00.000Z");
    expect(nextWorkingMoment(new Date("2026-12-06T03:00:00Z"), "Asia/Tokyo", hours).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    // A zone nobody can read falls back to UTC rather than stopping reminders.
    expect(nextWorkingMoment(new Date("2026-12-05T10:00:00Z"), "Mars/Olympus", hours).toISOString()).toBe("2026-12-07T09:00:00.000Z");
  });

  it("opens at 09:00 local in zones off UTC by a fraction of an hour and across daylight-saving changes", () => {
    // 05:30 in Kolkata (+05:30) and 05:45 in Kathmandu (+05:45) on a Wednesday: 09:00 local the same day.
    expect(nextWorkingMoment(new Date("2026-12-09T00:00:00Z"), "Asia/Kolkata", hours).toISOString()).toBe("2026-12-09T03:30:00.000Z");
    expect(nextWorkingMoment(new Date("2026-12-09T00:00:00Z"), "Asia/Kathmandu", hours).toISOString()).toBe("2026-12-09T03:15:00.000Z");
    // 17:10 in Kolkata is after hours: 09:00 IST the next morning, not 09:30.
    expect(nextWorkingMoment(new Date("2026-12-09T11:40:00Z"), "Asia/Kolkata", hours).toISOString()).toBe("2026-12-10T03:30:00.000Z");
    // London moves to BST on Sunday 29 March 2026: Monday opens at 09:00 BST, 08:00 UTC.
    expect(nextWorkingMoment(new Date("2026-03-28T12:00:00Z"), "Europe/London", hours).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    // New York leaves daylight time on Sunday 1 November 2026: Monday opens at 09:00 EST, 14:00 UTC.
    expect(nextWorkingMoment(new Date("2026-10-31T12:00:00Z"), "America/New_York", hours).toISOString()).toBe("2026-11-02T14:00:00.000Z");
    // Lord Howe Island moves by half an hour (+10:30 / +11): still 09:00 on its clock.
    expect(nextWorkingMoment(new Date("2026-10-03T12:00:00Z"), "Australia/Lord_Howe", hours).toISOString()).toBe("2026-10-04T22:00:00.000Z");
  });
});
