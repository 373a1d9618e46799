// The composition root: reads nothing global, builds every part from the config it is given,
// and hands back one object that can stop it all. main.ts and the tests both start it here.
import { configureDateDisplay } from "./domain/dateDisplay.js";
import { loadDateLanguage } from "./conversations/dateAnswers.js";
import { isLoopbackHost, teamsEnabled, type Config } from "./config/config.js";
import type { Logger } from "./logging/logger.js";
import { createHttpApp, listen, type RunningHttpServer } from "./http/httpServer.js";
import type { Database } from "./store/database.js";
import { turnBudget, turnsPerPlatform } from "./store/connectionBudget.js";
import { TurnSlots } from "./inbox/turnSlots.js";
import type { InboxBudget } from "./inbox/inboxBudget.js";
import { bootstrapGovernance } from "./people/governanceBootstrap.js";
import { openReadyDatabase } from "./store/readyDatabase.js";
import { createStore, type Store } from "./store/store.js";
import { configuredEngine } from "./configuredEngine.js";
import type { ConversationEngine } from "./conversations/engine.js";
import { localChatRoutes } from "./channels/localChat/localChatRoutes.js";
import { loadDemoOrganisation } from "./demo/loadDemoOrganisation.js";
import type { SlackChannel } from "./channels/slack/slackChannel.js";
import type { TeamsChannel } from "./channels/teams/teamsChannel.js";
import { slackModules, teamsModules } from "./channels/platformModules.js";
import { policyAssistantFor, type PolicyAssistant } from "./policy/policyAssistant.js";
import { loadAllPrompts } from "./policy/prompts.js";
import { suggestedQuestions } from "./policy/suggestedQuestions.js";
import { embeddingCache } from "./store/embeddingCache.js";
import { DeliveryWorker } from "./delivery/deliveryWorker.js";
import { Outbox } from "./delivery/outbox.js";
import { deliveryRouter } from "./delivery/deliveryRouter.js";
import { startReminderScheduler, type ReminderScheduler } from "./reminders/reminderScheduler.js";
import { syncPolicyDocuments } from "./policyDocuments/policyRegister.js";
import { systemActor } from "./store/changeHistory.js";
import { routedChannels } from "./routing/noticeRoutes.js";
import { startOnboarding, type Onboarding } from "./setup/onboarding.js";
import { noticesQueuedSince, noticesQueuedSoFar } from "./store/queuedNoticeCount.js";
import { publicReportRoutes } from "./publicReport/publicReportRoutes.js";

export interface RunningService {
  url: string;
  database: Database;
  store: Store;
  engine: ConversationEngine;
  /** Absent when Teams is neither configured nor asked for in emulator mode. */
  teams?: TeamsChannel;
  policy: PolicyAssistant;
  /** Sends the notification outbox; `kick()` runs a pass now. */
  delivery: DeliveryWorker;
  /** Queues due reminders and the weekly digest now (it also runs every 10 minutes). */
  runScheduledWork(): Promise<number>;
  stop(): Promise<void>;
}

export interface ServiceOverrides {
  /** An already open and migrated database (tests); the service then leaves closing it to the caller. */
  database?: Database;
  /** What time it is for the outbox and the reminder scan (tests move it on instead of waiting). */
  clock?: () => Date;
}

export async function startService(config: Config, logger: Logger, overrides: ServiceOverrides = {}): Promise<RunningService> {
  configureDateDisplay(config.dates);
  await loadDateLanguage(config.dates.locale);
  const prompts = loadAllPrompts(); // a missing or empty prompt stops the service here, before anything opens
  const ownsDatabase = !overrides.database;
  const database = overrides.database ?? (await openReadyDatabase(config, logger, "service"));
  const store = createStore(database.prisma, {
    governanceEmails: config.people.governanceEmails,
    grantGovernance: (emails, channel) => bootstrapGovernance(database.prisma, emails, channel),
    sql: database.direct,
  });
  const policy = policyAssistantFor(config, prompts["policy-answer"], logger, embeddingCache(database.prisma));
  const engine = configuredEngine(config, database.prisma, { policy, prompts, logger, sql: database.direct });
  const delivery = new DeliveryWorker({
    outbox: new Outbox(database.prisma, { leaseMs: 60_000, maxAttempts: config.delivery.maxAttempts }),
    route: deliveryRouter(database.prisma, {
      ...(config.slack ? { slack: { ...(config.slack.governanceChannel ? { governanceChannel: config.slack.governanceChannel } : {}) } } : {}),
      teams: teamsEnabled(config.teams),
      routesFor: (kind) => routedChannels(database.prisma, config.routes, kind),
    }),
    logger,
    intervalMs: config.delivery.intervalMs,
    ...(overrides.clock ? { clock: overrides.clock } : {}),
  });
  // A turn may have queued notices (a report for governance, an acknowledgement for its reporter): send them now.
  // A turn that queued nothing (most answers) leaves the outbox alone.
  const beginTurn = () => {
    const mark = noticesQueuedSoFar();
    return () => {
      if (noticesQueuedSince(mark)) void delivery.kick();
    };
  };
  const sendQueuedNotices = () => void delivery.kick();
  let onboarding: Onboarding | undefined;
  // Each platform's SDK is loaded only where that platform is configured (platformModules.ts).
  const slackModule = config.slack ? slackModules() : undefined;
  const teamsModule = teamsEnabled(config.teams) ? teamsModules() : undefined;
  const openSetupItems = () => onboarding?.openSetupItems() ?? Promise.resolve([]);
  // Slack over Socket Mode has no inbox; every other configured platform draws on the one budget.
  const inboxBudget = sharedInboxBudget(database, (config.slack && !config.slack.appToken ? 1 : 0) + (teamsModule ? 1 : 0));
  let slack: SlackChannel | undefined;
  if (config.slack && slackModule) {
    const [{ createSlackChannel }, { slackDeliverySender }] = await slackModule;
    slack = createSlackChannel(config.slack, { engine, store, prisma: database.prisma, logger, beginTurn, inboxBudget, openSetupItems, suggestedQuestions: (limit) => suggestedQuestions(database.prisma, () => policy.policyIndex(), limit) });
    delivery.addSender(slackDeliverySender(config.slack, store));
  }
  let teams: TeamsChannel | undefined;
  if (teamsModule) {
    const [{ teamsChannelOnDemand }, { teamsDeliverySender }] = await teamsModule;
    teams = teamsChannelOnDemand(config.teams, { engine, store, prisma: database.prisma, logger, beginTurn, inboxBudget, openSetupItems });
    delivery.addSender(teamsDeliverySender(teams));
  }
  let server: RunningHttpServer;
  let reminders: ReminderScheduler | undefined;
  try {
    // The demo organisation first (local chat only), so the setup check sees who is in the directory.
    if (config.localChat) await ensureSomeoneToActAs(config, store, logger);
    onboarding = await startOnboarding({ config, prisma: database.prisma, store, logger });
    const app = createHttpApp({
      logger,
      health: async () => {
        const reachable = await database.isReachable();
        return { healthy: reachable, details: { database: reachable ? "reachable" : "unreachable", backend: database.backend } };
      },
      mount: (http) => {
        if (slack?.router) http.use(slack.router);
        if (teams) http.use(teams.router);
        if (config.publicReportForm) http.use("/report", publicReportRoutes({ prisma: database.prisma, logger, limits: config.publicReportForm, afterReport: sendQueuedNotices, ...(overrides.clock ? { clock: overrides.clock } : {}) }));
        if (config.localChat) http.use("/chat", localChatRoutes({ engine, store, logger, beginTurn, ...(config.localChatToken ? { accessToken: config.localChatToken } : {}) }));
      },
    });
    server = await listen(app, config.port, config.host);
    await slack?.start();
    teams?.start();
    delivery.start();
    reminders = startReminderScheduler({
      prisma: database.prisma,
      settings: config.reminders,
      digest: { ...config.digest, attestationMonths: config.reminders.attestationMonths },
      logger,
      intervalMs: 10 * 60_000,
      afterScan: sendQueuedNotices,
      // The policy register follows POLICY_DIR: a changed file becomes a new version waiting for approval.
      beforeScan: () => syncPolicyDocuments(database.prisma, config.policyDir, systemActor("system")),
      ...(overrides.clock ? { clock: overrides.clock } : {}),
    });
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
  logger.info({ url: server.url, database: database.backend, slack: slack ? (slack.router ? "http" : "socket mode") : "off" }, "AIMS Assistant is listening");
  if (config.localChat) logger.info({ url: `${server.url}/chat` }, "local chat is open: try the bot in your browser");
  warnAboutReachableLocalChat(config, logger, !!slack || !!teams);
  return {
    url: server.url,
    database,
    store,
    engine,
    teams,
    policy,
    delivery,
    runScheduledWork: () => reminders?.runNow() ?? Promise.resolve(0),
    async stop() {
      await reminders?.stop();
      await onboarding?.stop();
      await slack?.stop();
      await teams?.stop();
      await delivery.stop();
      await server.close();
      if (ownsDatabase) await database.close();
      logger.info("AIMS Assistant stopped");
    },
  };
}

/**
 * One budget of turns for every configured platform (connectionBudget.ts): a burst on one waits in
 * its inbox instead of taking the connections the acknowledgements, /healthz and the other platform need.
 */
function sharedInboxBudget(database: Database, platforms: number): InboxBudget {
  return { concurrency: turnsPerPlatform(platforms), slots: new TurnSlots(turnBudget), priority: database.priority, direct: database.direct };
}

/** The local chat lets whoever uses it act as anyone: say so loudly when other machines can reach it. */
function warnAboutReachableLocalChat(config: Config, logger: Logger, platformConfigured: boolean): void {
  if (isLoopbackHost(config.host)) return;
  if (config.localChat) {
    logger.warn(
      { host: config.host },
      "LOCAL CHAT IS REACHABLE FROM OTHER MACHINES: anyone with LOCAL_CHAT_TOKEN can act as any person, governance included. Use it only for a trial, never with real data.",
    );
  } else if (!platformConfigured) {
    logger.warn({ host: config.host }, "the local chat stays off on an address other machines can reach: set LOCAL_CHAT=on and LOCAL_CHAT_TOKEN to open it anyway, or bind HOST=127.0.0.1");
  }
}

/**
 * The local chat needs people to act as: an empty directory gets the demo organisation, but never in
 * a real workspace (Slack or Teams configured), where made-up people and systems would mix with real ones.
 */
async function ensureSomeoneToActAs(config: Config, store: Store, logger: Logger): Promise<void> {
  if (config.slack || config.teams.appId) return;
  if ((await store.people.list()).length > 0) return;
  const loaded = await loadDemoOrganisation(store);
  logger.info({ people: loaded.people, systems: loaded.systems, incidents: loaded.incidents }, "loaded the demo organisation for the local chat");
}
