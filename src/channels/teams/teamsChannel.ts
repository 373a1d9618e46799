// The Microsoft Teams channel: a Bot Framework CloudAdapter at POST /api/messages. All Teams code
// lives in this folder behind the same engine as Slack, so moving off the (archived) Bot Framework
// SDK stays a one-folder change.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import { InboundDeliveryStore } from "../../store/inboundDeliveries.js";
import express, { type Router } from "express";
import { z } from "zod";
import type { Config } from "../../config/config.js";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { OutgoingMessage } from "../../conversations/messages.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Logger } from "../../logging/logger.js";
import { ConversationReferenceStore } from "../../store/conversationReferences.js";
import type { Store } from "../../store/store.js";
import { cardActivity, teamsPlatform, TeamsConversations, type StoredReference } from "./teamsConversations.js";
import { onTurn, type TeamsTurnDeps } from "./teamsTurns.js";

export const teamsMessagesPath = "/api/messages";

/** The least an activity needs before the SDK may see it; anything less is a 400 and stores nothing. */
const activityShape = z.object({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  from: z.object({ id: z.string().min(1) }).passthrough(),
  recipient: z.object({ id: z.string().min(1) }).passthrough(),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
}).passthrough();

export interface TeamsChannel {
  router: Router;
  /** Proactive: a card in the person's personal chat. False when the bot has never talked with them. */
  sendToPerson(personId: string, messages: OutgoingMessage[]): Promise<boolean>;
  /** Proactive: a card in a channel or chat the bot is in. */
  sendToConversation(conversationId: string, messages: OutgoingMessage[]): Promise<boolean>;
}

export function createTeamsChannel(settings: Config["teams"], deps: { engine: ConversationEngine; store: Store; prisma: PrismaClient; logger: Logger; afterTurn?: () => void; openSetupItems?: TeamsTurnDeps["openSetupItems"] }): TeamsChannel {
  const appId = settings.appId ?? "";
  const emulatorMode = appId === "";
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: settings.appPassword ?? "",
      MicrosoftAppType: settings.appType,
      MicrosoftAppTenantId: settings.tenantId ?? "",
    }),
  );
  const references = new ConversationReferenceStore(deps.prisma);
  const deliveries = new InboundDeliveryStore(deps.prisma);
  const conversations = new TeamsConversations(deps.engine, deps.store, references, deps.logger);
  adapter.onTurnError = async (context: TurnContext, error: Error) => conversations.apologise(context, error);
  if (emulatorMode) {
    deps.logger.warn("Teams: MicrosoftAppId is empty, so Bot Framework authentication is OFF (emulator mode); /api/messages only accepts requests from this machine.");
  }

  const router = express.Router();
  router.post(teamsMessagesPath, express.json({ limit: "256kb" }), async (req, res) => {
    if (emulatorMode && !isLoopback(req.socket.remoteAddress)) {
      res.status(403).json({ error: "Teams emulator mode accepts requests from this machine only; set MicrosoftAppId to accept Teams." });
      return;
    }
    if (!activityShape.safeParse(req.body).success) {
      res.status(400).json({ error: "Not a Bot Framework activity." });
      return;
    }
    await adapter.process(req, res, (context) => onTurn(context, { adapter, appId, engine: deps.engine, conversations, prisma: deps.prisma, deliveries, ...(deps.openSetupItems ? { openSetupItems: deps.openSetupItems } : {}) }));
    deps.afterTurn?.();
  });

  const send = async (reference: StoredReference, messages: OutgoingMessage[]) => {
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      await context.sendActivity(cardActivity(messages));
    });
    return true;
  };
  return {
    router,
    async sendToPerson(personId, messages) {
      const stored = await references.personalChatWith(teamsPlatform, personId);
      return stored ? send(stored.reference as StoredReference, messages) : false;
    },
    async sendToConversation(conversationId, messages) {
      const stored = await references.byConversation(teamsPlatform, conversationId);
      return stored ? send(stored.reference as StoredReference, messages) : false;
    },
  };
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === "::1" || address.startsWith("127.") || address === "::ffff:127.0.0.1");
}
