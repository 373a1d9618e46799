// Slack unreachable or refusing the token when the service starts must not end the process: the bot's
// identity is asked for when the first request arrives, and asked again after a failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventCallback } from "../support/slackRequests.js";
import { messageText, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

describe("the bot's identity in Slack", () => {
  let slack: SlackTestService;
  const unhandled: unknown[] = [];
  const collect = (reason: unknown) => unhandled.push(reason);
  beforeAll(async () => {
    process.on("unhandledRejection", collect);
    slack = await startSlackTestService();
  });
  afterAll(async () => {
    process.off("unhandledRejection", collect);
    await slack.stop();
  });

  it("is not asked of Slack at start, so a Slack that fails then cannot bring the service down", () => {
    expect(slack.fake.callsTo("auth.test")).toEqual([]);
  });

  it("is asked at the first request, asked again after Slack refused, and kept once answered", async () => {
    slack.fake.failWhen("auth.test", () => ({ ok: false, error: "service_unavailable" }));
    const refused = await slack.send(eventCallback({ type: "message", channel_type: "im", channel: "D0IDENTITY", user: slackUsers.member.id, text: "hello", ts: "1790000000.000100" }));
    expect(refused.status).toBe(200);
    await expect.poll(() => slack.fake.callsTo("auth.test").length).toBeGreaterThan(0);
    slack.fake.failWhen("auth.test", null);

    expect(messageText(await slack.dm(slackUsers.member.id, "help"))).toMatch(/report/i);
    expect(messageText(await slack.dm(slackUsers.member.id, "my systems"))).toBeTruthy();
    expect(slack.fake.callsTo("auth.test").filter((call) => !call.failure).length).toBe(1);
    expect(unhandled).toEqual([]);
  });
});
