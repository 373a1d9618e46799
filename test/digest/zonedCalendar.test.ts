import { describe, expect, it } from "vitest";
import { digestPeriod } from "../../src/digest/weeklyDigest.js";
import { monthsBefore, startOfDayIn } from "../../src/digest/zonedCalendar.js";

describe("the digest's week in the readers' time zone", () => {
  it.each([
    // [now, zone, Monday, that Monday 00:00 as an instant]
    ["2026-03-30T08:00:00Z", "Europe/London", "2026-03-30", "2026-03-29T23:00:00Z"], // first Monday of summer time
    ["2026-11-01T12:00:00Z", "Europe/London", "2026-10-26", "2026-10-26T00:00:00Z"], // Sunday, the day after the clocks went back
    ["2026-11-23T03:00:00Z", "America/New_York", "2026-11-16", "2026-11-16T05:00:00Z"], // still Sunday evening in New York
    ["2026-11-22T16:00:00Z", "Asia/Tokyo", "2026-11-23", "2026-11-22T15:00:00Z"], // already Monday in Tokyo
    ["2026-11-25T12:00:00Z", "UTC", "2026-11-23", "2026-11-23T00:00:00Z"],
  ])("at %s in %s the week began on %s", (now, zone, monday, instant) => {
    const period = digestPeriod(new Date(now), zone);
    expect(period.weekStart).toBe(monday);
    expect(period.from.toISOString()).toBe(new Date(instant).toISOString());
  });

  it("finds midnight on a day whose midnight is in summer time", () => {
    expect(startOfDayIn("2026-07-06", "Europe/Berlin").toISOString()).toBe("2026-07-05T22:00:00.000Z");
  });

  it("refuses a time zone it does not know, by name", () => {
    expect(() => digestPeriod(new Date(), "Europe/Londn")).toThrow(/"Europe\/Londn" is not a time zone/);
  });

  it("goes back whole calendar months, clamped to the month's end", () => {
    expect(monthsBefore(new Date("2026-08-31T10:00:00Z"), 6).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(new Date("2026-11-25T12:00:00Z"), 6).toISOString()).toBe("2026-05-25T12:00:00.000Z");
  });
});
