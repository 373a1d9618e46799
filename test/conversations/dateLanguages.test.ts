// Relative dates in the organisation's language: English always; another of chrono's languages once
// loadDateLanguage has loaded it for the locale (the service and the CLI do at start).
import { describe, expect, it } from "vitest";
import { loadDateLanguage, readDate } from "../../src/conversations/dateAnswers.js";

const now = new Date("2026-11-30T10:00:00Z"); // a Monday

describe("relative dates by language", () => {
  it("reads English relative dates without loading anything", () => {
    expect(readDate("in 3 days", now, { locale: "en-GB", timeZone: "Europe/London" }, "future")).toMatchObject({ ok: true, value: "2026-12-03T00:00:00.000Z" });
  });

  it("reads German once the German locale is loaded, and English still", async () => {
    const german = { locale: "de-DE", timeZone: "Europe/Berlin" };
    await loadDateLanguage("de-DE");
    expect(readDate("morgen", now, german, "future")).toMatchObject({ ok: true, value: "2026-12-01T00:00:00.000Z" });
    expect(readDate("31.12.2026", now, german, "future")).toMatchObject({ ok: true, value: "2026-12-31T00:00:00.000Z" });
  });

  it("falls back to English for a language chrono does not have", async () => {
    await loadDateLanguage("pl-PL");
    expect(readDate("tomorrow", now, { locale: "pl-PL", timeZone: "Europe/Warsaw" }, "future")).toMatchObject({ ok: true, value: "2026-12-01T00:00:00.000Z" });
  });
});
