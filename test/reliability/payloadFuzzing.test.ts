// Property-based: random, malformed, forged and oversized requests to the Slack and Teams
// endpoints. The service answers each with a 4xx (or a 200 ack for a well-signed event that means
// nothing to it), never a 5xx, keeps running, and stores nothing from a request it rejected.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeBotConnector, type FakeBotConnector } from "../support/fakeBotConnector.js";
import { eventCallback, interaction, postToSlackEndpoint, signSlackRequest } from "../support/slackRequests.js";
import { signingSecret, startSlackTestService, type SlackTestService } from "../support/slackService.js";

const runs = 150;
// A signed request Bolt has no listener for is answered only after its 3 s unhandled-request timeout.
const signedRuns = 40;

describe("malformed Slack and Teams requests", () => {
  let slack: SlackTestService;
  let connector: FakeBotConnector;
  beforeAll(async () => {
    slack = await startSlackTestService("embedded");
    connector = await startFakeBotConnector();
  });
  afterAll(async () => {
    await slack.stop();
    await connector.close();
  });

  const slackEndpoint = () => `${slack.service.url}/slack/events`;
  const teamsEndpoint = () => `${slack.service.url}/api/messages`;
  /** Rows any accepted request could add: a rejected one must leave every count as it was. */
  const storedRows = async () => {
    const prisma = slack.database.prisma;
    return {
      people: await prisma.person.count(),
      conversations: await prisma.conversationState.count(),
      deliveries: await prisma.inboundDelivery.count(),
      references: await prisma.conversationReference.count(),
      incidents: await prisma.incident.count(),
      systems: await prisma.aiSystem.count(),
      history: await prisma.changeLog.count(),
      questions: await prisma.policyQuestion.count(),
    };
  };
  const postRaw = async (url: string, body: string, headers: Record<string, string>) => {
    const response = await fetch(url, { method: "POST", headers, body });
    await response.arrayBuffer();
    return response.status;
  };
  const healthy = async () => (await fetch(`${slack.service.url}/healthz`)).status === 200;

  const contentType = fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "application/json; charset=utf-8");
  const anyBody = fc.oneof(
    fc.json(),
    fc.string({ unit: "binary", maxLength: 500 }),
    fc.jsonValue().map((value) => new URLSearchParams({ payload: JSON.stringify(value) }).toString()),
    fc.dictionary(fc.string(), fc.string()).map((fields) => new URLSearchParams(fields).toString()),
  );

  it(`refuses forged, stale and oversized requests with a 4xx and stores nothing (${runs} runs)`, async () => {
    const before = await storedRows();
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        anyBody,
        contentType,
        fc.oneof(
          // forged: a random or truncated signature, or the right format under another secret
          fc.string().map((signature) => ({ signature, timestamp: Math.floor(Date.now() / 1000) })),
          fc.constant("other-secret").map((secret) => ({ secret, timestamp: Math.floor(Date.now() / 1000) })),
          // replayed: signed correctly, but more than five minutes old or ahead
          fc.integer({ min: 301, max: 10 ** 6 }).map((age) => ({ secret: signingSecret, timestamp: Math.floor(Date.now() / 1000) - age })),
          fc.integer({ min: 302, max: 10 ** 6 }).map((ahead) => ({ secret: signingSecret, timestamp: Math.floor(Date.now() / 1000) + ahead })),
        ),
        async (body, type, signing) => {
          const signed = "secret" in signing ? signSlackRequest(signing.secret, body, signing.timestamp) : { "x-slack-signature": signing.signature, "x-slack-request-timestamp": String(signing.timestamp) };
          const status = await postRaw(slackEndpoint(), body, { "content-type": type, ...signed });
          statuses.push(status);
          expect(status).toBeGreaterThanOrEqual(400);
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: runs },
    );
    // Teams: anything that is not an activity (random JSON, missing or mistyped fields).
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ type: fc.oneof(fc.string(), fc.integer()), from: fc.anything(), conversation: fc.anything(), text: fc.string() }, { requiredKeys: [] }),
        ),
        async (body) => {
          const status = await postRaw(teamsEndpoint(), JSON.stringify(body), { "content-type": "application/json" });
          expect(status).toBe(400);
        },
      ),
      { numRuns: runs },
    );
    // Oversized bodies: a 3 MB Slack request (refused unread, whoever signed it), and a Teams activity
    // over its 256 kB limit.
    const huge = JSON.stringify({ type: "event_callback", event: { type: "message", text: "x".repeat(3 * 1024 * 1024) } });
    expect(await postRaw(slackEndpoint(), huge, { "content-type": "application/json", ...signSlackRequest("other-secret", huge) })).toBe(413);
    const hugeActivity = JSON.stringify({ type: "message", channelId: "msteams", serviceUrl: connector.url, from: { id: "29:x" }, recipient: { id: "28:bot" }, conversation: { id: "a:1" }, text: "x".repeat(400 * 1024) });
    const hugeStatus = await postRaw(teamsEndpoint(), hugeActivity, { "content-type": "application/json" });
    expect(hugeStatus).toBe(413);
    expect(await healthy()).toBe(true);
    expect(await storedRows()).toEqual(before);
  }, 120_000);

  it(`acks well-signed but meaningless Slack requests without a 5xx and keeps serving (${signedRuns} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        // Requests Bolt has no listener for cost 3 s each, so they are drawn less often than event envelopes.
        fc.oneof(
          fc.jsonValue().map((value) => ({ body: JSON.stringify(value), contentType: "application/json" })),
          fc.jsonValue().map((value) => ({ body: new URLSearchParams({ payload: JSON.stringify(value) }).toString(), contentType: "application/x-www-form-urlencoded" })),
          fc.dictionary(fc.string(), fc.string()).map((fields) => ({ body: new URLSearchParams(fields).toString(), contentType: "application/x-www-form-urlencoded" })),
          // an event envelope around a random event: unknown types, missing users, wrong field types
          { weight: 6, arbitrary: fc
            .record({ type: fc.oneof(fc.constantFrom("message", "app_mention", "app_home_opened", "reaction_added"), fc.string()), user: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.record({ id: fc.oneof(fc.string(), fc.constant(null)) })), channel: fc.oneof(fc.string(), fc.constant("DU0TOM"), fc.constant(null)), channel_type: fc.constantFrom("im", "channel", 5), text: fc.oneof(fc.string(), fc.integer(), fc.jsonValue()), subtype: fc.string(), ts: fc.oneof(fc.string(), fc.double()) }, { requiredKeys: ["type"] })
            .map((event) => eventCallback(event)) },
          // an interaction payload with random actions and missing parts
          fc.record({ type: fc.constantFrom("block_actions", "shortcut", "message_action", "view_submission", "view_closed", "block_suggestion", "nonsense"), user: fc.oneof(fc.record({ id: fc.string() }), fc.constant(null)), channel: fc.oneof(fc.record({ id: fc.string() }), fc.constant(null)), actions: fc.array(fc.record({ action_id: fc.string(), value: fc.string() }, { requiredKeys: [] })), view: fc.jsonValue() }, { requiredKeys: ["type"] })
            .map((payload) => ({ body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: "application/x-www-form-urlencoded" })),
        ),
        async (request) => {
          const response = await postToSlackEndpoint(slackEndpoint(), signingSecret, request);
          expect(response.status, `${response.status} for ${request.body.slice(0, 300)}`).toBeLessThan(500);
        },
      ),
      { numRuns: signedRuns },
    );
    // Give fire-and-forget handlers time to fail, if they are going to: an unhandled rejection fails this file.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await healthy()).toBe(true);
  }, 170_000);

  // Found by the property above: Bolt 5.1 reads the user of an event as `event.user.id` when it is an
  // "object" (null is one) and an interaction's as `body.user.id`, so these signed requests used to
  // throw inside Bolt and come back as a 500 (which Slack retries). The guard in front answers 400.
  const malformed: Array<[string, () => ReturnType<typeof eventCallback>, RegExp]> = [
    ["an event whose user is null", () => eventCallback({ type: "message", user: null, channel: "DU0TOM", channel_type: "im", text: "hi" }), /user/],
    ["an interaction without a user", () => interaction({ type: "block_actions", actions: [] }), /no user/],
    ["payload=null", () => ({ body: "payload=null", contentType: "application/x-www-form-urlencoded" }), /not a JSON object/],
    ["a view_closed without its view", () => interaction({ type: "view_closed", user: { id: "U0TOM" } }), /view_closed has no view/],
  ];
  for (const [what, request, reason] of malformed) {
    it(`answers a well-signed ${what} with a 400 and its reason`, async () => {
      const before = await storedRows();
      const response = await slack.send(request());
      expect(response.status).toBe(400);
      expect((response.json as { error: string }).error).toMatch(reason);
      expect(await storedRows()).toEqual(before);
    });
  }

  it("judges a payload only once its signature is verified", async () => {
    const { body, contentType } = interaction({ type: "view_closed", user: { id: "U0TOM" } });
    expect(await postRaw(slackEndpoint(), body, { "content-type": contentType })).toBe(401);
    expect(await postRaw(slackEndpoint(), body, { "content-type": contentType, ...signSlackRequest("other-secret", body) })).toBe(401);
  });

  it("refuses a correctly signed request stamped more than five minutes ahead or behind, and accepts one within", async () => {
    const now = Math.floor(Date.now() / 1000);
    const dm = () => eventCallback({ type: "reaction_added", user: "U0TOM", reaction: "thumbsup", item: { type: "message", channel: "DU0TOM", ts: "1.2" } });
    const before = await storedRows();
    expect((await postToSlackEndpoint(slackEndpoint(), signingSecret, { ...dm(), timestamp: now + 6 * 60 })).status).toBe(401);
    expect((await postToSlackEndpoint(slackEndpoint(), signingSecret, { ...dm(), timestamp: now - 6 * 60 })).status).toBe(401);
    expect(await storedRows()).toEqual(before);
    expect((await postToSlackEndpoint(slackEndpoint(), signingSecret, { ...dm(), timestamp: now + 4 * 60 })).status).toBe(200);
  });

  it("refuses a correctly signed body over 1 MB with a 413 and stores nothing", async () => {
    const before = await storedRows();
    const response = await slack.send(eventCallback({ type: "message", user: "U0TOM", channel: "DU0TOM", channel_type: "im", text: "x".repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect((response.json as { error: string }).error).toMatch(/larger than 1 MB/);
    expect(await storedRows()).toEqual(before);
    expect(await healthy()).toBe(true);
  });
});
