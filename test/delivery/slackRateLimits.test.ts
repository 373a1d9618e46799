// A long storm of Slack 429s, then recovery: the governance notice of a new incident still arrives,
// exactly once per destination, and nobody is told it failed. Through /slack/events, the real
// outbox and Slack sender, and the fake Web API; time moves by an injected clock, pass by pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slashCommand } from "../support/slackRequests.js";
import { governanceChannel, messageText, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

const retryAfterSeconds = 2;

describe("deliveries during a Slack rate-limit storm", () => {
  let slack: SlackTestService;
  let now = new Date();
  beforeAll(async () => {
    slack = await startSlackTestService("embedded", { clock: () => now });
  });
  afterAll(() => slack.stop());

  it("wait out every Retry-After without spending attempts, then deliver the notice once", async () => {
    const reporter = slackUsers.member.id;
    // Every governance member has Slack, so every destination of the notice is reachable once Slack recovers.
    const known = new Set([...slack.fake.users.values()].map((user) => user.profile.email));
    for (const person of await slack.database.prisma.person.findMany({ where: { roles: { has: "governance" } } })) {
      if (person.email && !known.has(person.email)) slack.fake.addUser(`U0${person.id.slice(0, 8).toUpperCase()}`, { realName: person.displayName, email: person.email });
    }
    // Everything but the reporter's own conversation is rate limited: the notices to governance.
    slack.fake.failWhen("chat.postMessage", (args) => (args.channel === `D${reporter}` ? undefined : { status: 429, retryAfterSeconds }));

    const after = slack.mark();
    expect((await slack.send(slashCommand({ userId: reporter, channelId: "C0GENERAL", text: "incident The quote bot offered several customers a 90% discount nobody approved" }))).status).toBe(200);
    let reply = await slack.nextMessageTo(`D${reporter}`, after);
    for (const text of ["skip", "inaccurate_output", "today", "several customers", "yes", "sev2", "skip", "no", "no"]) reply = await slack.dm(reporter, text);
    reply = await slack.dm(reporter, "confirm");
    const reference = /your report is (INC-\d{4})/.exec(messageText(reply))![1]!;
    const notice = await slack.database.prisma.notification.findFirstOrThrow({ where: { recordRef: reference, kind: "incident_reported" } });

    // 60 seconds of 429s, one worker pass per Retry-After: 30 passes, far beyond the 6 attempts allowed.
    for (let second = 0; second < 60; second += retryAfterSeconds) {
      now = new Date(now.getTime() + retryAfterSeconds * 1000);
      await slack.service.delivery.kick();
    }
    const toNotice = (call: (typeof slack.fake.calls)[number]) => call.method === "chat.postMessage" && String(call.args.text).includes(reference) && call.args.channel !== `D${reporter}`;
    // One probe per pass (a 429 holds the rest back until its Retry-After), and each was refused.
    expect(slack.fake.calls.filter((call) => call.method === "chat.postMessage" && call.failure).length).toBeGreaterThanOrEqual(30);
    const waiting = await slack.database.prisma.notificationDelivery.findMany({ where: { notificationId: notice.id } });
    expect(waiting.length).toBeGreaterThanOrEqual(2); // the governance channel and each governance member's DM
    expect(waiting.map((delivery) => [delivery.status, delivery.attempts])).toEqual(waiting.map(() => ["pending", 0]));

    // Slack recovers.
    slack.fake.failWhen("chat.postMessage", null);
    now = new Date(now.getTime() + retryAfterSeconds * 1000);
    await slack.service.delivery.kick();
    await slack.service.delivery.kick();

    const delivered = await slack.database.prisma.notificationDelivery.findMany({ where: { notificationId: notice.id } });
    expect(delivered.map((delivery) => [delivery.target, delivery.status, delivery.lastError])).toEqual(delivered.map((delivery) => [delivery.target, "sent", null]));
    const arrived = slack.fake.calls.filter((call) => toNotice(call) && !call.failure);
    expect(arrived.filter((call) => call.args.channel === governanceChannel)).toHaveLength(1);
    expect(new Set(arrived.map((call) => call.args.channel)).size).toBe(arrived.length); // once per destination
    expect(arrived).toHaveLength(delivered.length);
    expect(await slack.database.prisma.notification.count({ where: { kind: "delivery_failed" } })).toBe(0);
  });
});
