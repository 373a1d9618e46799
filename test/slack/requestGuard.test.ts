// The guard in front of /slack/events is never built without its secret: requests are refused,
// forged, stale or in the future, through the real endpoint in payloadFuzzing.test.ts and
// slackConversations.test.ts.
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { slackRequestGuard } from "../../src/channels/slack/requestGuard.js";

describe("the Slack request guard", () => {
  it("is never built without a signing secret: an HMAC with an empty key is one anybody can compute", () => {
    expect(() => slackRequestGuard("", pino({ level: "silent" }))).toThrow(/signing secret/);
    expect(typeof slackRequestGuard("a-secret", pino({ level: "silent" }))).toBe("function");
  });
});
