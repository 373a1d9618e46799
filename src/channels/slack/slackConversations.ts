// The bridge between Slack and the conversation engine: resolves who is speaking, routes every
// flow into the user's direct message with the bot, and posts or updates the reply there.
import { readTurnInput, unreadableInputMessage } from "../../conversations/turnInput.js";
import type { WebClient } from "@slack/web-api";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { OutgoingMessage, Speaker, TurnInput } from "../../conversations/messages.js";
import type { Logger } from "../../logging/logger.js";
import type { Store } from "../../store/store.js";
import { newErrorReference } from "../errorReference.js";
import { renderSlackMessage } from "./blockKit.js";
import type { BeginTurn } from "../turnNotices.js";

/** Where a reply goes: a channel, or a thread in it. */
export interface SlackPlace {
  channel: string;
  threadTs?: string;
}

export interface SlackUser {
  teamId: string;
  userId: string;
}

export class SlackConversations {
  constructor(
    private readonly engine: ConversationEngine,
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly beginTurn: BeginTurn,
  ) {}

  /** Maps a Slack user to our directory (by id, then by e-mail), taking their time zone from Slack. */
  async speaker(client: WebClient, userId: string): Promise<Speaker> {
    const person = (await this.store.people.bySlackUserId(userId)) ?? (await this.newcomer(client, userId));
    return { personId: person.id, displayName: person.displayName, roles: person.roles };
  }

  /** Someone our directory has no Slack id for (just looked up): their Slack profile, then linked by e-mail or added. */
  private async newcomer(client: WebClient, userId: string) {
    const { user } = await client.users.info({ user: userId });
    return this.store.people.resolveChatUser(
      { slackUserId: userId },
      { displayName: user?.real_name || user?.profile?.real_name || user?.name || userId, email: user?.profile?.email ?? null, timeZone: user?.tz ?? null },
      { justLookedUp: true },
    );
  }

  /**
   * A mentioned user's name for decoding their <@U…>: our directory first, else their Slack profile,
   * which adds them to the directory, so that a command naming a colleague ("grant @ada auditor") can
   * find them even before they have written to the bot.
   */
  async nameOf(client: WebClient, userId: string): Promise<string | null> {
    return (await this.speaker(client, userId)).displayName;
  }

  async directMessageChannel(client: WebClient, userId: string): Promise<string> {
    const opened = await client.conversations.open({ users: userId });
    return opened.channel!.id!;
  }

  /**
   * One turn in the user's DM. With `updateTs` (a button in one of our DM messages) the reply
   * replaces that message instead of adding a new one, so the DM does not fill up with old questions.
   * With `threadTs` (a thread of the DM, such as an AI assistant thread) the conversation is that
   * thread's own: its replies go into the thread and a report started there continues there.
   */
  async turn(client: WebClient, user: SlackUser, input: TurnInput, options: { dmChannel?: string; updateTs?: string; threadTs?: string } = {}): Promise<OutgoingMessage[]> {
    const dmChannel = options.dmChannel ?? (await this.directMessageChannel(client, user.userId));
    const place = { channel: dmChannel, ...(options.threadTs ? { threadTs: options.threadTs } : {}) };
    const finishTurn = this.beginTurn();
    const checked = readTurnInput(input);
    if (!checked) {
      await this.post(client, place, [{ kind: "error", text: unreadableInputMessage(input) }]);
      return [];
    }
    try {
      const { speaker, key, conversation } = await this.speakerAndConversation(client, user, dmChannel, options.threadTs);
      const reply = await this.engine.handle({ key, speaker, channel: "slack", input: checked }, conversation);
      const answered = reply.handled && reply.messages.length > 0;
      if (answered) await this.post(client, place, reply.messages, options.updateTs);
      finishTurn();
      return answered ? reply.messages : [];
    } catch (error) {
      await this.apologise(client, place, error);
      return [];
    }
  }

  /**
   * Who is speaking and their conversation. In the DM itself (the usual step) both come from one
   * statement; a newcomer is then looked up in Slack, and a thread's conversation is found as below.
   */
  private async speakerAndConversation(client: WebClient, user: SlackUser, dmChannel: string, threadTs: string | undefined) {
    if (threadTs) return { speaker: await this.speaker(client, user.userId), key: await this.conversationKey(user, dmChannel, threadTs), conversation: undefined };
    const key = { platform: "slack", workspaceId: user.teamId, userId: user.userId, conversationId: dmChannel };
    const { person, conversation } = await this.store.turnStart({ slackUserId: user.userId }, key);
    const known = person ?? (await this.newcomer(client, user.userId));
    const speaker = { personId: known.id, displayName: known.displayName, roles: known.roles };
    return { speaker, key, conversation: { conversation } };
  }

  /**
   * A thread of the DM is its own conversation, unless it has none under way and the DM itself has:
   * then the person is answering the DM's question from a thread (or, in the assistant pane, from a
   * new chat after starting a report from App Home), and that conversation carries on.
   */
  private async conversationKey(user: SlackUser, dmChannel: string, threadTs: string | undefined) {
    const inDirectMessage = { platform: "slack", workspaceId: user.teamId, userId: user.userId, conversationId: dmChannel };
    if (!threadTs) return inDirectMessage;
    const inThread = { ...inDirectMessage, conversationId: `${dmChannel}:${threadTs}` };
    if (await this.engine.inProgress(inThread)) return inThread;
    return (await this.engine.inProgress(inDirectMessage)) ? inDirectMessage : inThread;
  }

  async post(client: WebClient, place: string | SlackPlace, messages: OutgoingMessage[], updateTs?: string): Promise<void> {
    const { channel, threadTs } = typeof place === "string" ? { channel: place, threadTs: undefined } : place;
    const rendered = renderSlackMessage(messages);
    if (updateTs) await client.chat.update({ channel, ts: updateTs, ...rendered });
    else await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...rendered });
  }

  /** A failure the user should know about: a friendly line with an id that is also in the log. */
  async apologise(client: WebClient, place: string | SlackPlace, error: unknown): Promise<void> {
    const { channel, threadTs } = typeof place === "string" ? { channel: place, threadTs: undefined } : place;
    const reference = newErrorReference();
    this.logger.error({ err: error, errorReference: reference, channel }, "slack turn failed");
    await client.chat
      .postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), text: `Sorry, something went wrong on our side (error ${reference}). Your answers so far are saved; please try again in a moment.` })
      .catch((postError: unknown) => this.logger.error({ err: postError, errorReference: reference }, "could not tell the user about the failure"));
  }
}
