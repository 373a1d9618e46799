// The Microsoft Teams channel: a Bot Framework CloudAdapter at POST /api/messages. All Teams code
// lives in this folder behind the same engine as Slack, so moving off the (archived) Bot Framework
// SDK stays a one-folder change.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import { InboundDeliveryStore } from "../../store/inboundDeliveries.js";
import express, { type Request, type Router } from "express";
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

/** Teams is there when it is configured (MicrosoftAppId), or in emulator mode when asked for; otherwise not at all. */
export const teamsEnabled = (settings: Config["teams"]) => !!settings.appId || settings.emulator;

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
  // Only an authenticated activity may link a Teams account to a person by the roster's e-mail.
  const conversations = new TeamsConversations(deps.engine, deps.store, references, deps.logger, { verifiedIdentity: !emulatorMode });
  adapter.onTurnError = async (context: TurnContext, error: Error) => conversations.apologise(context, error);
  if (emulatorMode) {
    deps.logger.warn("Teams: TEAMS_EMULATOR=on without MicrosoftAppId, so Bot Framework authentication is OFF (emulator mode); /api/messages only accepts direct requests from this machine with a serviceUrl on this machine.");
  }

  const router = express.Router();
  router.post(teamsMessagesPath, express.json({ limit: "256kb" }), async (req, res) => {
    const refusal = emulatorMode ? emulatorRefusal(req) : undefined;
    if (refusal) {
      deps.logger.warn({ reason: refusal }, "Teams emulator request refused");
      res.status(403).json({ error: `Teams emulator mode: ${refusal}. Set MicrosoftAppId to accept Teams.` });
      return;
    }
    const shape = activityShape.safeParse(req.body);
    if (!shape.success) {
      res.status(400).json({ error: "Not a Bot Framework activity." });
      return;
    }
    if (emulatorMode && !isLoopbackUrl(shape.data.serviceUrl)) {
      deps.logger.warn("Teams emulator request refused: serviceUrl is not on this machine");
      res.status(403).json({ error: "Teams emulator mode: the serviceUrl must be on this machine. Set MicrosoftAppId to accept Teams." });
      return;
    }
    await adapter.process(req, res, async (context) => {
      if (!emulatorMode && !serviceUrlIsTheTokens(context, adapter)) {
        deps.logger.warn("Teams activity refused: its serviceUrl is not the one its token was issued for");
        return;
      }
      await onTurn(context, { adapter, appId, engine: deps.engine, conversations, prisma: deps.prisma, deliveries, ...(deps.openSetupItems ? { openSetupItems: deps.openSetupItems } : {}) });
    });
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

/** Headers a proxy adds: behind one, the socket is loopback whoever the caller is, so the request is not "from this machine". */
const proxyHeaders = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

function emulatorRefusal(req: Request): string | undefined {
  if (!isLoopback(req.socket.remoteAddress)) return "requests are accepted from this machine only";
  if (proxyHeaders.some((header) => req.headers[header] !== undefined)) return "requests through a proxy are refused";
  return undefined;
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127."));
}

/** The emulator's connector runs beside it; any other serviceUrl would make the service call out wherever it is told. */
function isLoopbackUrl(serviceUrl: string): boolean {
  const host = new URL(serviceUrl).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || isLoopback(host);
}

/** The claim the Bot Framework puts the connector's address in (AuthenticationConstants.ServiceUrlClaim). */
const serviceUrlClaim = "serviceurl";

/** The Bot Framework's token names the connector it was issued for: replies go there and nowhere else. */
function serviceUrlIsTheTokens(context: TurnContext, adapter: CloudAdapter): boolean {
  const identity = context.turnState.get(adapter.BotIdentityKey) as { getClaimValue(type: string): string | null } | undefined;
  const claimed = identity?.getClaimValue(serviceUrlClaim);
  // Tokens without the claim (the emulator's, or skills') were checked by the SDK against our app id.
  return !claimed || claimed === context.activity.serviceUrl;
}
