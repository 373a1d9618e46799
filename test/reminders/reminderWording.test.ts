// Every kind of reminder the demo organisation gets over half a year, read as the person receiving it
// would: a sentence with the date written out, no codes or ISO dates, a button that does the thing.
import { beforeAll, describe, expect, it } from "vitest";
import { queueReminders } from "../../src/reminders/reminderScan.js";
import { useLocalChat } from "../support/localChatSession.js";

const settings = { daysBefore: [14, 7, 1], workingHours: { start: 9, end: 17 }, attestationMonths: 6, escalateAfterDays: 7 };

describe("reminders as people read them", () => {
  const chat = useLocalChat();
  beforeAll(async () => {
    for (const at of ["2026-12-01T10:00:00Z", "2027-02-01T10:00:00Z", "2027-06-15T10:00:00Z"]) await queueReminders(chat.database.prisma, new Date(at), settings);
  });

  const reminders = () => chat.database.prisma.notification.findMany({ where: { kind: "reminder" }, orderBy: { createdAt: "asc" } });

  it("covers the owners' reminders: system reviews, confirmations, risks, impact, suppliers and policies", async () => {
    const kinds = new Set((await reminders()).map((row) => (row.recordRef ?? "").split(":")[0]));
    for (const kind of ["review", "attestation", "risk", "impact", "supplier", "policy"]) expect(kinds, kind).toContain(kind);
  });

  it("says what is due and when in a sentence, with no ISO date, code or '0 days'", async () => {
    for (const row of await reminders()) {
      expect(row.subject, row.subject).toMatch(/^(Reminder|Overdue): [A-Z]/);
      expect(row.text, row.text).toMatch(/^[A-Z].* (is due|was due|expires|expired) (in \d+ days|\d+ days ago|today|tomorrow|yesterday) \(\d{1,2} [A-Z][a-z]+ \d{4}\)(: [a-z].*)?\.$/);
      expect(row.text).not.toMatch(/\d{4}-\d{2}-\d{2}|\b[a-z]+_[a-z_]+\b|\b0 days\b|\.\.|\s\./);
    }
  });

  it("offers a button that does the thing besides snoozing, except for a training's renewal", async () => {
    for (const row of await reminders()) {
      const labels = (row.actions as { label: string }[]).map((action) => action.label);
      expect(labels.slice(-2)).toEqual(["Snooze 1 day", "Snooze 1 week"]);
      if (!(row.recordRef ?? "").startsWith("training:")) expect(labels.length, `${row.subject}: ${labels.join(", ")}`).toBeGreaterThan(2);
    }
  });
});
