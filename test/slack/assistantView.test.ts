// Slack's AI assistant view, end to end: events signed as Slack sends them to /slack/events, the
// real Bolt app, and the fake Slack Web API recording what the user would see in the assistant pane.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPolicyCorpus } from "../../src/policy/policyCorpus.js";
import type { RecordedCall } from "../support/fakeSlackApi.js";
import { assistantThreadMessage, assistantThreadStarted, blockAction, eventCallback, interaction } from "../support/slackRequests.js";
import { buttonValue, messageText, messageTs, slackUsers, startSlackTestService, type SlackTestService } from "../support/slackService.js";

interface Prompts {
  title: string;
  prompts: { title: string; message: string }[];
}

let threads = 0;
const newThreadTs = () => `1810000${String(++threads).padStart(3, "0")}.000100`;
let typed = 0;
const newTs = () => `1820000000.${String(++typed).padStart(6, "0")}`;

/** The headings of a policy folder's sections, as the documents write them. */
async function headingsOf(policyDir: string): Promise<Set<string>> {
  const { passages } = await loadPolicyCorpus(policyDir);
  return new Set(passages.map((passage) => passage.headingPath.at(-1)!));
}

function assistantPane(slack: SlackTestService) {
  const inThread = (threadTs: string, from: number) => (call: RecordedCall) => slack.fake.calls.indexOf(call) >= from && call.args.thread_ts === threadTs;
  return {
    /** Opens a new assistant thread; resolves with the greeting and the prompts Slack was told to show. */
    async open(userId: string): Promise<{ threadTs: string; greeting: RecordedCall; prompts: Prompts }> {
      const threadTs = newThreadTs();
      const from = slack.mark();
      expect((await slack.send(assistantThreadStarted(userId, threadTs))).status).toBe(200);
      const greeting = await slack.fake.waitFor((call) => call.method === "chat.postMessage" && inThread(threadTs, from)(call));
      const prompts = await slack.fake.waitFor((call) => call.method === "assistant.threads.setSuggestedPrompts" && inThread(threadTs, from)(call));
      return { threadTs, greeting, prompts: prompts.args as unknown as Prompts };
    },
    /** Types in the thread; resolves with the bot's reply there and every call made in between. */
    async type(userId: string, threadTs: string, text: string): Promise<{ reply: RecordedCall; calls: RecordedCall[] }> {
      const from = slack.mark();
      expect((await slack.send(assistantThreadMessage(userId, threadTs, text, newTs()))).status).toBe(200);
      const reply = await slack.fake.waitFor((call) => call.method === "chat.postMessage" && inThread(threadTs, from)(call), 10_000);
      return { reply, calls: slack.fake.calls.slice(from, slack.fake.calls.indexOf(reply) + 1) };
    },
  };
}

describe("Slack's AI assistant view", () => {
  let slack: SlackTestService;
  let pane: ReturnType<typeof assistantPane>;
  beforeAll(async () => {
    slack = await startSlackTestService();
    pane = assistantPane(slack);
  });
  afterAll(() => slack.stop());

  it("greets a new thread and, before anyone has asked anything, suggests questions about the policy's own sections that it answers", async () => {
    const user = slackUsers.member.id;
    const { threadTs, greeting, prompts } = await pane.open(user);
    expect(messageText(greeting)).toMatch(/Ask me anything about our AI policy/);
    expect(prompts.title).toBe("Ask about our AI policy");
    expect(prompts.prompts.length).toBeGreaterThanOrEqual(2);
    expect(prompts.prompts.length).toBeLessThanOrEqual(4);
    const headings = await headingsOf(path.resolve("policies"));
    for (const prompt of prompts.prompts) expect(headings, prompt.title).toContain(prompt.title);

    // Picking a suggestion asks it in the thread: the answer cites the section it was made from.
    const picked = prompts.prompts[0]!;
    const { reply } = await pane.type(user, threadTs, picked.message);
    expect(messageText(reply)).toContain(picked.title);
    expect(messageText(reply)).toMatch(/\.md §/);
  });

  it("answers a question typed in the thread with citations, showing a status while it looks, and takes the verdict there", async () => {
    const user = slackUsers.owner.id;
    const { threadTs } = await pane.open(user);
    const { reply, calls } = await pane.type(user, threadTs, "how long is my chat history with AI tools kept?");

    // While it works the pane says so; the answer, posted in the thread, replaces that status, and the
    // thread is listed under the question.
    const status = calls.find((call) => call.method === "assistant.threads.setStatus");
    expect(status?.args).toMatchObject({ channel_id: `D${user}`, thread_ts: threadTs, status: "is looking this up…" });
    const title = await slack.fake.waitFor((call) => call.method === "assistant.threads.setTitle" && call.args.thread_ts === threadTs);
    expect(title.args.title).toBe("how long is my chat history with AI tools kept?");
    expect(reply.args).toMatchObject({ channel: `D${user}`, thread_ts: threadTs });
    expect(messageText(reply)).toMatch(/30 days/);
    expect(messageText(reply)).toMatch(/ai-data-handling-rules\.md §/);

    // "Helpful", clicked under the answer in the thread, is recorded and acknowledged in place.
    const after = slack.mark();
    await slack.send(interaction(blockAction({ userId: user, channelId: `D${user}`, messageTs: messageTs(reply), threadTs, actionId: "aims_policy_feedback", value: buttonValue(reply, "Helpful") })));
    const thanks = await slack.nextMessageTo(`D${user}`, after);
    expect(thanks.method).toBe("chat.update");
    expect(thanks.args.ts).toBe(messageTs(reply));
    expect(messageText(thanks)).toMatch(/Thanks for the feedback/);
    await expect(slack.database.prisma.policyQuestion.findFirstOrThrow({ where: { question: "how long is my chat history with AI tools kept?" } })).resolves.toMatchObject({ feedback: "helpful", channel: "slack" });
  });

  it("takes an incident report typed in the thread as a DM would, continuing in that thread", async () => {
    const user = slackUsers.member.id;
    const { threadTs } = await pane.open(user);
    let { reply } = await pane.type(user, threadTs, "our support chatbot told a customer they could get a refund we don't offer");
    expect(messageText(reply)).toMatch(/Which AI system was involved/);
    ({ reply } = await pane.type(user, threadTs, "GitHub Copilot"));
    expect(messageText(reply)).toMatch(/What kind of incident is it/);

    // The report is the thread's own conversation: the DM itself has no draft.
    const drafts = await slack.database.prisma.conversationState.findMany({ where: { platform: "slack", userId: user, status: "active" } });
    expect(drafts.map((draft) => draft.conversationId)).toEqual([`D${user}:${threadTs}`]);
    await pane.type(user, threadTs, "cancel");
  });

  it("carries on a report started in the DM (from App Home, say) when the answer is typed in a new chat of the pane", async () => {
    const user = slackUsers.governance.id;
    expect(messageText(await slack.dm(user, "report"))).toMatch(/Which AI system was involved/);
    const { threadTs } = await pane.open(user);
    const { reply } = await pane.type(user, threadTs, "GitHub Copilot");
    expect(reply.args.thread_ts).toBe(threadTs);
    expect(messageText(reply)).toMatch(/What happened/);
    const drafts = await slack.database.prisma.conversationState.findMany({ where: { platform: "slack", userId: user, status: "active" } });
    expect(drafts.map((draft) => draft.conversationId)).toEqual([`D${user}`]);
    await pane.type(user, threadTs, "cancel");
  });

  it("suggests the questions colleagues ask most, once two or more people have asked them", async () => {
    const popular = "can I paste customer emails into ChatGPT?";
    await slack.dm(slackUsers.member.id, popular);
    await slack.dm(slackUsers.governance.id, "Can I paste customer emails into ChatGPT");
    // Asked twice, by one person only: not offered to everyone.
    const personal = "can I use AI to write my performance review?";
    await slack.dm(slackUsers.owner.id, personal);
    await slack.dm(slackUsers.owner.id, personal);

    const { prompts } = await pane.open(slackUsers.owner.id);
    expect(prompts.title).toBe("What colleagues ask most");
    expect(prompts.prompts[0]?.message.toLowerCase()).toMatch(/^can i paste customer emails into chatgpt\??$/);
    expect(prompts.prompts.map((prompt) => prompt.message)).not.toContain(personal);
  });

  it("leaves the DM's own conversation alone: a message outside any thread is answered at the top of the DM", async () => {
    const reply = await slack.dm(slackUsers.member.id, "help");
    expect(reply.args.thread_ts).toBeUndefined();
  });

  /** Slack's conversations.replies: the thread's root, an assistant thread's with its subtype. */
  const rootsOf = (assistantThreads: Set<string>) => (args: Record<string, unknown>) => ({
    ok: true,
    messages: [{ type: "message", ts: String(args.ts), user: "U0BOT", text: "…", ...(assistantThreads.has(String(args.ts)) ? { subtype: "assistant_app_thread" } : {}) }],
  });

  it("hands a reply in an ordinary thread of the DM to the DM's own handling, not to the assistant view", async () => {
    slack.fake.setHandler("conversations.replies", rootsOf(new Set()));
    const user = slackUsers.member.id;
    const earlier = await slack.dm(user, "help");
    const from = slack.mark();
    const typedTs = newTs();
    const threaded = { type: "message", channel_type: "im", channel: `D${user}`, user, text: "which AI tools are approved?", ts: typedTs, thread_ts: messageTs(earlier), event_ts: typedTs };
    expect((await slack.send(eventCallback(threaded))).status).toBe(200);
    const reply = await slack.nextMessageTo(`D${user}`, from);
    expect(messageText(reply)).toMatch(/\.md §/);
    // The DM's handling answers at the top of the DM; the assistant view would have answered in the
    // thread, with a status and a title.
    expect(reply.args.thread_ts).toBeUndefined();
    const assistantCalls = slack.fake.calls.slice(from).filter((call) => call.method.startsWith("assistant.threads."));
    expect(assistantCalls).toEqual([]);
  });

  it("serves an assistant thread it did not see start (the service restarted since) in that thread", async () => {
    const threadTs = newThreadTs();
    slack.fake.setHandler("conversations.replies", rootsOf(new Set([threadTs])));
    const user = slackUsers.owner.id;
    const { reply, calls } = await pane.type(user, threadTs, "how long is my chat history with AI tools kept?");
    expect(reply.args.thread_ts).toBe(threadTs);
    expect(calls.some((call) => call.method === "assistant.threads.setStatus")).toBe(true);
    expect(messageText(reply)).toMatch(/30 days/);
  });
});

describe("the assistant view's first suggestions come from the organisation's own policy", () => {
  let slack: SlackTestService;
  const policyDir = path.resolve("test/fixtures/policy-corpora/kestrel-freight/policies");
  beforeAll(async () => {
    slack = await startSlackTestService("embedded", { env: { POLICY_DIR: policyDir } });
  });
  afterAll(() => slack.stop());

  it("suggests questions about that policy's sections, none about another organisation's", async () => {
    const { prompts } = await assistantPane(slack).open(slackUsers.member.id);
    const theirs = await headingsOf(policyDir);
    const samplePolicies = await headingsOf(path.resolve("policies"));
    expect(prompts.prompts.length).toBeGreaterThanOrEqual(2);
    for (const prompt of prompts.prompts) {
      expect(theirs, prompt.title).toContain(prompt.title);
      expect(samplePolicies, prompt.title).not.toContain(prompt.title);
    }
  });
});
