// Slack's AI assistant view: the app's own pane beside any channel, where each chat is a thread of
// the user's DM with the bot. A new thread greets the user and suggests the questions colleagues ask
// most; anything typed there is a DM turn kept in that thread, so a policy question is answered with
// its citations (and the buttons to rate or pass it on) and a report or registration carries on there.
// Where a workspace has no assistant view, the DM works as before, and so does a reply in a thread
// of the DM that is not an assistant thread: Bolt's assistant middleware would take every threaded
// DM message, so only the threads the assistant view started are given to it.
import { Assistant, type AnyMiddlewareArgs, type App, type Middleware } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { SlackContext } from "../slackContext.js";
import { decodeSlackText } from "../slackText.js";
import { firstDelivery } from "./messageListeners.js";

export const assistantGreeting =
  "Hi! Ask me anything about our AI policy: I answer from the policy documents and name the sections I used. You can also report an AI incident or register an AI system here; just say so.";
/** Shown under the bot's name while it works ("AIMS Assistant is looking this up…"). */
export const assistantThinking = "is looking this up…";
const titleLength = 60;
/** Slack shows at most four suggested prompts. */
const promptLimit = 4;

interface ThreadMessage {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  channel: string;
  thread_ts?: string;
}

/** The events the assistant view sends, which the app manifest must subscribe to. */
export const assistantEvents = ["assistant_thread_started", "assistant_thread_context_changed"] as const;

/**
 * The DM threads the assistant view started, remembered when Slack says so (assistant_thread_started)
 * and otherwise looked up once: the root message of an assistant thread has the subtype
 * "assistant_app_thread". Bounded, oldest forgotten first (a forgotten thread is looked up again).
 */
export class AssistantThreadsSeen {
  private readonly seen = new Map<string, boolean>();

  constructor(private readonly limit = 5_000) {}

  remember(channel: string, threadTs: string, isAssistant = true): void {
    const key = `${channel}:${threadTs}`;
    this.seen.delete(key);
    this.seen.set(key, isAssistant);
    if (this.seen.size > this.limit) this.seen.delete(this.seen.keys().next().value!);
  }

  /** When Slack cannot be asked, the thread is served by the assistant, which replies in it either way. */
  async isAssistantThread(client: WebClient, channel: string, threadTs: string, onError: (error: unknown) => void): Promise<boolean> {
    const known = this.seen.get(`${channel}:${threadTs}`);
    if (known !== undefined) return known;
    try {
      const replies = await client.conversations.replies({ channel, ts: threadTs, limit: 1, inclusive: true });
      const root = replies.messages?.find((message) => message.ts === threadTs);
      const isAssistant = (root as { subtype?: string } | undefined)?.subtype === "assistant_app_thread";
      this.remember(channel, threadTs, isAssistant);
      return isAssistant;
    } catch (error) {
      onError(error);
      return true;
    }
  }
}

/** A person's message in a thread of their DM with the app: what Bolt's assistant middleware takes. */
function threadedDirectMessage(payload: unknown): (ThreadMessage & { thread_ts: string }) | null {
  const message = payload as Partial<ThreadMessage> & { type?: string; channel_type?: string };
  if (message?.type !== "message" || message.channel_type !== "im" || !message.thread_ts || !message.channel || message.bot_id) return null;
  if (message.subtype && message.subtype !== "file_share") return null;
  return message as ThreadMessage & { thread_ts: string };
}

export function createAssistant(slack: SlackContext, threads = new AssistantThreadsSeen()): Assistant {
  return new Assistant({
    // The answers come from the policy, whatever channel the user has open beside the pane: the
    // thread's context is not needed, so none is kept and no thread history is read to find it.
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadContextChanged: async () => {},

    threadStarted: async ({ body, context, say, setSuggestedPrompts, logger }) => {
      const started = (body as { event: { assistant_thread: { channel_id: string; thread_ts: string } } }).event.assistant_thread;
      threads.remember(started.channel_id, started.thread_ts);
      if (!(await firstDelivery(slack, (body as { event_id: string }).event_id, context))) return;
      await say(assistantGreeting);
      const suggested = await slack.suggestedQuestions?.(promptLimit).catch((error: unknown) => {
        logger.warn("suggested questions unavailable", error);
        return null;
      });
      if (!suggested || suggested.questions.length === 0) return;
      await setSuggestedPrompts({
        title: suggested.from === "most-asked" ? "What colleagues ask most" : "Ask about our AI policy",
        prompts: suggested.questions.map(({ title, message }) => ({ title, message })) as [{ title: string; message: string }],
      });
    },

    userMessage: async ({ message, body, context, client, setStatus, setTitle, logger }) => {
      const typed = message as unknown as ThreadMessage;
      if (typed.subtype || typed.bot_id || !typed.user || !typed.thread_ts) return;
      const eventId = (body as { event_id: string }).event_id;
      const teamId = (body as { team_id: string }).team_id;
      const place = { channel: typed.channel, threadTs: typed.thread_ts };
      try {
        if (!(await firstDelivery(slack, eventId, context))) return;
      } catch (error) {
        await slack.conversations.apologise(client, place, error);
        return;
      }
      // Status and title are courtesies: Slack failing to show them must not hold up the answer.
      await setStatus(assistantThinking).catch((error: unknown) => logger.warn("assistant status not set", error));
      const text = await decodeSlackText(typed.text ?? "", (id) => slack.conversations.nameOf(client, id));
      const replies = await slack.conversations.turn(client, { teamId, userId: typed.user }, { kind: "text", text }, { dmChannel: typed.channel, threadTs: typed.thread_ts });
      // A posted reply clears the status; with nothing to say it is cleared here.
      if (replies.length === 0) await setStatus("").catch(() => undefined);
      // The thread is listed under the question it answered, not under "yes" or a system's name typed mid-report.
      if (replies.some((reply) => reply.kind === "answer")) {
        await setTitle(text.length <= titleLength ? text : `${text.slice(0, titleLength - 1)}…`).catch((error: unknown) => logger.warn("assistant title not set", error));
      }
    },
  });
}

export function registerAssistant(app: App, slack: SlackContext): void {
  const threads = new AssistantThreadsSeen();
  const assistant = createAssistant(slack, threads).getMiddleware();
  const onlyAssistantThreads: Middleware<AnyMiddlewareArgs> = async (args) => {
    const message = threadedDirectMessage(args.payload);
    const elsewhere = message && !(await threads.isAssistantThread(args.client, message.channel, message.thread_ts, (error) => args.logger.warn("assistant thread lookup failed", error)));
    // A reply in an ordinary thread of the DM goes on to the DM's own handling.
    return elsewhere ? args.next() : assistant(args);
  };
  app.use(onlyAssistantThreads);
}
