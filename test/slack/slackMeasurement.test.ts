// Measuring an objective and scheduling an audit through Slack's /slack/events, signed as Slack signs
// them, with the replies read from the fake Slack Web API: the same conversations as in every chat.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageText, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

describe("objective measurement and the audit programme in Slack", () => {
  let slack: SlackTestService;
  beforeAll(async () => {
    slack = await startSlackTestService();
  });
  afterAll(() => slack.stop());

  it("records a result by DM from the objective's owner, judged against its target, and refuses anyone else", async () => {
    const refused = await slack.dm(slackUsers.owner.id, "measure OBJ-0001 95%");
    expect(messageText(refused)).toContain("Only the governance team or OBJ-0001's owner (Amara Okafor) can record its results.");

    const recorded = await slack.dm(slackUsers.governance.id, "measure OBJ-0001 95% after the November registrations");
    expect(messageText(recorded)).toMatch(/MSR-\d{4}: OBJ-0001 measured 95% on \d{1,2} [A-Z][a-z]+ \d{4}, not met against the target of at least 100%/);
    expect(messageText(recorded)).toContain("Up 4 points since the last result (better).");
    const stored = await slack.database.prisma.objectiveMeasurement.findFirstOrThrow({ where: { note: "after the November registrations" }, include: { recordedBy: true } });
    expect(stored).toMatchObject({ value: 95, met: false, recordedVia: "slack" });
    expect(stored.recordedBy.email).toBe(slackUsers.governance.email);
  });

  it("asks for an audit's criteria and auditors, and refuses an auditor who owns a system in its scope", async () => {
    const user = slackUsers.governance.id;
    const triage = (await slack.database.prisma.aiSystem.findFirstOrThrow({ where: { name: "Claims Fast-Track Triage" } })).reference;
    expect(messageText(await slack.dm(user, "schedule audit 2027-03-10 Claims triage"))).toContain("What is it audited against?");
    for (const answer of ["ISO/IEC 42001 clause 9.1; the monitoring procedure", triage, "skip", "Sofia Alvarez", "skip"]) await slack.dm(user, answer);
    const summary = await slack.dm(user, "skip");
    expect(messageText(summary)).toContain("Please check your internal audit");
    const refused = await slack.dm(user, "confirm");
    expect(messageText(refused)).toContain(`Sofia Alvarez owns ${triage} Claims Fast-Track Triage, which is in scope`);
    expect(await slack.database.prisma.scheduledReview.count({ where: { scope: "Claims triage" } })).toBe(0);
  });
});
