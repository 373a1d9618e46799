// The first messages people actually type, as Slack DMs to /slack/events: each goes where a person
// expects, and nothing is saved that the person did not mean as an answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeValue } from "../../src/channels/slack/actionIds.js";
import { buttonValue, messageText, messageTs, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

const draftIn = (slack: SlackTestService, slackUserId: string) => slack.database.prisma.conversationState.findFirst({ where: { platform: "slack", userId: slackUserId, status: "active" } });

describe("first messages in Slack", () => {
  let slack: SlackTestService;
  beforeAll(async () => {
    slack = await startSlackTestService();
  });
  afterAll(() => slack.stop());

  const draftOf = (slackUserId: string) => draftIn(slack, slackUserId);

  it("answers questions that mention incidents or new models, and starts nothing", async () => {
    const user = slackUsers.member.id;
    const systems = await slack.database.prisma.aiSystem.count();
    for (const text of ["how quickly does a sev1 incident have to be triaged?", "we want to test the new fraud model with last month's real claims, is that allowed?"]) {
      const reply = messageText(await slack.dm(user, text));
      expect(reply, text).not.toMatch(/What is the AI system called|Which AI system was involved/);
      expect(reply, text).toMatch(/aims_policy_feedback|policy/i);
    }
    expect(await draftOf(user)).toBeNull();
    expect(await slack.database.prisma.aiSystem.count()).toBe(systems);
  });

  it("starts an incident report from a sentence without incident words, with the sentence as its description", async () => {
    const user = slackUsers.member.id;
    const text = "our support chatbot told a customer they could get a refund we don't offer";
    expect(messageText(await slack.dm(user, text))).toMatch(/Which AI system was involved/);
    expect(((await draftOf(user))?.answers as Record<string, unknown>).description).toBe(text);
    await slack.dm(user, "cancel");
  });

  it("starts a shadow-AI report from a sighting", async () => {
    const user = slackUsers.member.id;
    expect(messageText(await slack.dm(user, "someone in finance is using an AI spreadsheet add-in nobody approved"))).toMatch(/Which AI tool have you seen in use/);
    expect((await draftOf(user))?.flowId).toBe("report_shadow_ai");
    await slack.dm(user, "cancel");
  });

  it("answers \"what can you do?\" with the capabilities, and \"my systems\" with the owner's systems", async () => {
    expect(messageText(await slack.dm(slackUsers.member.id, "what can you do?"))).toMatch(/ask me about our AI policy/);
    const owned = await slack.database.prisma.aiSystem.findMany({ where: { owner: { email: slackUsers.owner.email }, status: { not: "retired" } } });
    const listed = messageText(await slack.dm(slackUsers.owner.id, "my systems"));
    for (const system of owned) expect(listed).toContain(system.reference);
  });

  it("asks before saving a question typed at a free-text question, and answers it on request", async () => {
    const user = slackUsers.owner.id;
    await slack.dm(user, "register");
    const asked = await slack.dm(user, "can we use real customer data to test it?");
    expect(messageText(asked)).toMatch(/Is this your answer, or a question for the policy assistant\?/);
    expect((await draftOf(user))?.answers).not.toHaveProperty("name");
    const after = slack.mark();
    await slack.click(user, messageTs(asked), "aims_choice", buttonValue(asked, "Ask the policy assistant"));
    // The policy assistant's answer, then the registration's question again.
    const again = await slack.fake.waitFor((call) => slack.fake.calls.indexOf(call) >= after && call.args.channel === `D${user}` && /What is the AI system called/.test(messageText(call)), 10_000);
    const between = slack.fake.calls.slice(after, slack.fake.calls.indexOf(again) + 1).filter((call) => call.args.channel === `D${user}`);
    expect(between.map(messageText).join(" ")).toMatch(/aims_policy_feedback/);
    expect((await draftOf(user))?.answers).not.toHaveProperty("name");
    await slack.dm(user, "cancel");
  });
});

describe("Slack markup and malformed input", () => {
  let slack: SlackTestService;
  const draftOf = (slackUserId: string) => draftIn(slack, slackUserId);
  beforeAll(async () => {
    slack = await startSlackTestService();
  });
  afterAll(() => slack.stop());

  it("stores a note's link as its URL and its text without entities", async () => {
    const user = slackUsers.governance.id;
    const incident = await slack.database.prisma.incident.findFirstOrThrow({ where: { status: { notIn: ["closed", "declined", "duplicate"] } }, orderBy: { reference: "asc" } });
    await slack.dm(user, `note ${incident.reference} R&amp;D confirmed the fix <https://status.example/incidents/12|status page>`);
    const note = await slack.database.prisma.incidentEvent.findFirstOrThrow({ where: { incidentId: incident.id }, orderBy: { id: "desc" } });
    expect(note.link).toBe("https://status.example/incidents/12");
    expect(note.text).toContain("R&D confirmed the fix");
    expect(note.text).not.toMatch(/&amp;|status page|</);
  });

  it("answers a button carrying an unknown command with a clear message, not a failure", async () => {
    const user = slackUsers.member.id;
    const question = await slack.dm(user, "register");
    const reply = await slack.click(user, messageTs(question), "aims_command", encodeValue({ command: "explode" }));
    expect(messageText(reply)).toContain("That message could not be read");
    expect(messageText(reply)).not.toMatch(/something went wrong/);
    expect((await draftOf(user))?.flowId).toBe("register_ai_system");
    await slack.dm(user, "cancel");
  });
});
