// Teams turns into engine turns: who is speaking (Entra object id, e-mail from the roster, the
// client's time zone), where flows run (always the personal chat), and card replies.
import { CardFactory, MessageFactory, TeamsInfo, TurnContext, type Activity, type ConversationReference } from "botbuilder";
import { readTurnInput, unreadableInputMessage } from "../../conversations/turnInput.js";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { OutgoingMessage, Speaker, TurnInput } from "../../conversations/messages.js";
import type { Logger } from "../../logging/logger.js";
import type { ConversationReferenceStore } from "../../store/conversationReferences.js";
import type { Store } from "../../store/store.js";
import type { ConversationSnapshot } from "../../store/conversationStates.js";
import { newErrorReference } from "../errorReference.js";
import { renderCard } from "./adaptiveCards.js";

export const teamsPlatform = "teams";

export function cardActivity(messages: OutgoingMessage[]): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(messages)));
}

export const isPersonal = (activity: Activity) => (activity.conversation.conversationType ?? "personal") === "personal";

export class TeamsConversations {
  constructor(
    private readonly engine: ConversationEngine,
    private readonly store: Store,
    readonly references: ConversationReferenceStore,
    private readonly logger: Logger,
    private readonly options: { verifiedIdentity: boolean },
  ) {}

  /**
   * Who is speaking and, in a personal chat, their conversation there, in one statement; a newcomer
   * is then linked by the roster's e-mail (authenticated activities only) or added.
   */
  async speaker(context: TurnContext): Promise<{ speaker: Speaker; conversation?: AlreadyRead }> {
    const activity = context.activity;
    const objectId = activity.from.aadObjectId ?? activity.from.id;
    const key = isPersonal(activity) ? personalKey(activity, activity.conversation.id) : { platform: teamsPlatform, workspaceId: "", userId: "", conversationId: "" };
    const { person, conversation } = await this.store.turnStart({ teamsAadObjectId: objectId }, key);
    const known =
      person ??
      (await this.store.people.resolveChatUser(
        { teamsAadObjectId: objectId },
        { displayName: activity.from.name || "Teams user", email: this.options.verifiedIdentity ? await rosterEmail(context) : null, timeZone: activity.localTimezone ?? null },
        { justLookedUp: true },
      ));
    const speaker = { personId: known.id, displayName: known.displayName, roles: known.roles };
    return isPersonal(activity) ? { speaker, conversation: { conversation } } : { speaker };
  }

  /** Remembers where this conversation is, so reminders and digests can reach it later. */
  async remember(context: TurnContext, speaker: Speaker | null): Promise<void> {
    const activity = context.activity;
    const scope = activity.conversation.conversationType ?? "personal";
    await this.references.remember(teamsPlatform, activity.conversation.id, scope, scope === "personal" ? (speaker?.personId ?? null) : null, TurnContext.getConversationReference(activity));
  }

  /** Runs one engine turn for the person in their personal chat and returns the messages to show. */
  async turn(activity: Activity, speaker: Speaker, conversationId: string, input: TurnInput, alreadyRead?: AlreadyRead): Promise<OutgoingMessage[] | null> {
    const checked = readTurnInput(input);
    if (!checked) return [{ kind: "error", text: unreadableInputMessage(input) }];
    const reply = await this.engine.handle({ key: personalKey(activity, conversationId), speaker, channel: "teams", input: checked }, alreadyRead);
    return reply.handled ? reply.messages : null;
  }

  async apologise(context: TurnContext, error: unknown): Promise<void> {
    const reference = newErrorReference();
    this.logger.error({ err: error, errorReference: reference }, "teams turn failed");
    await context.sendActivity(`Sorry, something went wrong on our side (error ${reference}). Your answers so far are saved; please try again in a moment.`).catch(() => {});
  }

  personalReferenceOf(personId: string): Promise<{ reference: unknown } | null> {
    return this.references.personalChatWith(teamsPlatform, personId);
  }
}

/** The conversation as read with the speaker (engine.handle's `alreadyRead`). */
export type AlreadyRead = { conversation: ConversationSnapshot | null };

/** Flows run in the person's personal chat: this one's key. */
function personalKey(activity: Activity, conversationId: string) {
  return { platform: teamsPlatform, workspaceId: tenantOf(activity), userId: activity.from.aadObjectId ?? activity.from.id, conversationId };
}

export function tenantOf(activity: Activity): string {
  return activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? "emulator";
}

/**
 * The roster knows the user's e-mail. Asked only of an authenticated activity's connector: an
 * unauthenticated one (the emulator) could name any connector and so any e-mail, and with it
 * take over that person's record.
 */
async function rosterEmail(context: TurnContext): Promise<string | null> {
  if (context.activity.channelId !== "msteams") return null;
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.email ?? member.userPrincipalName ?? null;
  } catch {
    return null;
  }
}

export type StoredReference = Partial<ConversationReference>;
