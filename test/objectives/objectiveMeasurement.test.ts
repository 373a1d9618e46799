// Measuring AI objectives (ISO/IEC 42001 9.1) through the local chat's HTTP API, as the browser page
// drives it: the demo objectives' measures and results, a result recorded in one line and one step
// by step, who may record, the reminder when a result is due and its button, and the results in the
// digest, the management-review inputs, the export and the evidence pack.
import { describe, expect, it } from "vitest";
import { buildWeeklyDigest } from "../../src/digest/buildWeeklyDigest.js";
import { renderDigestMarkdown } from "../../src/digest/digestMarkdown.js";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { exportText } from "../../src/export/recordExport.js";
import { queueReminders } from "../../src/reminders/reminderScan.js";
import { systemActor } from "../../src/store/changeHistory.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";
import { displayDate } from "../../src/domain/dateDisplay.js";

const reminderSettings = { daysBefore: [14, 7, 1], workingHours: { start: 9, end: 17 }, attestationMonths: 6, escalateAfterDays: 7 };
const texts = (messages: { kind: string }[]) => messages.map((message) => ("text" in message ? String(message.text) : "title" in message ? String(message.title) : "")).join("\n");

describe("measuring AI objectives in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  const today = new Date().toISOString().slice(0, 10);
  const shownToday = displayDate(today);

  const { say, click } = chat;

  it("shows a demo objective's measure and its results, latest first, with who recorded each", async () => {
    const shown = await say("tom", "objective OBJ-0001");
    expect(texts(shown)).toContain("What is measured: Share of AI systems in use with a named owner");
    expect(texts(shown)).toContain("How often: quarterly; next result due 30 December 2026");
    expect(texts(shown)).toContain("Met when: at least 100%");
    const results = shown.find((message) => message.kind === "record_list" && message.title === "Results of OBJ-0001") as Extract<(typeof shown)[number], { kind: "record_list" }>;
    expect(results.items.map((item) => item.text)).toEqual([
      "30 September 2026 · 91% · not met · recorded by Amara Okafor via Slack · 21 of 23; the two remaining reports are being registered",
      "30 June 2026 · 83% · not met · recorded by Amara Okafor via Slack · 19 of 23; four found through shadow-AI reports",
    ]);
  });

  it("records a result in one line, judged against the target with the trend, and refuses those who may not or a result in the wrong unit", async () => {
    expect(firstOfKind(await say("tom", "measure OBJ-0001 95%"), "error")!.text).toBe("Only the governance team or OBJ-0001's owner (Amara Okafor) can record its results.");
    expect(firstOfKind(await say("amara", "measure OBJ-0001 plenty"), "error")!.text).toBe('Please give the result as a figure, e.g. "measure OBJ-0001 87%" (a note may follow: "measure OBJ-0001 87% from the Q4 inventory count").');
    expect(firstOfKind(await say("amara", "measure OBJ-0004 87%"), "error")!.text).toBe("OBJ-0004 is measured in days, not percent. Please give the result in days.");
    expect(firstOfKind(await say("amara", "measure OBJ-0099 87%"), "error")!.text).toBe('There is no objective OBJ-0099. Type "objectives" to see them.');

    const done = firstOfKind(await say("amara", "measure OBJ-0001 95% after the November registrations"), "done")!;
    expect(done.title).toBe(`MSR-0008: OBJ-0001 measured 95% on ${shownToday}, not met against the target of at least 100%`);
    expect(done.lines).toEqual(["Up 4 points since the last result (better).", expect.stringMatching(/^Next result due \d{1,2} [A-Z][a-z]+ \d{4} \(quarterly\); OBJ-0001's owner will be reminded\.$/)]);
    const stored = await chat.database.prisma.objectiveMeasurement.findUniqueOrThrow({ where: { reference: "MSR-0008" }, include: { recordedBy: true } });
    expect(stored).toMatchObject({ value: 95, unit: "%", met: false, targetValue: 100, note: "after the November registrations", recordedVia: "local_chat" });
    expect(stored.recordedBy.displayName).toBe("Amara Okafor");
    expect(await chat.database.prisma.changeLog.count({ where: { entityType: "ObjectiveMeasurement", entityRef: "MSR-0008", actorLabel: "Amara Okafor" } })).toBe(1);

    // A result at most the target in days is met.
    expect(firstOfKind(await say("amara", "measure OBJ-0004 0.5 days"), "done")!.title).toBe(`MSR-0009: OBJ-0004 measured 0.5 days on ${shownToday}, met against the target of at most 1 day`);
  });

  it("asks for a result step by step when none is given, and its owner records it", async () => {
    expect(firstOfKind(await say("tom", "measure OBJ-0003"), "error")!.text).toBe("Only the governance team or OBJ-0003's owner (Priya Raman) can record its results.");
    const started = await say("priya", "measure OBJ-0003");
    expect(texts(started)).toContain("Recording a result for OBJ-0003.");
    expect(firstOfKind(started, "question")!.stepId).toBe("value");
    expect(firstOfKind(await say("priya", "most people"), "error")!.text).toBe('Please give the result as a figure, e.g. "87%" or "4 days".');
    expect(firstOfKind(await say("priya", "96%"), "question")!.stepId).toBe("measuredOn");
    expect(firstOfKind(await say("priya", "in 3 days"), "error")!.text).toMatch(/future/);
    const summary = firstOfKind(await say("priya", "yesterday", "From the competence register"), "summary")!;
    expect(summary.fields.map((field) => `${field.label}: ${field.value}`).slice(1, 2)).toEqual(["Result: 96%"]);
    const done = firstOfKind(await say("priya", "confirm"), "done")!;
    expect(done.title).toMatch(/^MSR-0010: OBJ-0003 measured 96% on \d{1,2} [A-Z][a-z]+ \d{4}, met against the target of at least 95%$/);
    expect(done.lines[0]).toBe("First result.");
  });

  it("reminds an objective's owner when the next result is due, with a button that asks for it", async () => {
    // OBJ-0002 (Lukas Brandt's) is measured quarterly; its last result stands for 30 September.
    await queueReminders(chat.database.prisma, new Date("2026-12-29T10:00:00Z"), reminderSettings);
    const reminder = await chat.database.prisma.notification.findFirstOrThrow({ where: { recordRef: "measure:OBJ-0002" } });
    expect(reminder).toMatchObject({ audience: `person:${people.get("lukas")}`, kind: "reminder" });
    expect(reminder.subject).toBe("Reminder: The next result of OBJ-0002 (Share of high-tier AI systems with an impact assessment less than 12 months old)");
    expect((reminder.actions as { label: string }[]).map((button) => button.label)).toEqual(["Record the result", "Snooze 1 day", "Snooze 1 week"]);
    // An achieved objective is no longer chased.
    expect(await chat.database.prisma.notification.count({ where: { recordRef: "measure:OBJ-0004" } })).toBe(0);

    expect(firstOfKind(await click("tom", "OBJ-0002", "measure"), "error")!.text).toBe("Only the governance team or OBJ-0002's owner (Lukas Brandt) can record its results.");
    expect(firstOfKind(await click("lukas", "OBJ-0002", "measure"), "question")!.stepId).toBe("value");
    expect(firstOfKind(await say("lukas", "83%", "skip", "skip", "confirm"), "done")!.title).toBe(`MSR-0011: OBJ-0002 measured 83% on ${shownToday}, not met against the target of at least 100%`);
  });

  it("shows the latest result against the target and the trend in the digest and the management-review inputs", async () => {
    const digest = firstOfKind(await say("priya", "digest"), "notice")!;
    expect(digest.text).toContain("AI objectives measured:");
    expect(digest.text).toContain(`  • OBJ-0001 Share of AI systems in use with a named owner: 95% on ${shownToday}, not met (target at least 100%); up 4 points since the last result (better)`);
    expect(digest.text).toContain(`  • OBJ-0004 Longest time from report to triage of a SEV1 or SEV2 incident in the month, in working days: 0.5 days on ${shownToday}, met (target at most 1 day); down 0.5 days since the last result (better)`);
    const markdown = renderDigestMarkdown(await buildWeeklyDigest(chat.database.prisma, { now: new Date(), timeZone: "UTC" }));
    expect(markdown).toContain("## AI objectives measured\n- OBJ-0001 Share of AI systems in use with a named owner: 95%");

    const scheduled = firstOfKind(await say("amara", "schedule review 2027-01-15 Q1 management review"), "text")!.text;
    const reference = /REV-\d{4}/.exec(scheduled)![0];
    const inputs = firstOfKind(await say("amara", `review inputs ${reference}`), "text")!.text;
    expect(inputs).toContain("## Monitoring and measurement results");
    expect(inputs).toContain("- 11 results recorded in this period; latest result not met for 2 of 4 measured objectives");
    expect(inputs).toContain(`- OBJ-0003 Share of owners and governance members with valid responsible AI training: 96% on`);
  });

  it("exports every result, and puts them in the evidence pack as evidence for 9.1 and 6.2", async () => {
    const rows = JSON.parse(await exportText(chat.database.prisma, "objective-measurements", "json")) as Record<string, unknown>[];
    expect(rows).toHaveLength(11);
    expect(rows.find((row) => row.reference === "MSR-0008")).toMatchObject({ objective: "OBJ-0001", metric: "Share of AI systems in use with a named owner", value: 95, unit: "%", target: "at least 100%", met: false, recordedByName: "Amara Okafor", recordedVia: "local_chat", frequency: "quarterly" });
    const pack = await buildEvidencePack(chat.database.prisma, new Date(), { timeZone: "UTC", exportedBy: systemActor("cli") });
    const file = (path: string) => String(pack.find((candidate) => candidate.path === path)?.content ?? "");
    expect(file("objective-measurements.md")).toContain("| MSR-0008 | OBJ-0001 | Share of AI systems in use with a named owner |");
    expect(file("objective-measurements.csv").split("\n")[0]).toContain("reference,objective,objectiveText,metric,method,frequency,value,unit,measuredOn,target,met");
    expect(file("README.md")).toMatch(/9\.1[^\n]*objective-measurements/);
  });
});
