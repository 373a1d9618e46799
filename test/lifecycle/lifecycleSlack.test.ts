// A system owner records a design decision in a Slack DM, through /slack/events as Slack sends it,
// and reads it back in the system's life cycle; "help" makes the command findable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventCallback } from "../support/slackRequests.js";
import { messageText, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

describe("life-cycle records in Slack", () => {
  let slack: SlackTestService;
  let pricing: string; // Home Insurance Pricing Model, owned by Sofia
  beforeAll(async () => {
    slack = await startSlackTestService();
    pricing = (await slack.database.prisma.aiSystem.findFirstOrThrow({ where: { name: "Home Insurance Pricing Model" } })).reference;
  });
  afterAll(() => slack.stop());

  it("records a design decision in a DM, with change history, and lists it in the system's life cycle", async () => {
    const owner = slackUsers.owner.id;
    expect(messageText(await slack.dm(owner, "help"))).toContain("lifecycle AIS-0001");
    expect(messageText(await slack.dm(owner, `add design decision ${pricing}`))).toContain("What was decided?");
    await slack.dm(owner, "Postcode sector rather than full postcode as the location feature");
    await slack.dm(owner, "Full postcodes acted as a proxy for ethnicity in the proxy-discrimination test; sectors kept 95% of the lift");
    await slack.dm(owner, "skip");
    const saved = messageText(await slack.dm(owner, "confirm"));
    const reference = new RegExp(`Recorded (LCR-\\d{4}): design decision of ${pricing} Home Insurance Pricing Model`).exec(saved)?.[1];
    expect(reference, saved).toBeDefined();
    expect(saved).toContain(`${pricing} has every life-cycle record its high tier needs.`);

    const record = await slack.database.prisma.lifecycleRecord.findFirstOrThrow({ where: { reference: reference! } });
    expect(record).toMatchObject({ kind: "design_decision", createdVia: "slack", rationale: expect.stringContaining("proxy for ethnicity") });
    const history = await slack.database.prisma.changeLog.findFirstOrThrow({ where: { entityType: "LifecycleRecord", entityRef: reference! } });
    expect(history).toMatchObject({ action: "create", actorLabel: "Sofia Alvarez", channel: "slack" });

    // The life cycle comes as a notice card, which the DM helper leaves aside as it does governance notices.
    const after = slack.mark();
    await slack.send(eventCallback({ type: "message", channel_type: "im", channel: `D${owner}`, user: owner, text: `lifecycle ${pricing}`, ts: "1800000001.000001" }));
    const view = messageText(await slack.fake.waitFor((call) => slack.fake.calls.indexOf(call) >= after && call.method === "chat.postMessage" && call.args.channel === `D${owner}` && String(call.args.text).includes(`Life cycle of ${pricing}`)));
    expect(view).toContain(`${reference} v1: Postcode sector rather than full postcode as the location feature`);
  });
});
