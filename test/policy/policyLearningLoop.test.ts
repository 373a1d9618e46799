// The loop that learns, end to end in Slack: a question the policy answers uncertainly is marked
// "Not helpful" and passed to governance; a governance member answers it from the notice's Answer
// button; the asker is sent the answer; a later question with the same meaning gets it first, marked
// with who answered and when; governance lists and retires it, each step in the change history. A
// question declined as outside the policies is passed on from its own button.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeeklyDigest } from "../../src/digest/buildWeeklyDigest.js";
import { renderDigestMarkdown } from "../../src/digest/digestMarkdown.js";
import { blockAction, interaction } from "../support/slackRequests.js";
import { buttonValue, governanceChannel, messageText, messageTs, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";
import { displayDate } from "../../src/domain/dateDisplay.js";

const question = "can I use an AI voice generator to read out our hold music announcements?";
const paraphrase = "is an AI voice generator ok for the on-hold music announcements?";
const curatedText = "Yes, with the voice in Northwind Assist only, and the announcement must say the voice is AI-generated.";

describe("the policy assistant learns from the governance team's answers (Slack)", () => {
  let slack: SlackTestService;
  beforeAll(async () => {
    slack = await startSlackTestService();
  });
  afterAll(() => slack.stop());

  const noticeTo = (channel: string, pattern: RegExp) =>
    slack.fake.waitFor((call) => call.method === "chat.postMessage" && call.args.channel === channel && pattern.test(messageText(call)), 10_000);

  it("asks, passes on, answers, tells the asker, and gives the answer to a paraphrase", async () => {
    const [asker, governance] = [slackUsers.member.id, slackUsers.governance.id];

    // The policy only comes close: it says so, cites the closest sections, and the asker passes it on.
    let reply = await slack.dm(asker, question);
    expect(messageText(reply)).toMatch(/I'm not certain; these sections look closest/);
    expect(messageText(reply)).toMatch(/ai-acceptable-use-policy\.md §8\.1/);
    reply = await slack.click(asker, messageTs(reply), "aims_policy_feedback", buttonValue(reply, "Not helpful"));
    const reference = /passed your question to the governance team \((PQ-\d{4})\)/.exec(messageText(reply))?.[1];
    expect(reference, messageText(reply)).toBeDefined();

    // Governance answers from the notice in their channel.
    const notice = await noticeTo(governanceChannel, new RegExp(reference!));
    expect(messageText(notice)).toContain("hold music announcements");
    let after = slack.mark();
    await slack.send(interaction(blockAction({ userId: governance, channelId: governanceChannel, messageTs: messageTs(notice), actionId: "aims_notice_action", value: buttonValue(notice, "Answer") })));
    reply = await slack.nextMessageTo(`D${governance}`, after);
    expect(messageText(reply)).toMatch(/Your answer, as the person who asked will read it/);
    await slack.dm(governance, curatedText);
    reply = await slack.dm(governance, "ai-acceptable-use-policy.md §8.1");
    expect(messageText(reply)).toMatch(/Please check your answer to a policy question/);
    reply = await slack.dm(governance, "confirm");
    expect(messageText(reply)).toMatch(new RegExp(`${reference} answered`));
    const curatedReference = /Kept as (PA-\d{4})/.exec(messageText(reply))?.[1];
    expect(curatedReference).toBeDefined();

    // The asker is told.
    const told = await noticeTo(`D${asker}`, new RegExp(`answered your policy question \\(${reference}\\)`));
    expect(messageText(told)).toContain(curatedText);
    expect(messageText(told)).toContain(question.slice(0, 40));

    // Someone asking the same thing in other words gets the curated answer, with who and when.
    reply = await slack.dm(slackUsers.owner.id, paraphrase);
    const today = new Date().toISOString().slice(0, 10);
    expect(messageText(reply)).toContain(curatedText);
    expect(messageText(reply)).toContain(`Answer from the AI governance team, Amara Okafor, ${displayDate(today)}, ${curatedReference}`);
    expect(messageText(reply)).toContain("See ai-acceptable-use-policy.md §8.1");
    const prisma = slack.database.prisma;
    await expect(prisma.curatedPolicyAnswer.findUniqueOrThrow({ where: { reference: curatedReference! } })).resolves.toMatchObject({ timesGiven: 1, answeredByLabel: "Amara Okafor" });
    await expect(prisma.policyQuestion.findFirstOrThrow({ where: { question: paraphrase } })).resolves.toMatchObject({ answered: true, source: "curated" });

    // The weekly digest counts the questions the governance team's answers answered: the first and the paraphrase.
    const digest = await buildWeeklyDigest(prisma, { now: new Date(), timeZone: "UTC" });
    expect(digest.policyQuestions.answeredByGovernance).toBe(2);
    expect(renderDigestMarkdown(digest)).toContain("2 questions answered with the governance team's answers");

    // Governance lists and retires it; after that the policy answers again. Every step is in the change history.
    reply = await slack.dm(governance, "policy answers");
    expect(messageText(reply)).toContain(curatedReference!);
    expect(messageText(reply)).toMatch(/given 1 times/);
    reply = await slack.dm(governance, `retire ${curatedReference}`);
    expect(messageText(reply)).toMatch(/is retired/);
    reply = await slack.dm(slackUsers.owner.id, paraphrase);
    expect(messageText(reply)).not.toContain(curatedText);
    const history = await prisma.changeLog.findMany({ where: { entityRef: { in: [reference!, curatedReference!] } }, orderBy: { id: "asc" } });
    expect(history.map((entry) => [entry.entityType, entry.action, entry.actorLabel])).toEqual([
      ["curated_policy_answer", "create", "Amara Okafor"],
      ["policy_question", "status_change", "Amara Okafor"],
      ["curated_policy_answer", "status_change", "Amara Okafor"],
    ]);
  });

  it("passes on a question declined as outside the policies, from the decline's own button", async () => {
    const asker = slackUsers.member.id;
    const reply = await slack.dm(asker, "What are Elsevier's rules on authors using AI to write papers?");
    expect(messageText(reply)).toMatch(/Our AI policies don't mention Elsevier/);
    const passed = await slack.click(asker, messageTs(reply), "aims_policy_feedback", buttonValue(reply, "Pass to the governance team"));
    const reference = /passed your question to the governance team \((PQ-\d{4})\)/.exec(messageText(passed))?.[1];
    expect(reference, messageText(passed)).toBeDefined();
    expect(messageText(await noticeTo(governanceChannel, new RegExp(reference!)))).toContain("Elsevier's rules");
  });

  it("lets only the governance team answer and manage curated answers", async () => {
    const reply = await slack.dm(slackUsers.member.id, "policy answers");
    expect(messageText(reply)).toMatch(/Only the AI governance team/);
  });
});
