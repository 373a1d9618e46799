// Dates as people in the organisation write them (AIMS_LOCALE), through the local chat's HTTP API:
// day first in en-GB, month first in en-US, impossible dates named, due dates never in the past, and
// relative dates stored as days without a time of day nobody gave.
import { DateTime } from "luxon";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.js";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { startService, type RunningService } from "../../src/service.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { closeLocalChat, firstOfKind, localChatTurns, openLocalChat } from "../support/localChatSession.js";

describe("dates in the local chat", () => {
  let database: TestDatabase;
  let service: RunningService;
  let american: RunningService;
  const people = new Map<string, string>();

  beforeAll(async () => {
    ({ database, service } = await openLocalChat(people));
    // A second service over the same organisation, configured for a US office.
    american = await startService({ ...loadConfig({ LOCAL_CHAT: "on", AIMS_LOCALE: "en-US" }), port: 0 }, pino({ level: "silent" }), { database });
  });
  afterAll(async () => {
    await american.stop();
    await closeLocalChat({ database, service });
  });

  const uk = localChatTurns(() => service.url, people);
  const us = localChatTurns(() => american.url, people);
  const texts = (messages: OutgoingMessage[]) => messages.filter((message) => message.kind === "text" || message.kind === "error").map((message) => (message as { text: string }).text);
  const question = (messages: OutgoingMessage[]) => messages.findLast((message) => message.kind === "question") as Extract<OutgoingMessage, { kind: "question" }> | undefined;
  const today = () => DateTime.utc().startOf("day");

  /** Starts an incident report and answers up to the "when did it happen?" question. */
  async function atWhenItHappened(chat: typeof uk, person: string): Promise<void> {
    await chat.turn(person, { kind: "start", flowId: "report_incident" });
    const asked = await chat.say(person, "skip", "The chatbot gave a customer the wrong excess for their policy", "inaccurate_output");
    expect(question(asked)?.stepId).toBe("occurredAt");
  }

  it("reads 03/04/2026 day first in en-GB, says the day back at once, and stores the day without a time", async () => {
    await atWhenItHappened(uk, "tom");
    const reply = await uk.say("tom", "03/04/2026");
    expect(texts(reply)).toContain("When it happened: 3 April 2026.");
    expect(question(reply)?.stepId).toBe("affectedParties");
    await uk.say("tom", "cancel");
  });

  it("reads 03/04/2026 month first in en-US", async () => {
    await atWhenItHappened(us, "leila");
    expect(texts(await us.say("leila", "03/04/2026"))).toContain("When it happened: March 4, 2026.");
    const impossible = await us.say("leila", "back", "13/04/2026");
    expect(texts(impossible)).toContain('"13/04/2026" has no month 13: dates here are written month/day/year.');
    await us.say("leila", "cancel");
  });

  it("names an impossible date instead of the generic message, and keeps the question", async () => {
    await atWhenItHappened(uk, "tom");
    const reply = await uk.say("tom", "31/02/2026");
    expect(texts(reply)).toContain('"31/02/2026" is not a date: February 2026 has 28 days (dates here are written day/month/year).');
    expect(question(reply)?.stepId).toBe("occurredAt");
    expect(texts(await uk.say("tom", "30 February 2026"))).toContain('"30 February 2026" is not a date: February 2026 has 28 days (dates here are written day/month/year).');
    await uk.say("tom", "cancel");
  });

  it("stores \"yesterday\" as yesterday's date, with no time of day", async () => {
    await atWhenItHappened(uk, "tom");
    const yesterday = today().minus({ days: 1 });
    expect(texts(await uk.say("tom", "yesterday"))).toContain(`When it happened: ${yesterday.setLocale("en-GB").toFormat("d LLLL yyyy")}.`);
    await uk.say("tom", "one customer", "no", "sev4", "skip", "no", "no");
    const done = firstOfKind(await uk.say("tom", "confirm"), "done")!;
    const incident = await database.prisma.incident.findUniqueOrThrow({ where: { reference: done.reference } });
    expect(incident.occurredAt?.toISOString()).toBe(`${yesterday.toISODate()}T00:00:00.000Z`);
  });

  it("refuses a corrective action due yesterday, never suggests a past date, and stores next Friday as a day", async () => {
    const incident = await database.prisma.incident.findFirstOrThrow({ where: { status: "investigating" }, orderBy: { reference: "asc" } });
    await uk.turn("amara", { kind: "incident_action", reference: incident.reference, action: "raise_action" });
    const due = await uk.say("amara", "Add a fee check to the chatbot's answers", "me");
    expect(question(due)?.stepId).toBe("actionDue");
    expect(question(due)?.prompt).not.toMatch(/yesterday|ago/);

    const refused = await uk.say("amara", "yesterday");
    expect(texts(refused)).toContain("A due date can't be in the past; when should it be done?");
    expect(question(refused)?.stepId).toBe("actionDue");
    const unreadable = texts(await uk.say("amara", "whenever suits"));
    expect(unreadable[0]).toMatch(/^I couldn't read "whenever suits" as a date\. Try \d{1,2}\/\d{1,2}\/\d{4} \(day\/month\/year\), "next Friday" or "in 2 weeks"\.$/);
    expect(unreadable.join(" ")).not.toMatch(/yesterday|ago/);

    await uk.say("amara", "next friday");
    const done = firstOfKind(await uk.say("amara", "confirm"), "done")!;
    const action = /CA-\d{4}/.exec(done.lines.join(" "))![0];
    const stored = await database.prisma.correctiveAction.findUniqueOrThrow({ where: { reference: action } });
    const dueDay = DateTime.fromJSDate(stored.dueDate, { zone: "utc" });
    expect(dueDay.weekday).toBe(5);
    expect(dueDay > today()).toBe(true);
    expect(dueDay.diff(today(), "days").days).toBeLessThanOrEqual(14);
  });

  it("refuses a locale it does not know, naming the variable", () => {
    expect(() => loadConfig({ AIMS_LOCALE: "not a locale" })).toThrow(ConfigError);
    expect(() => loadConfig({ AIMS_LOCALE: "not a locale" })).toThrow(/AIMS_LOCALE: must be a locale such as en-GB/);
    expect(loadConfig({}).dates.locale).toBe("en-GB");
  });
});
