// What a person types never becomes a mention or a disguised link in a message someone else gets:
// a report whose description carries Slack markup, through /slack/events, to the governance
// channel and DMs (the notices' top-level `text`, which Slack shows in notifications and
// previews, as well as their blocks).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slashCommand } from "../support/slackRequests.js";
import { governanceChannel, messageText, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

const markup = "The quote bot pinged <!channel> and <!here> and <@U0AMARA> with <https://evil.example/login|Click here to approve>";
const rawMarkup = [/<!channel>/, /<!here>/, /<@U0AMARA>/, /<https:\/\/evil\.example/];

describe("Slack markup in what people type", () => {
  let slack: SlackTestService;
  beforeAll(async () => {
    slack = await startSlackTestService();
  });
  afterAll(() => slack.stop());

  it("reaches others escaped, in the top-level text and in the blocks", async () => {
    const reporter = slackUsers.member.id;
    const after = slack.mark();
    expect((await slack.send(slashCommand({ userId: reporter, channelId: "C0GENERAL", text: `incident ${markup}` }))).status).toBe(200);
    let reply = await slack.nextMessageTo(`D${reporter}`, after);
    for (const text of ["skip", "inaccurate_output", "today", "several customers", "yes", "sev2", "skip", "no", "no"]) reply = await slack.dm(reporter, text);
    reply = await slack.dm(reporter, "confirm");
    const reference = /your report is (INC-\d{4})/.exec(messageText(reply))![1]!;

    const channelPost = await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === governanceChannel && String(call.args.text).includes(reference));
    await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === `D${slackUsers.governance.id}` && String(call.args.text).includes(reference));
    // The description is shown as the reporter meant it, decoded at the edge: the mentions as plain words
    // (which notify nobody) and the link as its own address, never behind a label that could disguise it.
    expect(String(channelPost.args.text)).toContain("pinged @channel and @here and Amara Okafor with https://evil.example/login");
    expect(String(channelPost.args.text)).not.toContain("Click here to approve");

    const toOthers = slack.fake.calls.filter((call) => (call.method === "chat.postMessage" || call.method === "chat.update") && call.args.channel !== `D${reporter}`);
    expect(toOthers.length).toBeGreaterThan(0);
    for (const call of toOthers) {
      for (const pattern of rawMarkup) {
        expect(String(call.args.text ?? ""), `text of ${call.method} to ${String(call.args.channel)}`).not.toMatch(pattern);
        expect(JSON.stringify(call.args.blocks ?? []), `blocks of ${call.method} to ${String(call.args.channel)}`).not.toMatch(pattern);
      }
    }
  });
});
