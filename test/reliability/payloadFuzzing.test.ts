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
          // replayed: signed correctly, but more than five minutes old (Bolt accepts future timestamps)
          fc.integer({ min: 301, max: 10 ** 6 }).map((age) => ({ secret: signingSecret, timestamp: Math.floor(Date.now() / 1000) - age })),
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
    // Oversized bodies: a forged 3 MB Slack request, and a Teams activity over its 256 kB limit.
    const huge = JSON.stringify({ type: "event_callback", event: { type: "message", text: "x".repeat(3 * 1024 * 1024) } });
    expect(await postRaw(slackEndpoint(), huge, { "content-type": "application/json", ...signSlackRequest("other-secret", huge) })).toBe(401);
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
          // JSON objects only: a signed body or payload that is not an object is the failing test below
          fc.object().map((value) => ({ body: JSON.stringify(value), contentType: "application/json" })),
          fc.object().map((value) => ({ body: new URLSearchParams({ payload: JSON.stringify(value) }).toString(), contentType: "application/x-www-form-urlencoded" })),
          fc.dictionary(fc.string(), fc.string()).map((fields) => ({ body: new URLSearchParams(fields).toString(), contentType: "application/x-www-form-urlencoded" })),
          // an event envelope around a random event: unknown types, missing users, wrong field types
          { weight: 6, arbitrary: fc
            .record({ type: fc.oneof(fc.constantFrom("message", "app_mention", "app_home_opened", "reaction_added"), fc.string()), user: fc.oneof(fc.string(), fc.integer()) /* null: see the failing test below */, channel: fc.oneof(fc.string(), fc.constant("DU0TOM")), channel_type: fc.constantFrom("im", "channel", 5), text: fc.oneof(fc.string(), fc.integer(), fc.jsonValue()), subtype: fc.string(), ts: fc.oneof(fc.string(), fc.double()) }, { requiredKeys: ["type"] })
            .map((event) => eventCallback(event)) },
          // an interaction payload with random actions and missing parts
          fc.record({ type: fc.constantFrom("block_actions", "shortcut", "message_action", "nonsense") /* view_* without a view: the failing family below */, user: fc.record({ id: fc.string() }), actions: fc.array(fc.record({ action_id: fc.string(), value: fc.string() }, { requiredKeys: [] })), view: fc.jsonValue() }, { requiredKeys: ["type", "user"] }) /* no user: see the failing test below */
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

  // BUG (found by the property above, in @slack/bolt 5.1.0's App.buildSource): the user of a request
  // is read as `typeof event.user === "object" ? event.user.id` (typeof null is "object") and as
  // `body.user.id` for interactions, so a correctly signed event with "user": null, or an interaction
  // without a user, throws before it is acknowledged and the endpoint answers 500 (Slack would then
  // retry it). Slack is not known to send either, but a signed request must not make us fail.
  // Remove `.fails` once they are answered 200/400 (e.g. a small Express guard in front of the Bolt
  // router that answers 400 when event.user is null or an interaction payload has no user.id).
  it.fails("acks a well-signed event whose user is null", async () => {
    const response = await slack.send(eventCallback({ type: "message", user: null, channel: "DU0TOM", channel_type: "im", text: "hi" }));
    expect(response.status).toBeLessThan(500);
  });
  it.fails("answers a well-signed interaction without a user with a 4xx", async () => {
    const response = await slack.send(interaction({ type: "block_actions", actions: [] }));
    expect(response.status).toBeLessThan(500);
  });
  // The same family: a signed interaction whose payload is JSON but not an object ("payload=null"),
  // and a view_closed / view_submission without its view.
  it.fails("answers a well-signed payload=null with a 4xx", async () => {
    const response = await slack.send({ body: "payload=null", contentType: "application/x-www-form-urlencoded" });
    expect(response.status).toBeLessThan(500);
  });
  it.fails("answers a well-signed view_closed without its view with a 4xx", async () => {
    const response = await slack.send(interaction({ type: "view_closed", user: { id: "U0TOM" } }));
    expect(response.status).toBeLessThan(500);
  });
});
