// The Slack channel: a Bolt app receiving Events API, interactivity and slash commands at
// POST /slack/events (or over Socket Mode), feeding the same conversation engine as every channel.
import { App, LogLevel } from "@slack/bolt";
import type { Router } from "express";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Logger } from "../../logging/logger.js";
import { InboundDeliveryStore } from "../../store/inboundDeliveries.js";
import type { Store } from "../../store/store.js";
import { boltLogger } from "./boltLogger.js";
import { registerActions } from "./listeners/actions.js";
import { registerAppHome } from "./listeners/appHome.js";
import { assistantEvents, registerAssistant } from "./listeners/assistantThreads.js";
import { registerMessageListeners } from "./listeners/messageListeners.js";
import { registerRegistrationModal } from "./listeners/registrationModal.js";
import { registerShortcuts } from "./listeners/shortcuts.js";
import { registerSlashCommand } from "./listeners/slashCommand.js";
import { ListenerTable } from "./listeners/listenerTable.js";
import { SlackInboxReceiver } from "./inboxReceiver.js";
import { botIdentityAuthorization } from "./botIdentity.js";
import { standaloneInboxBudget, type InboxBudget } from "../../inbox/inboxBudget.js";
import { SlackConversations } from "./slackConversations.js";
import { bufferedFetch } from "../../http/bufferedFetch.js";
import type { SlackContext } from "./slackContext.js";
import type { BeginTurn } from "../turnNotices.js";

export const slackEventsPath = "/slack/events";

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  governanceChannel?: string;
}

/** What the app listens to, recorded as listeners register: checked against the app manifest. */
export interface SlackHandlerCatalog {
  events: Set<string>;
  commands: Set<string>;
  shortcuts: Set<string>;
  views: Set<string>;
}

export interface SlackChannel {
  handlers: SlackHandlerCatalog;
  /** Mounted on the service's HTTP server; absent in Socket Mode. */
  router?: Router;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackChannel(
  settings: SlackSettings,
  deps: { engine: ConversationEngine; store: Store; prisma: PrismaClient; logger: Logger; beginTurn: BeginTurn; inboxBudget?: InboxBudget; openSetupItems?: SlackContext["openSetupItems"]; suggestedQuestions?: SlackContext["suggestedQuestions"] },
): SlackChannel {
  const logger = boltLogger(deps.logger);
  // Over HTTP every request goes through the durable inbox (see inboxReceiver.ts).
  const receiver = settings.appToken
    ? undefined
    : new SlackInboxReceiver({ signingSecret: settings.signingSecret, path: slackEventsPath, prisma: deps.prisma, logger: deps.logger, budget: deps.inboxBudget ?? standaloneInboxBudget });
  const app: App = new App({
    authorize: botIdentityAuthorization(settings.botToken, () => app.client),
    logger,
    logLevel: LogLevel.INFO,
    // Conversations are kept in our database; Bolt's in-memory conversation store would only cost each event a look-up.
    convoStore: false,
    ...(receiver ? { receiver } : { socketMode: true, appToken: settings.appToken, signingSecret: settings.signingSecret }),
    clientOptions: {
      ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
      fetch: bufferedFetch,
      // 429s are waited out (Retry-After) and 5xx retried with backoff, by the Web API client itself.
      retryConfig: { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 30_000, randomize: true },
    },
  });

  const slack: SlackContext = {
    ...deps,
    deliveries: new InboundDeliveryStore(deps.prisma),
    conversations: new SlackConversations(deps.engine, deps.store, deps.logger, deps.beginTurn),
    ...(settings.governanceChannel ? { governanceChannel: settings.governanceChannel } : {}),
  };
  // Slack is answered before the work is done (3-second rule), so shutdown waits for that work here.
  const inFlight = new Set<Promise<unknown>>();
  app.use(async ({ next }) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  const handlers: SlackHandlerCatalog = { events: new Set(), commands: new Set(), shortcuts: new Set(), views: new Set() };
  const catalogOf = { event: handlers.events, command: handlers.commands, shortcut: handlers.shortcuts, view: handlers.views } as const;
  const table = new ListenerTable(app, (kind, id) => void (kind in catalogOf && catalogOf[kind as keyof typeof catalogOf].add(id)));
  const listening = table.registering;
  // Slack's AI assistant view: its middleware takes the messages of its threads before any listener.
  registerAssistant(listening, slack);
  for (const event of assistantEvents) handlers.events.add(event);
  registerMessageListeners(listening, slack);
  registerSlashCommand(listening, slack);
  registerShortcuts(listening, slack);
  registerActions(listening, slack);
  registerAppHome(listening, slack);
  registerRegistrationModal(listening, slack);
  table.listen();
  app.error(async (error) => {
    deps.logger.error({ err: error }, "unhandled Slack error");
  });

  return {
    handlers,
    ...(receiver ? { router: receiver.router } : {}),
    async start() {
      await app.start();
    },
    async stop() {
      await app.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
