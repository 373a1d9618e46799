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

  it("goes out on Monday at the configured hour, once per week, to every manager and subscribed channel, with its chart", async () => {
    await database.prisma.digestSubscription.create({ data: { platform: "slack", channelId: "C0LEADERS" } });
    // Monday 7 December 2026, 08:59 in London (GMT): not yet.
    expect(await queueWeeklyDigest(database.prisma, new Date("2026-12-07T08:59:00Z"), schedule)).toBe(0);
    expect(await queueWeeklyDigest(database.prisma, new Date("2026-12-07T09:00:00Z"), schedule)).toBe(2);
    expect(await queueWeeklyDigest(database.prisma, new Date("2026-12-09T15:00:00Z"), schedule)).toBe(0); // same week, another replica
    const sent = await database.prisma.notification.findMany({ where: { kind: "weekly_digest" } });
    expect(sent.map((notice) => notice.audience).sort()).toEqual([channelAudience("slack", "C0LEADERS"), personAudience(harness.speakers.get("priya")!.personId)].sort());
    for (const notice of sent) {
      expect(notice.subject).toBe("AI governance digest, week of Mon, 7 Dec 2026");
      expect(notice.text).toMatch(/^Needs attention: /);
      expect(Buffer.from(notice.attachment!).subarray(1, 4).toString()).toBe("PNG");
    }
    // The next week is a new digest.
    expect(await queueWeeklyDigest(database.prisma, new Date("2026-12-14T10:00:00Z"), schedule)).toBe(2);
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
