// Slack's AI assistant view: the app's own pane beside any channel, where each chat is a thread of
// the user's DM with the bot. A new thread greets the user and suggests the questions colleagues ask
// most; anything typed there is a DM turn kept in that thread, so a policy question is answered with
// its citations (and the buttons to rate or pass it on) and a report or registration carries on there.
// Where a workspace has no assistant view, the DM works as before.
import { Assistant, type App } from "@slack/bolt";
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

export function createAssistant(slack: SlackContext): Assistant {
  return new Assistant({
    // The answers come from the policy, whatever channel the user has open beside the pane: the
    // thread's context is not needed, so none is kept and no thread history is read to find it.
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadContextChanged: async () => {},

    threadStarted: async ({ body, context, say, setSuggestedPrompts, logger }) => {
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
  app.assistant(createAssistant(slack));
}
