// Direct messages and @mentions. Retries of the same event (X-Slack-Retry-Num) are dropped by
// event_id; messages from bots, including our own, are ignored.
import type { App } from "@slack/bolt";
import { fromSharedChannel } from "../../../conversations/understanding/sharedChannel.js";
import type { SlackContext } from "../slackContext.js";
import { decodeSlackText } from "../slackText.js";
import { chatCommands } from "../../../commands/commandRegistry.js";
import { renderSlackMessage } from "../blockKit.js";

interface MessageLike {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
}

/**
 * Slack's retries of an event are recognised here in Socket Mode. Over HTTP the durable inbox has
 * already written each event_id once, and a request it runs again (its worker died mid-way) must run.
 */
export function firstDelivery(slack: SlackContext, eventId: string, context: Record<string, unknown>): Promise<boolean> {
  return context.fromInbox === true ? Promise.resolve(true) : slack.deliveries.firstDelivery("slack", eventId);
}

export function registerMessageListeners(app: App, slack: SlackContext): void {
  app.event("message", async ({ event, body, client, context }) => {
    const message = event as unknown as MessageLike;
    if (message.channel_type !== "im" || message.subtype || message.bot_id || !message.user) return;
    let first: boolean;
    try {
      first = await firstDelivery(slack, body.event_id, context);
    } catch (error) {
      // The database is unreachable: the person hears so, with a reference, instead of silence.
      await slack.conversations.apologise(client, message.channel, error);
      return;
    }
    if (!first) return;
    const text = await decodeSlackText(message.text ?? "", (id) => slack.conversations.nameOf(client, id));
    await slack.conversations.turn(client, { teamId: body.team_id, userId: message.user }, { kind: "text", text }, { dmChannel: message.channel });
  });

  app.event("app_mention", async ({ event, body, client, context }) => {
    if (!event.user || event.bot_id) return;
    if (!(await firstDelivery(slack, body.event_id, context))) return;
    // The bot's own mention is how the message reached us, not part of what was said.
    const withoutBot = (event.text ?? "").replace(/<@[A-Z0-9]+>/, "").trim();
    const text = (await decodeSlackText(withoutBot, (id) => slack.conversations.nameOf(client, id))).trim();
    const thread = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts };
    const understood = fromSharedChannel(text, chatCommands);
    if ("menu" in understood) {
      await client.chat.postMessage({ ...thread, ...renderSlackMessage([slack.engine.menu("Hi! I can help with these; each continues in a direct message with me:")]) });
      return;
    }
    // Whatever was asked, the conversation continues privately: a channel never sees report details.
    await slack.conversations.turn(client, { teamId: body.team_id, userId: event.user }, understood.privately);
    await client.chat.postMessage({ ...thread, text: `<@${event.user}> I've sent you a direct message to continue.` });
  });
}
