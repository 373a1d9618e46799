// Notices routed per kind: new incidents to their own channels (from the configuration, and from
// `/aims route incidents here` said in a channel by a governance member), confidential ones by DM only.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBody } from "../support/fakeSlackApi.js";
import { slashCommand } from "../support/slackRequests.js";
import { messageText, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";
import { backends } from "../support/testDatabase.js";

describe("notices routed per kind", () => {
  let slack: SlackTestService;
  let responses: string[] = [];
  let responseServer: http.Server;
  let responseUrl = "";

  beforeAll(async () => {
    slack = await startSlackTestService(backends.at(-1), { env: { AIMS_ROUTE_INCIDENTS: "slack:C0INC", AIMS_ROUTE_APPROVALS: "slack:C0APR,teams:19:approvals@thread.tacv2" } });
    responseServer = http.createServer((req, res) => void readBody(req).then((body) => (responses.push(body), res.end("ok"))));
    await new Promise<void>((resolve) => responseServer.listen(0, "127.0.0.1", resolve));
    responseUrl = `http://127.0.0.1:${(responseServer.address() as AddressInfo).port}/response`;
  }, 120_000);
  afterAll(async () => {
    await slack?.stop();
    responseServer?.close();
  });

  const route = async (userId: string, channelId: string, text: string) => {
    responses = [];
    expect((await slack.send(slashCommand({ userId, channelId, text, responseUrl }))).status).toBe(200);
    for (let tries = 0; responses.length === 0 && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 25));
    return String((JSON.parse(responses[0] ?? "{}") as { text?: string }).text);
  };
  const report = async (confidential: "yes" | "no") => {
    const reporter = slackUsers.member.id;
    const mark = slack.mark();
    await slack.send(slashCommand({ userId: reporter, text: "incident The quote bot offered a customer a discount nobody approved", responseUrl }));
    await slack.nextMessageTo(`D${reporter}`, mark);
    for (const text of ["skip", "inaccurate_output", "today", "one customer", "no", "sev3", "skip", confidential, "no"]) await slack.dm(reporter, text);
    return /your report is (INC-\d{4})/.exec(messageText(await slack.dm(reporter, "confirm")))![1]!;
  };
  const targetsOf = async (reference: string, kind = "incident_reported") => {
    const notice = await slack.database.prisma.notification.findFirstOrThrow({ where: { kind, recordRef: reference, audience: "role:governance" } });
    await slack.service.delivery.kick();
    const deliveries = await slack.database.prisma.notificationDelivery.findMany({ where: { notificationId: notice.id } });
    return deliveries.filter((delivery) => delivery.target.startsWith("channel:")).map((delivery) => `${delivery.platform} ${delivery.target}`).sort();
  };

  it("lets only governance members route a kind of notice to the channel they are in", async () => {
    expect(await route(slackUsers.member.id, "C0OPS", "route incidents here")).toBe("Only the governance team can choose where notices are posted.");
    expect(await route(slackUsers.governance.id, "C0OPS", "route incidents here")).toMatch(/This channel now receives incidents notices/);
    expect(await route(slackUsers.governance.id, "C0OPS", "route incidents here")).toMatch(/already receives/);
    expect(await route(slackUsers.governance.id, `D${slackUsers.governance.id}`, "route incidents here")).toMatch(/Run this in the channel/);
    const history = await slack.database.prisma.changeLog.findMany({ where: { entityType: "NoticeRoute" } });
    expect(history.map((entry) => [entry.actorLabel, entry.channel, entry.entityRef])).toEqual([["Amara Okafor", "slack", "incidents → slack:C0OPS"]]);
  }, 60_000);

  it("shows governance the routes in force, configured and set in chat", async () => {
    const routes = messageText(await slack.dm(slackUsers.governance.id, "routes"));
    expect(routes).toMatch(/incidents: slack:C0INC, slack:C0OPS/);
    expect(routes).toMatch(/approvals: slack:C0APR, teams:19:approvals@thread.tacv2/);
    expect(routes).toMatch(/risk acceptances: the governance channel/);
    expect(messageText(await slack.dm(slackUsers.member.id, "routes"))).toMatch(/Only the governance team can see and choose where notices are posted/);
  }, 60_000);

  it("posts a new incident in the routed channels instead of the governance channel, and a confidential one in none", async () => {
    const open = await report("no");
    expect(await targetsOf(open)).toEqual(["slack channel:C0INC", "slack channel:C0OPS"]);
    await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === "C0INC" && messageText(call).includes(open), 10_000);
    const confidential = await report("yes");
    expect(await targetsOf(confidential)).toEqual([]);
  }, 120_000);

  it("stops routing to a channel when told so there; the configured route stays", async () => {
    expect(await route(slackUsers.governance.id, "C0OPS", "route incidents off")).toBe("This channel no longer receives incidents notices.");
    expect(await targetsOf(await report("no"))).toEqual(["slack channel:C0INC"]);
  }, 120_000);

  it("posts a new system for approval in the approvals channels of the configuration, on Slack and Teams", async () => {
    const owner = slackUsers.owner.id;
    await slack.dm(owner, "I want to register a new AI system");
    for (const text of ["Routing Bot", "Routes tickets", "Agents see its queue", "2", "TicketAI", "skip", "me", "public data only", "none", "advises a human", "none", "in production", "yes"]) await slack.dm(owner, text);
    const reference = /Registered (AIS-\d{4})/.exec(messageText(await slack.dm(owner, "confirm")))![1]!;
    expect(await targetsOf(reference, "system_registered")).toEqual(["slack channel:C0APR", "teams channel:19:approvals@thread.tacv2"]);
  }, 120_000);
});
