// The Microsoft Teams channel: a Bot Framework CloudAdapter at POST /api/messages, through the
// durable inbox (teamsInbox.ts). All Teams code lives in this folder behind the same engine as
// Slack, so moving off the (archived) Bot Framework SDK stays a one-folder change.
import type { Activity, TurnContext } from "botbuilder";
import express, { type Request, type Router } from "express";
import type { Config } from "../../config/config.js";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { OutgoingMessage } from "../../conversations/messages.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Logger } from "../../logging/logger.js";
import { ConversationReferenceStore } from "../../store/conversationReferences.js";
import type { Store } from "../../store/store.js";
import { cardActivity, teamsPlatform, TeamsConversations, type StoredReference } from "./teamsConversations.js";
import { onTurn, type TeamsTurnDeps } from "./teamsTurns.js";
import { standaloneInboxBudget, type InboxBudget } from "../../inbox/inboxBudget.js";
import { InboxCloudAdapter, TeamsInbox } from "./teamsInbox.js";
import { teamsMessagesPath } from "./teamsPaths.js";
import { ReusingClientsAuthentication } from "./reusedClients.js";
import type { BeginTurn } from "../turnNotices.js";

/**
 * The least an activity needs before the SDK may see it; anything less is a 400 and stores nothing.
 * Checked by hand rather than with a schema: this runs on every Teams request, and a schema that
 * keeps the activity's other properties copies the whole activity to check six of them.
 */
function isActivity(body: unknown): body is Activity {
  const activity = body as Record<string, unknown> | null;
  if (typeof activity !== "object" || activity === null || Array.isArray(activity)) return false;
  const text = (value: unknown) => typeof value === "string" && value.length > 0;
  const account = (value: unknown) => typeof value === "object" && value !== null && text((value as { id?: unknown }).id);
  return text(activity.type) && text(activity.channelId) && text(activity.serviceUrl) && URL.canParse(activity.serviceUrl as string) && account(activity.from) && account(activity.recipient) && account(activity.conversation);
}

export interface TeamsChannel {
  router: Router;
  /** Starts and stops the workers that run the stored activities. */
  start(): void;
  stop(): Promise<void>;
  /** Resolves once every acknowledged activity has been processed. */
  settled(): Promise<void>;
  /** Proactive: a card in the person's personal chat. False when the bot has never talked with them. */
  sendToPerson(personId: string, messages: OutgoingMessage[]): Promise<boolean>;
  /** Proactive: a card in a channel or chat the bot is in. */
  sendToConversation(conversationId: string, messages: OutgoingMessage[]): Promise<boolean>;
}

export { teamsEnabled } from "../../config/config.js";

export interface TeamsChannelDeps {
  engine: ConversationEngine;
  store: Store;
  prisma: PrismaClient;
  logger: Logger;
  beginTurn?: BeginTurn;
  inboxBudget?: InboxBudget;
  openSetupItems?: TeamsTurnDeps["openSetupItems"];
  /** Leaves the emulator-mode warning to the caller (teamsOnDemand.ts says it at start). */
  quiet?: boolean;
}

export function createTeamsChannel(settings: Config["teams"], deps: TeamsChannelDeps): TeamsChannel {
  const appId = settings.appId ?? "";
  const emulatorMode = appId === "";
  const authentication = new ReusingClientsAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: settings.appPassword ?? "",
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId ?? "",
  });
  const adapter = new InboxCloudAdapter(authentication);
  const references = new ConversationReferenceStore(deps.prisma);
  // Only an authenticated activity may link a Teams account to a person by the roster's e-mail.
  const conversations = new TeamsConversations(deps.engine, deps.store, references, deps.logger, { verifiedIdentity: !emulatorMode });
  adapter.onTurnError = async (context: TurnContext, error: Error) => conversations.apologise(context, error);
  if (emulatorMode && !deps.quiet) {
    deps.logger.warn("Teams: TEAMS_EMULATOR=on without MicrosoftAppId, so Bot Framework authentication is OFF (emulator mode); /api/messages only accepts direct requests from this machine with a serviceUrl on this machine.");
  }

  const inbox = new TeamsInbox({
    adapter,
    appId,
    prisma: deps.prisma,
    logger: deps.logger,
    budget: deps.inboxBudget ?? standaloneInboxBudget,
    turn: (context) => onTurn(context, { adapter, appId, engine: deps.engine, conversations, prisma: deps.prisma, ...(deps.openSetupItems ? { openSetupItems: deps.openSetupItems } : {}) }),
    ...(deps.beginTurn ? { beginTurn: deps.beginTurn } : {}),
  });

  const router = express.Router();
  router.post(teamsMessagesPath, express.json({ limit: "256kb" }), async (req, res) => {
    const refusal = emulatorMode ? emulatorRefusal(req) : undefined;
    if (refusal) {
      deps.logger.warn({ reason: refusal }, "Teams emulator request refused");
      res.status(403).json({ error: `Teams emulator mode: ${refusal}. Set MicrosoftAppId to accept Teams.` });
      return;
    }
    const activity: unknown = req.body;
    if (!isActivity(activity)) {
      res.status(400).json({ error: "Not a Bot Framework activity." });
      return;
    }
    if (emulatorMode && !isLoopbackUrl(activity.serviceUrl)) {
      deps.logger.warn("Teams emulator request refused: serviceUrl is not on this machine");
      res.status(403).json({ error: "Teams emulator mode: the serviceUrl must be on this machine. Set MicrosoftAppId to accept Teams." });
      return;
    }
    try {
      const { status, body } = await accept(activity, req.headers.authorization ?? "");
      // A message is acknowledged with an empty 200, as the SDK's own adapter does; an invoke gets its answer.
      if (body === undefined) res.status(status).end();
      else res.status(status).json(body);
    } catch (error) {
      // Not written, so not acknowledged: the connector keeps the activity and retries it.
      deps.logger.error({ err: error }, "a Teams activity could not be written to the inbox; the connector will retry it");
      res.status(503).json({ error: "Temporarily unavailable; please retry." });
    }
  });

  /** Authenticated as the SDK would before a turn, then written to the inbox. */
  const accept = async (activity: Activity, authorization: string) => {
    let authenticated;
    try {
      authenticated = await authentication.authenticateRequest(activity, authorization);
    } catch (error) {
      if (!isAuthenticationFailure(error)) throw error;
      deps.logger.warn("Teams activity refused: its token did not authenticate");
      return { status: 401, body: { error: "Unauthorized." } };
    }
    if (!emulatorMode && !serviceUrlIsTheTokens(authenticated.claimsIdentity, activity.serviceUrl)) {
      deps.logger.warn("Teams activity refused: its serviceUrl is not the one its token was issued for");
      return { status: 403, body: { error: "The serviceUrl is not the one the token was issued for." } };
    }
    return inbox.accept(activity, authenticated);
  };

  const send = async (reference: StoredReference, messages: OutgoingMessage[]) => {
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      await context.sendActivity(cardActivity(messages));
    });
    return true;
  };
  return {
    router,
    start: () => inbox.start(),
    stop: () => inbox.stop(),
    settled: () => inbox.settled(),
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

/** The SDK's AuthenticationError (not exported by botbuilder) carries the status it means: 401. */
function isAuthenticationFailure(error: unknown): boolean {
  return (error as { statusCode?: unknown } | null)?.statusCode === 401;
}

/** The claim the Bot Framework puts the connector's address in (AuthenticationConstants.ServiceUrlClaim). */
const serviceUrlClaim = "serviceurl";

/** The Bot Framework's token names the connector it was issued for: replies go there and nowhere else. */
function serviceUrlIsTheTokens(identity: { getClaimValue(type: string): string | null }, serviceUrl: string): boolean {
  const claimed = identity.getClaimValue(serviceUrlClaim);
  // Tokens without the claim (the emulator's, or skills') were checked by the SDK against our app id.
  return !claimed || claimed === serviceUrl;
}
