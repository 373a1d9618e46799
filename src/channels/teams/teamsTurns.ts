// One Bot Framework activity: personal chat messages and card actions run the conversation there;
// anything in a channel or group chat continues in the person's personal chat, so a channel never
// sees a report's details; the bot says hello with a welcome card when it is added.
import { ActivityTypes, CloudAdapter, TurnContext, type Activity, type ConversationParameters } from "botbuilder";
import { fromSharedChannel } from "../../conversations/understanding/sharedChannel.js";
import { chatCommands } from "../../commands/commandRegistry.js";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { OutgoingMessage, Speaker, TurnInput } from "../../conversations/messages.js";
import { answerInputId, editStepInputId, renderCard, type CardActionData } from "./adaptiveCards.js";
import { parseNoticeInput } from "../../conversations/noticeInput.js";
import { changeDigestSubscription, digestSubscriptionCommand } from "../../digest/digestSubscriptions.js";
import { changeRoute, routeCommand } from "../../routing/noticeRoutes.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { SetupCheck } from "../../setup/setupChecks.js";
import { checklistLines } from "../../setup/onboarding.js";
import { cardActivity, isPersonal, tenantOf, type AlreadyRead, type StoredReference, type TeamsConversations } from "./teamsConversations.js";

export interface TeamsTurnDeps {
  prisma: PrismaClient;
  adapter: CloudAdapter;
  appId: string;
  engine: ConversationEngine;
  conversations: TeamsConversations;
  /** What the installation still lacks: a governance member's first personal chat starts with it. */
  openSetupItems?: () => Promise<SetupCheck[]>;
}

const botFrameworkAudience = "https://api.botframework.com";

export async function onTurn(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const activity = context.activity;
  switch (activity.type) {
    case ActivityTypes.ConversationUpdate:
      return welcome(context, deps);
    case ActivityTypes.Message:
      return onMessage(context, deps);
    case ActivityTypes.Invoke:
      if (activity.name === "adaptiveCard/action") return onExecute(context, deps);
      return;
  }
}

async function welcome(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const added = context.activity.membersAdded ?? [];
  if (!added.some((member) => member.id === context.activity.recipient.id)) return;
  await deps.conversations.remember(context, null);
  await context.sendActivity(
    cardActivity([
      { kind: "text", text: "Hello! I'm AIMS Assistant. I keep our AI management system up to date: register the AI systems you own, and report AI incidents (bias, wrong outputs, leaks, safety or security problems). Reports continue privately in our personal chat." },
      deps.engine.menu("Start here:"),
    ]),
  );
}

async function onMessage(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const activity = context.activity;
  // A message the connector delivers again (a retry after a timeout) is answered once: the inbox
  // writes each activity id once (teamsInbox.ts).
  const { speaker, conversation } = await deps.conversations.speaker(context);
  // Only governance members get the setup checklist on first contact, so only they cost the look-up.
  const checklistDue = isPersonal(activity) && speaker.roles.includes("governance") && !(await deps.conversations.references.personalChatWith("teams", speaker.personId));
  await deps.conversations.remember(context, speaker);
  if (checklistDue) await sendSetupChecklist(context, deps);
  const input = activity.value ? inputFromCard(activity.value as CardActionData & Record<string, unknown>) : textInput(context);
  if (!input) return;
  if (!isPersonal(activity)) return fromSharedConversation(context, deps, speaker, input);
  const messages = await runTurn(context, deps, speaker, activity.conversation.id, input, activity, conversation);
  if (!messages) return;
  // A card button replaces its own card, so the chat shows the conversation's state, not a trail of old questions.
  if (activity.value && activity.replyToId) {
    await context.updateActivity({ ...cardActivity(messages), id: activity.replyToId, conversation: activity.conversation });
  } else {
    await context.sendActivity(cardActivity(messages));
  }
}

/** The open setup items, once, when a governance member first talks to the bot (Teams has no App Home). */
async function sendSetupChecklist(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const open = (await deps.openSetupItems?.()) ?? [];
  if (open.length === 0) return;
  await context.sendActivity(
    cardActivity([{ kind: "notice", subject: "Setup checklist", text: [...checklistLines(open), "Run `npx aims doctor` on the server for details."].join("\n"), actions: [] }]),
  );
}

/** Action.Execute: the answer is a refreshed card in the invoke response. */
async function onExecute(context: TurnContext, deps: TeamsTurnDeps): Promise<void> {
  const activity = context.activity;
  const action = (activity.value as { action?: { data?: CardActionData & Record<string, unknown> } } | undefined)?.action;
  const input = action?.data ? inputFromCard(action.data) : null;
  const { speaker, conversation } = await deps.conversations.speaker(context);
  await deps.conversations.remember(context, speaker);
  let messages: OutgoingMessage[] | null = [{ kind: "text", text: "I couldn't read that action; please try again." }];
  if (input && isPersonal(activity)) messages = await runTurn(context, deps, speaker, activity.conversation.id, input, activity, conversation);
  else if (input) {
    await fromSharedConversation(context, deps, speaker, input, false);
    messages = [{ kind: "text", text: "Let's continue in our personal chat." }];
  }
  const card = renderCard(messages ?? [{ kind: "text", text: "Already done." }]);
  await context.sendActivity({ type: "invokeResponse", value: { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card } } });
}

/** In a channel or group chat: a menu there, or the conversation moved to the personal chat. */
async function fromSharedConversation(context: TurnContext, deps: TeamsTurnDeps, speaker: Speaker, input: TurnInput, acknowledge = true): Promise<void> {
  if (input.kind === "text" && routeCommand.test(input.text)) {
    await context.sendActivity(await changeRoute(deps.prisma, speaker, { platform: "teams", channelId: context.activity.conversation.id }, input.text));
    return;
  }
  if (input.kind === "text" && digestSubscriptionCommand.test(input.text)) {
    const subscribe = digestSubscriptionCommand.exec(input.text)![1]!.toLowerCase() === "subscribe";
    await context.sendActivity(await changeDigestSubscription(deps.prisma, speaker, { platform: "teams", channelId: context.activity.conversation.id }, subscribe));
    return;
  }
  if (input.kind === "text") {
    const understood = fromSharedChannel(input.text, chatCommands);
    if ("menu" in understood) {
      await context.sendActivity(cardActivity([deps.engine.menu("Hi! I can help with these; each continues in a personal chat with me:")]));
      return;
    }
    input = understood.privately;
  }
  await inPersonalChat(context, deps, speaker, input);
  if (acknowledge) await context.sendActivity(`${context.activity.from.name ?? "Thanks"}, I've sent you a personal message to continue.`);
}

async function inPersonalChat(context: TurnContext, deps: TeamsTurnDeps, speaker: Speaker, input: TurnInput): Promise<void> {
  const activity = context.activity;
  const speak = async (personal: TurnContext) => {
    const messages = await runTurn(personal, deps, speaker, personal.activity.conversation.id, input, activity);
    if (messages) await personal.sendActivity(cardActivity(messages));
  };
  const known = await deps.conversations.personalReferenceOf(speaker.personId);
  if (known) {
    await deps.adapter.continueConversationAsync(deps.appId, known.reference as StoredReference, speak);
    return;
  }
  const parameters = {
    isGroup: false,
    bot: activity.recipient,
    members: [activity.from],
    tenantId: tenantOf(activity),
    channelData: { tenant: { id: tenantOf(activity) } },
  } as ConversationParameters;
  await deps.adapter.createConversationAsync(deps.appId, activity.channelId, activity.serviceUrl, botFrameworkAudience, parameters, async (personal) => {
    await deps.conversations.references.remember("teams", personal.activity.conversation.id, "personal", speaker.personId, TurnContext.getConversationReference(personal.activity));
    await speak(personal);
  });
}

async function runTurn(context: TurnContext, deps: TeamsTurnDeps, speaker: Speaker, conversationId: string, input: TurnInput, origin: Activity = context.activity, alreadyRead?: AlreadyRead): Promise<OutgoingMessage[] | null> {
  try {
    return await deps.conversations.turn(origin, speaker, conversationId, input, alreadyRead);
  } catch (error) {
    await deps.conversations.apologise(context, error);
    return null;
  }
}

function textInput(context: TurnContext): TurnInput | null {
  const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text?.trim() ?? "";
  return text ? { kind: "text", text } : null;
}

export function inputFromCard(data: CardActionData & Record<string, unknown>): TurnInput | null {
  switch (data.aims) {
    case "answer": {
      const value = data[answerInputId];
      return { kind: "choice", stepId: data.stepId, value: typeof value === "string" ? value : "" };
    }
    case "command": {
      // A long summary's "Edit" names its answer through the list beside it rather than in its data.
      const picked = data.command === "edit" ? data[editStepInputId] : undefined;
      const stepId = data.stepId ?? (typeof picked === "string" && picked ? picked : undefined);
      return { kind: "command", command: data.command as never, ...(stepId ? { stepId } : {}) };
    }
    case "start":
      return { kind: "start", flowId: data.flowId };
    case "feedback":
      return { kind: "policy_feedback", questionId: data.questionId, verdict: data.verdict };
    case "notice":
      return parseNoticeInput(data.input);
    case "incident":
      return typeof data.reference === "string" && typeof data.action === "string" ? { kind: "incident_action", reference: data.reference, action: data.action } : null;
    default:
      return null;
  }
}
