import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelAudience, queueWeeklyDigest } from "../../src/digest/digestSchedule.js";
import { personAudience } from "../../src/store/notifications.js";
import { createHarness, findMessage, type Harness } from "../support/conversationHarness.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const schedule = { timeZone: "Europe/London", hoursIntoWeek: 9, attestationMonths: 6 };

describe.each(backends)("sending the weekly digest (%s database)", (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await createHarness(database);
  });
  afterAll(() => database.dispose());

  it("goes out on Monday at the configured hour, once per week, to every governance member, manager and subscribed channel, with its chart", async () => {
    await database.prisma.digestSubscription.create({ data: { platform: "slack", channelId: "C0LEADERS" } });
    // Monday 7 December 2026, 08:59 in London (GMT): not yet.
    expect(await queueWeeklyDigest(database.prisma, new Date("2026-12-07T08:59:00Z"), schedule)).toBe(0);
    expect(await queueWeeklyDigest(database.prisma, new Date("2026-12-07T09:00:00Z"), schedule)).toBe(4);
    expect(await queueWeeklyDigest(database.prisma, new Date("2026-12-09T15:00:00Z"), schedule)).toBe(0); // same week, another replica
    const sent = await database.prisma.notification.findMany({ where: { kind: "weekly_digest" } });
    const person = (key: string) => personAudience(harness.speakers.get(key)!.personId);
    expect(sent.map((notice) => notice.audience).sort()).toEqual([channelAudience("slack", "C0LEADERS"), person("priya"), person("amara"), person("lukas")].sort());
    for (const notice of sent) {
      expect(notice.subject).toBe("AI governance digest, week of Mon, 7 December 2026");
      expect(notice.text).toMatch(/^Needs attention: /);
      expect(Buffer.from(notice.attachment!).subarray(1, 4).toString()).toBe("PNG");
    }
    // The next week is a new digest.
    expect(await queueWeeklyDigest(database.prisma, new Date("2026-12-14T10:00:00Z"), schedule)).toBe(4);
  });

  it("names overdue items to governance, counts a confidential incident's for managers, counts only in channels, and compares with last week", async () => {
    const { prisma } = database;
    const confidential = await prisma.incident.findFirstOrThrow({ where: { confidential: true } });
    const open = await prisma.incident.findFirstOrThrow({ where: { confidential: false } });
    const owner = harness.speakers.get("sofia")!.personId;
    const action = (reference: string, incidentId: string, dueDate: string) => ({ reference, incidentId, ownerId: owner, dueDate: new Date(dueDate), description: `Action ${reference}`, createdVia: "cli" as const });
    await prisma.correctiveAction.createMany({ data: [action("CA-0901", confidential.id, "2026-12-16"), action("CA-0902", open.id, "2026-12-17")] });
    // Monday 21 December: both actions overdue; the week before had none.
    expect(await queueWeeklyDigest(prisma, new Date("2026-12-21T10:00:00Z"), schedule)).toBe(4);
    const copies = await prisma.notification.findMany({ where: { kind: "weekly_digest", recordRef: "digest:2026-12-21" } });
    const copyFor = (audience: string) => copies.find((copy) => copy.audience === audience)!;
    const governance = copyFor(personAudience(harness.speakers.get("amara")!.personId));
    const manager = copyFor(personAudience(harness.speakers.get("priya")!.personId));
    const channel = copyFor(channelAudience("slack", "C0LEADERS"));

    expect(governance.text).toContain(`CA-0901 for ${confidential.reference}, owner Sofia Alvarez, due 16 December 2026 (5 days overdue)`);
    expect(governance.text).toContain(`CA-0902 for ${open.reference}`);
    expect(governance.privateOnly).toBe(true);
    expect(manager.text).toContain(`CA-0902 for ${open.reference}`);
    expect(manager.text).not.toContain("CA-0901");
    expect(manager.text).not.toContain(confidential.reference);
    expect(manager.text).toContain("1 concerns a confidential incident: counted here");
    expect(channel.text).toContain("Overdue corrective actions: 2.");
    expect(channel.text).not.toMatch(/CA-09|Sofia/);
    for (const copy of [governance, manager, channel]) {
      expect(copy.text).toMatch(/^Needs attention: .*2 corrective actions overdue \(up from 0 last week\)/);
      expect(copy.text).not.toContain(confidential.description.slice(0, 30));
    }
  });

  it("previews the digest in chat for managers and governance only, with counts and no incident details", async () => {
    const confidential = await database.prisma.incident.findFirstOrThrow({ where: { confidential: true } });
    const preview = findMessage(await harness.user("priya").say("digest"), "notice")!;
    expect(preview.subject).toMatch(/^AI governance digest, week of /);
    expect(preview.text).toMatch(/Incidents: .* open/);
    expect(preview.text).not.toContain(confidential.description.slice(0, 30));
    expect(findMessage(await harness.user("tom").say("digest"), "error")!.text).toBe("The governance digest is for managers and the governance team.");
  });
});
