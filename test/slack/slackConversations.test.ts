// Slack end to end: signed requests to /slack/events on the real service, the real Bolt app and
// Web API client, and a fake Slack Web API on loopback that records what the bot sends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeValue } from "../../src/channels/slack/actionIds.js";
import { requirementClauses } from "../../src/iso42001/catalog.js";
import { eventCallback, globalShortcut, interaction, messageShortcut, postToSlackEndpoint, slashCommand, urlVerification, viewSubmission, blockAction } from "../support/slackRequests.js";
import { buttonValue, governanceChannel, messageText, messageTs, signingSecret, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

const choice = (stepId: string, value: string) => encodeValue({ stepId, value });

describe("the Slack channel", () => {
  let slack: SlackTestService;
  beforeAll(async () => {
    slack = await startSlackTestService();
  });
  afterAll(() => slack.stop());

  describe("request verification", () => {
    it("answers a signed url_verification with its challenge", async () => {
      const response = await slack.send(urlVerification("challenge-123"));
      expect(response.status).toBe(200);
      expect(response.text).toContain("challenge-123");
    });

    it("refuses a forged signature and a replayed old timestamp with 401", async () => {
      const request = urlVerification("nope");
      const endpoint = `${slack.service.url}/slack/events`;
      expect((await postToSlackEndpoint(endpoint, signingSecret, { ...request, signature: "v0=deadbeef" })).status).toBe(401);
      expect((await postToSlackEndpoint(endpoint, "not-the-secret", request)).status).toBe(401);
      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
      expect((await postToSlackEndpoint(endpoint, signingSecret, { ...request, timestamp: sixMinutesAgo })).status).toBe(401);
    });
  });

  it("registers an AI system through a DM, with buttons updating the message in place", async () => {
    const user = slackUsers.owner.id;
    let reply = await slack.dm(user, "I want to register a new AI system");
    expect(messageText(reply)).toMatch(/What is the AI system called/);
    reply = await slack.dm(user, "Slack Triage Bot");
    reply = await slack.dm(user, "Routes support tickets");
    reply = await slack.dm(user, "Support agents see its suggested queue");
    expect(messageText(reply)).toMatch(/What kind of AI system is it/);
    const kindQuestion = reply;
    reply = await slack.click(user, messageTs(kindQuestion), "aims_choice", choice("kind", "third_party_service"));
    expect(reply.method).toBe("chat.update");
    expect(reply.args.ts).toBe(messageTs(kindQuestion));
    expect(messageText(reply)).toMatch(/Which vendor provides it/);
    reply = await slack.dm(user, "TicketAI");
    reply = await slack.dm(user, "Customer Support");
    reply = await slack.dm(user, "me");
    expect(messageText(reply)).toMatch(/What data does it process/);
    // Checkboxes are read from the message's state when "Continue" is pressed.
    const after = slack.mark();
    await slack.send(interaction(blockAction({
      userId: user, channelId: `D${user}`, messageTs: messageTs(reply), actionId: "aims_checks_submit", value: "dataCategories",
      stateValues: { "aims_checks:dataCategories": { aims_checks: { type: "checkboxes", selected_options: [{ value: "personal" }] } } },
    })));
    reply = await slack.nextMessageTo(`D${user}`, after);
    expect(messageText(reply)).toMatch(/Whose lives or work/);
    for (const text of ["customers", "human can override", "none", "in production", "yes"]) reply = await slack.dm(user, text);
    expect(messageText(reply)).toMatch(/Please check your AI system registration/);
    expect(messageText(reply)).toContain("TicketAI");
    reply = await slack.click(user, messageTs(reply), "aims_command", buttonValue(reply, "Confirm and save"));
    const reference = /Registered (AIS-\d{4})/.exec(messageText(reply))?.[1];
    expect(reference, messageText(reply)).toBeDefined();
    const system = await slack.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference: reference! }, include: { owner: true } });
    expect(system).toMatchObject({ name: "Slack Triage Bot", vendor: "TicketAI", createdVia: "slack", riskTier: "medium", dataCategories: ["personal"] });
    expect(system.owner?.email).toBe(slackUsers.owner.email);
    expect(system.owner?.slackUserId).toBe(user);
    expect(system.owner?.timeZone).toBe("Europe/Berlin");
  });

  it("takes a confidential incident by slash command without its details ever reaching a channel", async () => {
    const user = slackUsers.member.id;
    const start = slack.mark();
    const response = await slack.send(slashCommand({ userId: user, channelId: "C0GENERAL", text: "incident The Nora Customer Assistant leaked a customer's home address" }));
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/direct message/);
    let reply = await slack.nextMessageTo(`D${user}`, start);
    expect(messageText(reply)).toMatch(/What kind of incident/);
    const typeAfter = slack.mark();
    await slack.send(interaction(blockAction({ userId: user, channelId: `D${user}`, messageTs: messageTs(reply), actionId: "aims_select", selectedOption: choice("type", "privacy") })));
    reply = await slack.nextMessageTo(`D${user}`, typeAfter);
    expect(messageText(reply)).toMatch(/When did it happen/);
    const dateAfter = slack.mark();
    await slack.send(interaction(blockAction({ userId: user, channelId: `D${user}`, messageTs: messageTs(reply), actionId: "aims_date", blockId: "aims_date:occurredAt", selectedDate: "2026-11-25" })));
    reply = await slack.nextMessageTo(`D${user}`, dateAfter);
    for (const text of ["one customer", "yes", "sev2", "skip", "skip", "no"]) reply = await slack.dm(user, text);
    expect(messageText(reply)).toMatch(/Please check your AI incident report/);
    const noticesBefore = slack.fake.calls.length;
    reply = await slack.click(user, messageTs(reply), "aims_command", buttonValue(reply, "Confirm and save"));
    const reference = /your report is (INC-\d{4})/.exec(messageText(reply))![1]!;
    await expect(slack.database.prisma.incident.findUnique({ where: { reference } })).resolves.toMatchObject({ confidential: true, createdVia: "slack" });

    // Confidential: governance members hear of it by DM only, redacted, with the triage buttons.
    const governanceDm = await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === `D${slackUsers.governance.id}` && messageText(call).includes(reference));
    expect(messageText(governanceDm)).toMatch(/SEV2/);
    expect(messageText(governanceDm)).not.toMatch(/home address|Nora/);
    for (const label of ["Acknowledge", "Assign to…", "Change severity", "Mark duplicate", "Not an AI incident"]) expect(() => buttonValue(governanceDm, label)).not.toThrow();
    const toChannels = slack.fake.calls.filter((call) => call.method === "chat.postMessage" && String(call.args.channel).startsWith("C"));
    for (const call of toChannels) expect(messageText(call)).not.toMatch(new RegExp(`${reference}|home address|Nora`));
    expect(slack.fake.calls.length).toBeGreaterThan(noticesBefore);

    // "View details": a member who is not the reporter is refused in their DM; governance gets the details there.
    const otherMember = slackUsers.owner.id;
    const detailsValue = buttonValue(governanceDm, "View details");
    let after = slack.mark();
    await slack.send(interaction(blockAction({ userId: otherMember, channelId: governanceChannel, messageTs: messageTs(governanceDm), actionId: "aims_notice_action", value: detailsValue })));
    const refusal = await slack.nextMessageTo(`D${otherMember}`, after);
    expect(messageText(refusal)).toMatch(/is confidential/);
    expect(messageText(refusal)).not.toMatch(/home address/);
    after = slack.mark();
    await slack.send(interaction(blockAction({ userId: slackUsers.governance.id, channelId: `D${slackUsers.governance.id}`, messageTs: messageTs(governanceDm), actionId: "aims_notice_action", value: detailsValue })));
    const details = await slack.nextMessageTo(`D${slackUsers.governance.id}`, after);
    expect(messageText(details)).toMatch(/home address/);
  });

  it("starts a report from a message shortcut with the message text and its permalink", async () => {
    const user = slackUsers.owner.id;
    const after = slack.mark();
    const response = await slack.send(interaction(messageShortcut({ callbackId: "report_message_as_incident", userId: user, channelId: "C0SALES", messageTs: "1799999999.000200", text: "The quote bot offered a 90% discount nobody approved" })));
    expect(response.status).toBe(200);
    const reply = await slack.nextMessageTo(`D${user}`, after);
    expect(messageText(reply)).toMatch(/Which AI system was involved/);
    const state = await slack.database.prisma.conversationState.findFirstOrThrow({ where: { platform: "slack", userId: user, conversationId: `D${user}` } });
    expect((state.answers as { description: string }).description).toMatch(/90% discount nobody approved[\s\S]*https:\/\/acme\.slack\.com\/archives\/C0SALES\/p1799999999000200/);
    await slack.dm(user, "cancel");
  });

  it("takes an incident from report to closed: triage from the channel notice, then buttons and slash commands, one history entry per step", async () => {
    const [reporter, handler, governance] = [slackUsers.member.id, slackUsers.owner.id, slackUsers.governance.id];
    const slash = async (userId: string, text: string) => {
      const after = slack.mark();
      expect((await slack.send(slashCommand({ userId, channelId: "C0GENERAL", text }))).status).toBe(200);
      return slack.nextMessageTo(`D${userId}`, after);
    };
    const noticeTo = (channel: string, pattern: RegExp) =>
      slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === channel && pattern.test(String(call.args.text)));

    let reply = await slash(reporter, "incident The quote bot offered several customers a 90% discount nobody approved");
    for (const text of ["skip", "inaccurate_output", "today", "several customers", "yes", "sev2", "skip", "no", "no"]) reply = await slack.dm(reporter, text);
    reply = await slack.dm(reporter, "confirm");
    const reference = /your report is (INC-\d{4})/.exec(messageText(reply))![1]!;

    // Triage from the governance channel: the action runs, and its result is shown, in the clicker's DM.
    const channelPost = await noticeTo(governanceChannel, new RegExp(reference));
    expect(messageText(channelPost)).toMatch(/90% discount/);
    let after = slack.mark();
    await slack.send(interaction(blockAction({ userId: governance, channelId: governanceChannel, messageTs: messageTs(channelPost), actionId: "aims_notice_action", value: buttonValue(channelPost, "Acknowledge") })));
    reply = await slack.nextMessageTo(`D${governance}`, after);
    expect(messageText(reply)).toMatch(/triaged/);
    expect(messageText(await noticeTo(`D${reporter}`, new RegExp(`Your report ${reference} was acknowledged`)))).toMatch(/Amara Okafor handles it/);

    after = slack.mark();
    await slack.send(interaction(blockAction({ userId: governance, channelId: governanceChannel, messageTs: messageTs(channelPost), actionId: "aims_notice_action", value: buttonValue(channelPost, "Assign to…") })));
    expect(messageText(await slack.nextMessageTo(`D${governance}`, after))).toMatch(/Who should handle it/);
    await slack.dm(governance, slackUsers.owner.email);
    expect(messageText(await slack.dm(governance, "confirm"))).toMatch(/INC-\d{4}: Assigned/);
    await noticeTo(`D${handler}`, new RegExp(`You have been assigned ${reference}`));

    // The handler works it from their DM.
    reply = await slash(handler, `incident ${reference} investigate`);
    expect(messageText(reply)).toMatch(/investigating/);
    reply = await slash(handler, `note ${reference} Compared the quotes: https://tickets.example/AI-7`);
    expect(messageText(reply)).toContain("<https://tickets.example/AI-7|evidence>");
    reply = await slack.click(handler, messageTs(reply), "aims_incident_action", buttonValue(reply, "Contained"));
    expect(messageText(reply)).toMatch(/What was done to stop further harm/);
    await slack.dm(handler, "Discount rule disabled; affected quotes re-issued");
    await slack.dm(handler, "confirm");
    const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    reply = await slash(handler, `incident ${reference} resolve`);
    for (const text of ["A pricing prompt let the model set discounts", "Quotes corrected", "Cap discounts in code, outside the model", "me", dueDate]) reply = await slack.dm(handler, text);
    expect(messageText(reply)).toMatch(/Please check your incident resolution/);
    expect(messageText(await slack.dm(handler, "confirm"))).toMatch(/Status: Resolved/);

    reply = await slash(governance, `incident ${reference} close`);
    for (const text of ["The code cap ships with the next release; quotes are checked by hand until then", "Tried 50 quotes: none above the cap", "The bot gave unapproved discounts", "Discounts were left to the model", "Caps live in code now"]) reply = await slack.dm(governance, text);
    expect(messageText(await slack.dm(governance, "confirm"))).toMatch(/Status: Closed/);

    const incident = await slack.database.prisma.incident.findUniqueOrThrow({ where: { reference } });
    const history = await slack.database.prisma.changeLog.findMany({ where: { entityId: incident.id }, orderBy: { id: "asc" } });
    expect(history.map((entry) => [entry.actorLabel, entry.channel, (entry.changes as Record<string, { to: unknown }>).status?.to ?? "(no status change)"])).toEqual([
      ["Tom Gallagher", "slack", "reported"],
      ["Amara Okafor", "slack", "triaged"],
      ["Amara Okafor", "slack", "(no status change)"],
      ["Sofia Alvarez", "slack", "investigating"],
      ["Sofia Alvarez", "slack", "contained"],
      ["Sofia Alvarez", "slack", "resolved"],
      ["Amara Okafor", "slack", "closed"],
    ]);
    await expect(slack.database.prisma.correctiveAction.count({ where: { incidentId: incident.id } })).resolves.toBe(1);
  });

  it("subscribes a channel to the Monday digest and delivers it there with its chart; only managers and governance may", async () => {
    const respondedAfter = async (mark: number) => slack.fake.waitFor((call) => call.method === "response" && slack.fake.calls.indexOf(call) >= mark);
    let mark = slack.mark();
    await slack.send(slashCommand({ userId: slackUsers.member.id, channelId: "C0LEADS", text: "digest subscribe", responseUrl: `${slack.fake.url}response` }));
    expect(messageText(await respondedAfter(mark))).toMatch(/Only managers and the governance team can subscribe/);
    mark = slack.mark();
    await slack.send(slashCommand({ userId: slackUsers.governance.id, channelId: "C0LEADS", text: "digest subscribe", responseUrl: `${slack.fake.url}response` }));
    expect(messageText(await respondedAfter(mark))).toMatch(/will receive the AI governance digest every Monday/);
    await expect(slack.database.prisma.digestSubscription.count({ where: { platform: "slack", channelId: "C0LEADS" } })).resolves.toBe(1);

    await slack.service.runScheduledWork();
    await slack.service.delivery.kick();
    const digest = await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === "C0LEADS");
    expect(messageText(digest)).toMatch(/AI governance digest, week of .*Needs attention: /);
    const upload = await slack.fake.waitFor((call) => call.method === "files.completeUploadExternal" && call.args.channel_id === "C0LEADS");
    expect(JSON.stringify(upload.args.files)).toContain("AI governance digest");
    expect(slack.fake.callsTo("files.uploadBytes").at(-1)?.args.bytes).toBeGreaterThan(5_000);

    mark = slack.mark();
    await slack.send(slashCommand({ userId: slackUsers.governance.id, channelId: "C0LEADS", text: "digest" }));
    const preview = await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === `D${slackUsers.governance.id}` && slack.fake.calls.indexOf(call) >= mark);
    expect(messageText(preview)).toMatch(/AI governance digest, week of/);
  });

  it("sends the evidence pack as a zip in a direct message to governance, and to nobody else", async () => {
    let mark = slack.mark();
    await slack.send(slashCommand({ userId: slackUsers.member.id, channelId: "C0LEADS", text: "evidence pack", responseUrl: `${slack.fake.url}response` }));
    await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === `D${slackUsers.member.id}` && slack.fake.calls.indexOf(call) >= mark && /Only the governance team can export the evidence pack/.test(messageText(call)));
    await expect(slack.database.prisma.notification.count({ where: { kind: "evidence_pack" } })).resolves.toBe(0);

    mark = slack.mark();
    await slack.send(slashCommand({ userId: slackUsers.governance.id, channelId: "C0LEADS", text: "evidence pack", responseUrl: `${slack.fake.url}response` }));
    await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === `D${slackUsers.governance.id}` && slack.fake.calls.indexOf(call) >= mark && /putting the evidence pack together/.test(messageText(call)));
    await slack.service.delivery.kick();
    const upload = await slack.fake.waitFor((call) => call.method === "files.getUploadURLExternal" && slack.fake.calls.indexOf(call) >= mark);
    expect(String(upload.args.filename)).toMatch(/^aims-evidence-pack-\d{4}-\d{2}-\d{2}\.zip$/);
    const completed = await slack.fake.waitFor((call) => call.method === "files.completeUploadExternal" && slack.fake.calls.indexOf(call) >= mark);
    expect(completed.args.channel_id).toBe(`D${slackUsers.governance.id}`);
  });

  it("delivers a reminder as a DM with its buttons when its working hour comes, and Snooze from Slack stops it", async () => {
    const sofia = await slack.database.prisma.person.findUniqueOrThrow({ where: { email: slackUsers.owner.email } });
    const dueTomorrow = new Date(Date.now() + 86_400_000);
    await slack.database.prisma.correctiveAction.create({
      data: { reference: "CA-9001", description: "Add a bias test to the release checklist", ownerId: sofia.id, dueDate: dueTomorrow, createdVia: "slack" },
    });
    await slack.service.runScheduledWork();
    const queued = await slack.database.prisma.notification.findFirstOrThrow({ where: { recordRef: "action:CA-9001", kind: "reminder" } });
    expect(queued.notBefore).not.toBeNull(); // held for Sofia's working hours in her time zone
    // Her working hour comes (the deliveries wait for notBefore; bring it to now). During her working
    // hours it is now already and the first pass sends it, so the reminder is looked for from before both.
    const mark = slack.mark();
    await slack.service.delivery.kick();
    await slack.database.prisma.notificationDelivery.updateMany({ where: { notificationId: queued.id }, data: { nextAttemptAt: new Date() } });
    await slack.service.delivery.kick();
    const reminder = await slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === `D${slackUsers.owner.id}` && messageText(call).includes("CA-9001") && slack.fake.calls.indexOf(call) >= mark);
    expect(messageText(reminder)).toMatch(/Reminder: Corrective action CA-9001: Add a bias test to the release checklist.*is due tomorrow/);
    const snoozed = await slack.click(slackUsers.owner.id, messageTs(reminder), "aims_notice_action", buttonValue(reminder, "Snooze 1 week"));
    expect(messageText(snoozed)).toMatch(/Snoozed until \d{1,2} [A-Z][a-z]+ \d{4}/);
    const state = await slack.database.prisma.reminderState.findUniqueOrThrow({ where: { itemKey: "action:CA-9001" } });
    expect(state.snoozedUntil!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it("takes a whole incident report started from the global shortcut", async () => {
    const user = slackUsers.member.id;
    const after = slack.mark();
    await slack.send(interaction(globalShortcut({ callbackId: "report_incident", userId: user })));
    expect(messageText(await slack.nextMessageTo(`D${user}`, after))).toMatch(/Which AI system was involved/);
    let reply = await slack.dm(user, "GitHub Copilot");
    expect(messageText(reply)).toMatch(/What happened/);
    for (const text of ["It suggested code containing a real API key from another repository", "security", "today", "our developers", "no", "sev3", "Rotated the key", "skip", "no"]) {
      reply = await slack.dm(user, text);
    }
    reply = await slack.click(user, messageTs(reply), "aims_command", buttonValue(reply, "Confirm and save"));
    const reference = /your report is (INC-\d{4})/.exec(messageText(reply))![1]!;
    await expect(slack.database.prisma.incident.findUnique({ where: { reference }, include: { system: true } })).resolves.toMatchObject({
      type: "security", severity: "sev3", confidential: false, immediateAction: "Rotated the key", system: { name: "GitHub Copilot" },
    });
  });

  it("takes a whole incident report from one sentence in a DM, and a registration started with /aims register", async () => {
    const user = slackUsers.governance.id;
    let reply = await slack.dm(user, "The Campaign Copy Generator wrote an offensive slogan about older customers");
    expect(messageText(reply)).toMatch(/What kind of incident is it/);
    for (const text of ["bias", "yesterday", "older customers", "no", "sev4", "skip", "no", "no", "confirm"]) reply = await slack.dm(user, text);
    expect(messageText(reply)).toMatch(/your report is INC-\d{4}/);

    const start = slack.mark();
    const response = await slack.send(slashCommand({ userId: user, text: "register" }));
    expect(response.text).toMatch(/direct message/);
    reply = await slack.nextMessageTo(`D${user}`, start);
    expect(messageText(reply)).toMatch(/What is the AI system called/);
    for (const text of ["Board Pack Drafter", "Drafts board packs", "Company secretary", "in-house", "Governance", "me", "confidential business", "none", "advises", "none", "proposed", "yes", "confirm"]) {
      reply = await slack.dm(user, text);
    }
    expect(messageText(reply)).toMatch(/Registered AIS-\d{4}: Board Pack Drafter/);
  });

  it("publishes App Home, with governance's view for governance members", async () => {
    for (const [who, expectGovernance] of [[slackUsers.governance.id, true], [slackUsers.member.id, false]] as const) {
      const after = slack.mark();
      await slack.send(eventCallback({ type: "app_home_opened", user: who, channel: `D${who}`, tab: "home" }));
      const publish = await slack.fake.waitFor((call) => call.method === "views.publish" && call.args.user_id === who && slack.fake.calls.indexOf(call) >= after);
      const text = JSON.stringify(publish.args.view);
      expect(text).toContain("Register an AI system");
      expect(text.includes("Governance: latest incidents")).toBe(expectGovernance);
    }
  });

  it("replies once to an event Slack delivers three times", async () => {
    const user = slackUsers.governance.id;
    const request = eventCallback({ type: "message", channel_type: "im", channel: `D${user}`, user, text: "hello there", ts: "1800000001.000001" }, { eventId: "EvRETRY1" });
    const before = slack.mark();
    for (const retry of ["", "1", "2"]) {
      const response = await slack.send(request, retry ? { "x-slack-retry-num": retry, "x-slack-retry-reason": "http_timeout" } : undefined);
      expect(response.status).toBe(200);
    }
    await slack.nextMessageTo(`D${user}`, before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Governance notices (triage reminders) reach this DM on their own schedule: only replies count.
    const replies = slack.fake.calls.slice(before).filter((call) => call.method === "chat.postMessage" && call.args.channel === `D${user}` && !/^\*\* /.test(String(call.args.text)));
    expect(replies).toHaveLength(1);
  });

  it("answers a failure on our side with a friendly message and a short error id", async () => {
    // users.info fails for a user Slack cannot describe: the turn cannot run, and the user is told so.
    const reply = await slack.dm("U0GHOST", "register a system");
    expect(String(reply.args.text)).toMatch(/^Sorry, something went wrong on our side \(error E-[0-9A-F]{6}\)\. Your answers so far are saved/);
    expect(await slack.database.prisma.conversationState.count({ where: { userId: "U0GHOST" } })).toBe(0);
  });

  it("ignores its own messages and other bots'", async () => {
    const before = slack.fake.calls.length;
    await slack.send(eventCallback({ type: "message", channel_type: "im", channel: "D0BOTS", user: "U0BOT", bot_id: "B0BOT", text: "report an incident", ts: "1800000002.000001" }));
    await slack.send(eventCallback({ type: "message", subtype: "bot_message", channel_type: "im", channel: "D0BOTS", bot_id: "B0OTHER", text: "the model leaked data", ts: "1800000003.000001" }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.fake.calls.slice(before).filter((call) => call.method.startsWith("chat."))).toEqual([]);
  });

  it("delivers a reply after waiting out a 429 with Retry-After", async () => {
    const user = slackUsers.member.id;
    slack.fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const reply = await slack.dm(user, "hello again");
    expect(reply.at - started).toBeGreaterThanOrEqual(1000);
    expect(slack.fake.callsTo("chat.postMessage").some((call) => call.failure && "status" in call.failure && call.failure.status === 429)).toBe(true);
  });

  it("answers /aims ask from the policy with its citation, and /aims help with the commands", async () => {
    const mark = slack.mark();
    const ask = await slack.send(slashCommand({ userId: slackUsers.member.id, text: "ask can I paste customer emails into ChatGPT?", responseUrl: `${slack.fake.url}response` }));
    expect(ask.status).toBe(200);
    const answer = await slack.fake.waitFor((call) => call.method === "response" && slack.fake.calls.indexOf(call) >= mark);
    expect(answer.args.response_type).toBe("ephemeral");
    expect(messageText(answer)).toMatch(/ai-acceptable-use-policy.md §4\.2/);
    // Under the answer, the citation names the document as people know it: its title and version.
    expect(messageText(answer)).toContain("Northwind Mutual AI Acceptable Use Policy (Version 2.1) §4.2");
    const stored = await slack.database.prisma.policyQuestion.findFirstOrThrow({ where: { channel: "slack" } });
    expect(stored).toMatchObject({ answered: true, source: "extract" });
    await slack.click(slackUsers.member.id, "1799999999.000001", "aims_policy_feedback", buttonValue(answer, "Helpful"));
    await expect(slack.database.prisma.policyQuestion.findUniqueOrThrow({ where: { id: stored.id } })).resolves.toMatchObject({ feedback: "helpful" });
    // Help is per role: a member sees what they may use, governance also what only they may.
    const help = await slack.send(slashCommand({ userId: slackUsers.member.id, text: "help" }));
    expect(help.text).toMatch(/\/aims register/);
    for (const command of ["/aims system AIS-0001", "/aims soa", "/aims schedule [audit", "/aims my systems", "/aims incidents"]) {
      expect(help.text).toContain(command);
    }
    // Nor the registers the access policy keeps for oversight, managers and owners.
    for (const refused of ["/aims gap analysis", "/aims evidence pack", "/aims digest", "/aims assess risk", "/aims risks", "/aims gap report", "/aims nonconformities", "/aims review inputs REV-0001"]) expect(help.text).not.toContain(refused);
    const governanceHelp = await slack.send(slashCommand({ userId: slackUsers.governance.id, text: "help" }));
    for (const command of ["/aims gap analysis", "/aims evidence pack", "/aims digest", "/aims assess risk", "/aims assess impact"]) expect(governanceHelp.text).toContain(command);
  });

  it("passes the newer desks' commands from /aims to the DM, and says what it knows when it doesn't understand", async () => {
    const user = slackUsers.governance.id;
    let after = slack.mark();
    expect((await slack.send(slashCommand({ userId: user, text: "nonconformities" }))).text).not.toMatch(/\/aims register/);
    expect(messageText(await slack.nextMessageTo(`D${user}`, after))).toMatch(/nonconformit/i);
    // What is not understood is said where it was typed, with the commands this person may use.
    const puzzled = (await slack.send(slashCommand({ userId: user, text: "risks sideways" }))).text;
    expect(puzzled).toContain('I didn\'t understand \\"risks sideways\\"');
    for (const command of ["assess risk", "assess impact", "system AIS-0001", "soa", "gap analysis", "gap report", "nonconformities", "review inputs REV-0001", "schedule [audit", "evidence pack"]) {
      expect(puzzled).toContain(command);
    }
  });

  it("registers through the modal form: placeholder first, validation errors, then the summary in the DM", async () => {
    const user = slackUsers.owner.id;
    const response = await slack.send(slashCommand({ userId: user, text: "register form", triggerId: "trigger-form" }));
    expect(response.status).toBe(200);
    const opened = await slack.fake.waitFor((call) => call.method === "views.open" && call.args.trigger_id === "trigger-form");
    const updated = await slack.fake.waitFor((call) => call.method === "views.update" && call.at >= opened.at);
    expect(JSON.stringify(updated.args.view)).toMatch(/"block_id":"autonomyLevel"/);
    const field = (value: unknown) => ({ value: { ...(value as object) } });
    const values = {
      name: field({ type: "plain_text_input", value: "Modal Model" }),
      purpose: field({ type: "plain_text_input", value: "Scores leads" }),
      intendedUse: field({ type: "plain_text_input", value: "Sales reps prioritise calls" }),
      kind: field({ type: "static_select", selected_option: { value: "third_party_service" } }),
      vendor: field({ type: "plain_text_input", value: null }),
      businessUnit: field({ type: "plain_text_input", value: null }),
      owner: field({ type: "users_select", selected_user: null }),
      dataCategories: field({ type: "checkboxes", selected_options: [{ value: "personal" }] }),
      affectedParties: field({ type: "checkboxes", selected_options: [{ value: "customers" }] }),
      autonomyLevel: field({ type: "static_select", selected_option: { value: "advises_human" } }),
      regulatedDomain: field({ type: "static_select", selected_option: { value: "none" } }),
      lifecycleStage: field({ type: "static_select", selected_option: { value: "in_production" } }),
      inAimsScope: field({ type: "radio_buttons", selected_option: { value: "yes" } }),
    };
    const invalid = await slack.send(interaction(viewSubmission({ userId: user, callbackId: "register_ai_system_form", values })));
    expect(invalid.json).toMatchObject({ response_action: "errors", errors: { vendor: expect.stringMatching(/answer/) } });
    const after = slack.mark();
    const valid = await slack.send(interaction(viewSubmission({ userId: user, callbackId: "register_ai_system_form", values: { ...values, vendor: field({ type: "plain_text_input", value: "LeadCo" }) } })));
    expect(valid.status).toBe(200);
    const summary = await slack.nextMessageTo(`D${user}`, after);
    expect(messageText(summary)).toMatch(/Please check your AI system registration/);
    expect(messageText(summary)).toContain("LeadCo");
    const done = await slack.click(user, messageTs(summary), "aims_command", buttonValue(summary, "Confirm and save"));
    expect(messageText(done)).toMatch(/Registered AIS-\d{4}: Modal Model/);
  });

  it("shows a gap analysis re-run's long summary within Slack's limits, editable and confirmable", async () => {
    const user = slackUsers.governance.id;
    // A previous analysis with every clause missing: the re-run's summary has 96 answers.
    await slack.database.prisma.gapAnalysis.create({
      data: {
        reference: "GAP-0900",
        createdVia: "slack",
        findings: { create: requirementClauses.map((clause) => ({ clauseId: clause.id, status: "missing" as const, note: `Nothing yet for ${clause.id}` })) },
      },
    });
    let reply = await slack.dm(user, "gap analysis");
    const blocks = reply.args.blocks as { elements?: { action_id?: string; options?: { value: string }[] }[] }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(messageText(reply)).toContain("Nothing yet for 10.2");
    const picker = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === "aims_edit_answer")!;
    expect(picker.options).toHaveLength(96);
    const edit4_1 = picker.options!.find((option) => JSON.parse(option.value).stepId === "status_4_1")!.value;
    const after = slack.mark();
    await slack.send(interaction(blockAction({ userId: user, channelId: `D${user}`, messageTs: messageTs(reply), actionId: "aims_edit_answer", selectedOption: edit4_1 })));
    reply = await slack.nextMessageTo(`D${user}`, after);
    expect(messageText(reply)).toMatch(/4\.1 [^"]*: is this in place\?/);
    // The answer buttons share one actions block, so all but the first carry a suffixed action_id that the listener still hears.
    const actionsOf = (call: typeof reply) => (call.args.blocks as { type: string; elements?: { action_id?: string; value?: string; text?: { text: string } }[] }[]).filter((block) => block.type === "actions").flatMap((block) => block.elements ?? []);
    const partial = actionsOf(reply).find((element) => element.text?.text === "partial")!;
    expect(partial.action_id).toMatch(/^aims_choice:\d+$/);
    reply = await slack.click(user, messageTs(reply), partial.action_id!, partial.value!);
    // The gap's note is kept from before, so the answer leads straight back to the summary.
    expect(messageText(reply)).toMatch(/Please check your gap analysis/);
    reply = await slack.click(user, messageTs(reply), "aims_command", buttonValue(reply, "Confirm and save"));
    const reference = /(GAP-0001)/.exec(messageText(reply))?.[1];
    expect(reference, messageText(reply)).toBeDefined();
    const findings = await slack.database.prisma.gapFinding.findMany({ where: { analysis: { reference: reference! } } });
    expect(findings.find((finding) => finding.clauseId === "4.1")).toMatchObject({ status: "partial", note: "Nothing yet for 4.1" });
    expect(findings.filter((finding) => finding.status === "missing")).toHaveLength(31);
  });
});
