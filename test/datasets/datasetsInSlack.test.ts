// The dataset register through Slack's /slack/events (signed, as Slack sends it): an owner opens a
// dataset in a DM, clicks Mark reviewed, and the review is recorded; a member is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventCallback } from "../support/slackRequests.js";
import { displayDate } from "../../src/domain/dateDisplay.js";
import { buttonValue, messageText, messageTs, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

describe("the dataset register in Slack", () => {
  let slack: SlackTestService;

  beforeAll(async () => {
    slack = await startSlackTestService("embedded");
  });
  afterAll(() => slack.stop());

  it("shows a dataset to its owner with Mark reviewed, which records the review and sets the next a year on", async () => {
    // The entry comes as a notice with its buttons (its text opens with "** ", which the harness's dm() takes for a governance notice).
    const after = slack.mark();
    expect((await slack.send(eventCallback({ type: "message", channel_type: "im", channel: `D${slackUsers.owner.id}`, user: slackUsers.owner.id, text: "dataset DS-0001", ts: "1800000001.000001" }))).status).toBe(200);
    const entry = await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === `D${slackUsers.owner.id}` && slack.fake.calls.indexOf(call) >= after, 10_000);
    expect(messageText(entry)).toContain("Motor and home claims 2019–2025");
    expect(messageText(entry)).toContain("Lawful basis: Contract");
    expect(messageText(entry)).toContain("Quality results: 2025-10 extract: 99.3% of closed claims settled");

    const reply = await slack.click(slackUsers.owner.id, messageTs(entry), "aims_notice_action", buttonValue(entry, "Mark reviewed"));
    const today = new Date().toISOString().slice(0, 10);
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    expect(messageText(reply)).toContain(`The review of DS-0001 Motor and home claims 2019–2025 is recorded today. The next one is due on ${displayDate(new Date(`${nextYear}T00:00:00Z`))}.`);
    const dataset = await slack.database.prisma.dataset.findUniqueOrThrow({ where: { reference: "DS-0001" } });
    expect(dataset.lastReviewedOn?.toISOString().slice(0, 10)).toBe(today);
    const history = await slack.database.prisma.changeLog.findMany({ where: { entityRef: "DS-0001" }, orderBy: { id: "asc" } });
    expect(history.map((entry) => `${entry.action}/${entry.actorLabel}/${entry.channel}`)).toEqual(["create/Sofia Alvarez/cli", "update/Sofia Alvarez/slack"]);
  });

  it("refuses a member the register, and lists it for governance", async () => {
    expect(messageText(await slack.dm(slackUsers.member.id, "datasets"))).toContain("The dataset register is for system owners, managers, auditors and the governance team.");
    const register = messageText(await slack.dm(slackUsers.governance.id, "datasets"));
    for (const reference of ["DS-0001", "DS-0002", "DS-0003", "DS-0004"]) expect(register).toContain(reference);
  });
});
