import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueReminders } from "../../src/reminders/reminderScan.js";
import { governanceAudience, personAudience } from "../../src/store/notifications.js";
import { Outbox } from "../../src/delivery/outbox.js";
import { createHarness, findMessage, lastQuestion, type Harness } from "../support/conversationHarness.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const settings = { daysBefore: [14, 7, 1], workingHours: { start: 9, end: 17 }, attestationMonths: 6, escalateAfterDays: 7 };

describe.each(backends)("reminders (%s database)", (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await createHarness(database);
  });
  afterAll(() => database.dispose());

  const remindersFor = (item: string) => database.prisma.notification.findMany({ where: { recordRef: item }, orderBy: { createdAt: "asc" } });
  const scan = () => queueReminders(database.prisma, harness.clock.now, settings);

  it("chases a corrective action at each stage, in the owner's working hours, snoozes, escalates, and stops when done", async () => {
    const [lukas, marcus] = [harness.user("lukas"), harness.user("marcus")];
    await database.prisma.person.update({ where: { id: marcus.speaker.personId }, data: { timeZone: "America/New_York", managerId: harness.speakers.get("priya")!.personId } });
    harness.clock.now = new Date("2026-11-30T06:00:00Z"); // a Monday, 01:00 in New York
    const reference = await reportAndRaise(lukas, "2026-12-07"); // due in 7 days, owner Marcus
    const item = `action:${reference}`;

    await scan();
    await scan(); // every replica scans: still one reminder
    let reminders = await remindersFor(item);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ audience: personAudience(marcus.speaker.personId), kind: "reminder", subject: `Reminder: Corrective action ${reference}: Add drift monitoring`, text: expect.stringContaining("is due in 7 days (7 December 2026)") });
    expect(reminders[0]!.notBefore?.toISOString()).toBe("2026-11-30T14:00:00.000Z"); // 09:00 in New York
    expect((reminders[0]!.actions as { label: string }[]).map((action) => action.label)).toEqual(["Mark done", "Snooze 1 day", "Snooze 1 week"]);

    // Snoozed for a week from the reminder's button: the 1-day stage falls inside it, so nothing new.
    const snoozed = await marcus.turn({ kind: "reminder_action", item, action: "snooze_week" });
    expect(findMessage(snoozed, "text")!.text).toBe("Snoozed until 7 December 2026. I'll remind you again then if it is still open.");
    harness.clock.now = new Date("2026-12-06T12:00:00Z");
    await scan();
    expect(await remindersFor(item)).toHaveLength(1);

    // Overdue by a week: reminded again, and the governance team and Marcus's manager are told.
    harness.clock.now = new Date("2026-12-14T12:00:00Z");
    await scan();
    reminders = await remindersFor(item);
    expect(reminders.map((notice) => [notice.kind, notice.audience])).toEqual(
      expect.arrayContaining([
        ["reminder", personAudience(marcus.speaker.personId)],
        ["reminder_escalation", governanceAudience],
        ["reminder_escalation", personAudience(harness.speakers.get("priya")!.personId)],
      ]),
    );
    expect(reminders.find((notice) => notice.kind === "reminder" && notice.subject.startsWith("Overdue"))!.text).toContain("was due 7 days ago (7 December 2026)");

    // Someone else cannot mark it done; Marcus can, and what was still queued is cancelled.
    expect(findMessage(await harness.user("tom").turn({ kind: "reminder_action", item, action: "done" }), "error")!.text).toMatch(/^Only the owner of/);
    const outbox = new Outbox(database.prisma, { leaseMs: 60_000, maxAttempts: 3 });
    await outbox.fanOut(async () => [{ platform: "chat", target: "person:x" }], harness.clock.now);
    expect(findMessage(await marcus.turn({ kind: "reminder_action", item, action: "done" }), "text")!.text).toBe(`${reference} is done. Thank you!`);
    const queued = await database.prisma.notificationDelivery.findMany({ where: { notification: { recordRef: item, kind: "reminder" } } });
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((delivery) => delivery.status === "cancelled")).toBe(true);
    harness.clock.now = new Date("2026-12-20T12:00:00Z");
    const count = (await remindersFor(item)).length;
    await scan();
    expect(await remindersFor(item)).toHaveLength(count);
  });

  it("asks owners to re-attest their inventory entries; Still accurate records it and stops asking", async () => {
    const sofia = harness.user("sofia");
    const system = await database.prisma.aiSystem.findFirstOrThrow({ where: { ownerId: sofia.speaker.personId, status: "approved" } });
    harness.clock.now = new Date("2026-12-01T10:00:00Z");
    await database.prisma.aiSystem.update({ where: { id: system.id }, data: { lastAttestedAt: new Date("2026-06-08T10:00:00Z"), nextReviewDate: new Date("2027-06-01T00:00:00Z") } });
    await scan();
    const [reminder] = await remindersFor(`attestation:${system.reference}`);
    expect(reminder!.text).toBe(`Your confirmation that the inventory entry ${system.reference} ${system.name} is still accurate is due in 7 days (8 December 2026).`);
    const confirmed = await sofia.turn({ kind: "reminder_action", item: `attestation:${system.reference}`, action: "still_accurate" });
    expect(findMessage(confirmed, "text")!.text).toMatch(/is confirmed as accurate today/);
    const after = await database.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
    expect(after.lastAttestedAt?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    const history = await harness.store.history.of("AiSystem", system.id);
    expect(history.at(-1)).toMatchObject({ actorLabel: "Sofia Alvarez", changes: { lastAttestedAt: { from: "2026-06-08T10:00:00.000Z", to: "2026-12-01T10:00:00.000Z" } } });
    harness.clock.now = new Date("2026-12-07T10:00:00Z");
    await scan();
    expect(await remindersFor(`attestation:${system.reference}`)).toHaveLength(1);
  });

  it("names the due day as people say it: tomorrow, today, yesterday; a first confirmation and a training's expiry in their own words", async () => {
    const [lukas, marcus] = [harness.user("lukas"), harness.user("marcus")];
    harness.clock.now = new Date("2026-12-09T10:00:00Z");
    const reference = await reportAndRaise(lukas, "2026-12-10");
    const item = `action:${reference}`;
    const textOn = async (now: string) => {
      harness.clock.now = new Date(now);
      await scan();
      return (await remindersFor(item)).at(-1)!.text;
    };
    expect(await textOn("2026-12-09T10:00:00Z")).toBe(`Corrective action ${reference}: Add drift monitoring is due tomorrow (10 December 2026).`);
    expect(await textOn("2026-12-10T10:00:00Z")).toBe(`Corrective action ${reference}: Add drift monitoring is due today (10 December 2026).`);
    expect(await textOn("2026-12-11T10:00:00Z")).toBe(`Corrective action ${reference}: Add drift monitoring was due yesterday (10 December 2026).`);
    await marcus.turn({ kind: "reminder_action", item, action: "done" });

    // An entry nobody has confirmed since it was registered: its first confirmation, not "still accurate".
    const system = await database.prisma.aiSystem.findFirstOrThrow({ where: { status: "approved", ownerId: { not: null } }, orderBy: { reference: "desc" } });
    await database.prisma.aiSystem.update({ where: { id: system.id }, data: { lastAttestedAt: null, createdAt: new Date("2026-06-06T09:00:00Z") } });
    harness.clock.now = new Date("2026-12-11T10:00:00Z");
    await scan();
    const [first] = await remindersFor(`attestation:${system.reference}`);
    expect(first!.text).toBe(
      `Your first confirmation that the inventory entry ${system.reference} ${system.name} is accurate (registered 6 June 2026, never confirmed since) was due 5 days ago (6 December 2026).`,
    );

    const training = await database.prisma.trainingRecord.create({
      data: { reference: "TRN-0901", personId: marcus.speaker.personId, course: "Responsible AI basics", completedOn: new Date("2025-12-18"), validUntil: new Date("2026-12-18"), createdVia: "cli" },
    });
    await scan();
    const [expiring] = await remindersFor(`training:${training.reference}`);
    expect(expiring!.text).toBe('Your training "Responsible AI basics" (TRN-0901) expires in 7 days (18 December 2026): book the renewal.');
    // Put back as found, for the tests after this one.
    await database.prisma.trainingRecord.delete({ where: { id: training.id } });
    await database.prisma.aiSystem.update({ where: { id: system.id }, data: { lastAttestedAt: system.lastAttestedAt, createdAt: system.createdAt } });
    await database.prisma.notification.deleteMany({ where: { recordRef: { in: [`attestation:${system.reference}`, `training:${training.reference}`] } } });
  });

  it("lands at 09:00 on the owner's own clock in zones half or three quarters of an hour off UTC", async () => {
    const systems = await database.prisma.aiSystem.findMany({ where: { status: "approved", ownerId: { not: null } }, include: { owner: true }, orderBy: { reference: "asc" } });
    const sofiaId = harness.speakers.get("sofia")!.personId;
    const byOwner = [...new Map(systems.filter((system) => system.ownerId !== sofiaId).map((system) => [system.ownerId, system])).values()];
    const [kolkata, kathmandu] = byOwner;
    await database.prisma.person.update({ where: { id: kolkata!.ownerId! }, data: { timeZone: "Asia/Kolkata" } });
    await database.prisma.person.update({ where: { id: kathmandu!.ownerId! }, data: { timeZone: "Asia/Kathmandu" } });
    for (const system of [kolkata!, kathmandu!]) {
      await database.prisma.aiSystem.update({ where: { id: system.id }, data: { lastAttestedAt: new Date("2026-06-16T00:00:00Z"), nextReviewDate: new Date("2027-06-01T00:00:00Z") } });
    }
    harness.clock.now = new Date("2026-12-09T00:00:00Z"); // Wednesday, 05:30 in Kolkata and 05:45 in Kathmandu
    await scan();
    const [inKolkata] = await remindersFor(`attestation:${kolkata!.reference}`);
    const [inKathmandu] = await remindersFor(`attestation:${kathmandu!.reference}`);
    expect(inKolkata!.notBefore?.toISOString()).toBe("2026-12-09T03:30:00.000Z"); // 09:00 IST (+05:30)
    expect(inKathmandu!.notBefore?.toISOString()).toBe("2026-12-09T03:15:00.000Z"); // 09:00 NPT (+05:45)
  });

  it("Update runs the registration questions pre-filled from the entry, and updates it instead of adding one", async () => {
    const sofia = harness.user("sofia", "re-attest-update");
    const system = await database.prisma.aiSystem.findFirstOrThrow({ where: { ownerId: sofia.speaker.personId, status: "approved" }, orderBy: { reference: "desc" } });
    const before = await database.prisma.aiSystem.count();
    harness.clock.now = new Date("2026-12-03T10:00:00Z");
    const started = await sofia.turn({ kind: "reminder_action", item: `attestation:${system.reference}`, action: "update" });
    expect(findMessage(started, "text")!.text).toBe(`Here is ${system.reference} as recorded. Edit whatever has changed, then confirm: that also re-attests it.`);
    expect(findMessage(started, "summary")!.fields).toContainEqual({ stepId: "name", label: "Name", value: system.name });
    expect(findMessage(await harness.user("tom", "not-mine").turn({ kind: "reminder_action", item: `attestation:${system.reference}`, action: "update" }), "error")!.text).toMatch(/^This reminder is for someone else/);
    await sofia.say("edit 2");
    await sofia.say("Prioritises claims and now also flags likely fraud for a handler");
    const done = findMessage(await sofia.say("confirm"), "done")!;
    expect(done.title).toBe(`Updated ${system.reference}: ${system.name}`);
    expect(await database.prisma.aiSystem.count()).toBe(before);
    const after = await database.prisma.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
    // A new purpose is a material change: the approval is reopened (change control), in a history entry of its own.
    expect(after).toMatchObject({ purpose: "Prioritises claims and now also flags likely fraud for a handler", lastAttestedAt: new Date("2026-12-03T10:00:00Z"), status: "pending_review" });
    expect(done.lines.join("\n")).toContain("Its approval no longer covers it: it is pending review again");
    const last = (await harness.store.history.of("AiSystem", system.id)).filter((entry) => entry.action !== "create" && "purpose" in (entry.changes as object)).at(-1)!;
    // What was edited and the attestation are recorded; what was not edited (name, status, owner) is untouched.
    expect(Object.keys(last.changes as object)).toEqual(expect.arrayContaining(["lastAttestedAt", "purpose"]));
    for (const untouched of ["name", "status", "ownerId", "kind", "createdVia"]) expect(last.changes).not.toHaveProperty(untouched);
  });

  it("schedules an internal audit from chat and reminds its lead; only governance may schedule", async () => {
    const [amara, tom] = [harness.user("amara"), harness.user("tom")];
    harness.clock.now = new Date("2026-12-01T10:00:00Z");
    expect(findMessage(await tom.say("schedule audit 2027-01-10 Claims models"), "error")!.text).toBe("Only the governance team can schedule internal audits and management reviews.");
    expect(findMessage(await amara.say("schedule audit sometime Claims models"), "error")!.text).toMatch(/^Please give the date first/);
    expect(lastQuestion(await amara.say("schedule audit 2026-12-15 Claims and pricing models"))).toMatchObject({ stepId: "criteria" });
    await amara.answerAll(["ISO/IEC 42001 clause 8 and Annex A.6", "skip", "skip", "me", "skip", "skip"]);
    const scheduled = findMessage(await amara.say("confirm"), "done")!;
    const reference = scheduled.reference;
    expect(scheduled.title).toBe(`Internal audit ${reference} is scheduled for 15 December 2026: Claims and pricing models`);
    expect(scheduled.lines[0]).toBe("Auditors: Amara Okafor (lead). Amara Okafor will be reminded before the date.");
    expect(findMessage(await tom.say("schedule"), "record_list")!.items.map((entry) => entry.reference)).toContain(reference);
    await scan();
    const [reminder] = await remindersFor(`audit:${reference}`);
    expect(reminder).toMatchObject({ audience: personAudience(amara.speaker.personId), subject: `Reminder: The internal audit ${reference} (Claims and pricing models)` });
  });

  it("tells governance about a SEV1 nobody has triaged after an hour, once", async () => {
    const tom = harness.user("tom", "sev1");
    harness.clock.now = new Date("2026-12-02T10:00:00Z");
    await tom.start("report_incident");
    await tom.answerAll(["skip", "The dosage assistant recommended ten times the safe dose", "safety", "today", "one patient", "yes", "1", "skip", "no", "no"]);
    const reference = findMessage(await tom.say("confirm"), "done")!.reference;
    await database.prisma.incident.update({ where: { reference }, data: { reportedAt: new Date("2026-12-02T10:00:00Z") } });
    harness.clock.now = new Date("2026-12-02T10:30:00Z");
    await scan();
    expect(await database.prisma.notification.count({ where: { recordRef: reference, kind: "triage_overdue" } })).toBe(0);
    harness.clock.now = new Date("2026-12-02T11:05:00Z");
    await scan();
    await scan();
    const waiting = await database.prisma.notification.findMany({ where: { recordRef: reference, kind: "triage_overdue" } });
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ audience: governanceAudience, privateOnly: true, subject: `${reference}, SEV1 (critical), is waiting for triage` });
  });

  async function reportAndRaise(handler: ReturnType<Harness["user"]>, due: string): Promise<string> {
    const reporter = harness.user("leila", "drift-report");
    await reporter.start("report_incident");
    await reporter.answerAll(["skip", "The pricing model drifted and quotes doubled overnight", "drift", "today", "new customers", "no", "3", "skip", "no", "no"]);
    const incident = findMessage(await reporter.say("confirm"), "done")!.reference;
    await handler.turn({ kind: "incident_action", reference: incident, action: "acknowledge" });
    await handler.turn({ kind: "incident_action", reference: incident, action: "raise_action" });
    await handler.answerAll(["Add drift monitoring", "Marcus", due]);
    await handler.say("confirm");
    return (await database.prisma.correctiveAction.findFirstOrThrow({ where: { incident: { reference: incident } } })).reference;
  }
});
