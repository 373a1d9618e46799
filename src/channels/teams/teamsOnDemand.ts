// Teams as the service starts it: the Bot Framework SDK (the largest set of modules the service
// has, about 50 MB and most of a second to load) is loaded when Teams first needs it, not at
// start: the first activity at /api/messages, the first notice sent to Teams, or activities a
// previous run left in the inbox. Until then the service answers /healthz and Slack without it.
// The first Teams message after a restart waits for the load once; every later one does not.
import express from "express";
import type { Config } from "../../config/config.js";
import { Inbox } from "../../store/inbox.js";
import type { TeamsChannel, TeamsChannelDeps } from "./teamsChannel.js";
import { teamsMessagesPath } from "./teamsPaths.js";

/** The inbox's name for Teams (teamsInbox.ts's teamsInboxPlatform, which lives beside the SDK). */
const teamsInbox = "teams";


export function teamsChannelOnDemand(settings: Config["teams"], deps: TeamsChannelDeps): TeamsChannel {
  let loading: Promise<TeamsChannel> | undefined;
  let started = false;
  let stopped = false;
  const channel = (): Promise<TeamsChannel> => {
    loading ??= import("./teamsChannel.js").then(({ createTeamsChannel }) => {
      const teams = createTeamsChannel(settings, { ...deps, quiet: true });
      if (started && !stopped) teams.start();
      return teams;
    });
    return loading;
  };
  if (!settings.appId) {
    deps.logger.warn("Teams: TEAMS_EMULATOR=on without MicrosoftAppId, so Bot Framework authentication is OFF (emulator mode); /api/messages only accepts direct requests from this machine with a serviceUrl on this machine.");
  }

  const router = express.Router();
  router.post(teamsMessagesPath, (req, res, next) => {
    if (stopped) {
      next();
      return;
    }
    channel().then(
      (teams) => teams.router(req, res, next),
      (error: unknown) => next(error),
    );
  });
  const loaded = () => (loading ? channel() : undefined);
  return {
    router,
    start() {
      started = true;
      // Activities a previous run acknowledged but did not finish are run now, as they would have been.
      void new Inbox(deps.prisma, { leaseMs: 60_000, maxAgeMs: 24 * 60 * 60_000 })
        .unprocessed(teamsInbox)
        .then((waiting) => (waiting > 0 ? channel() : undefined))
        .catch((error: unknown) => deps.logger.error({ err: error }, "looking for Teams activities left in the inbox failed"));
    },
    async stop() {
      stopped = true;
      await (await loaded())?.stop();
    },
    async settled() {
      await (await loaded())?.settled();
    },
    sendToPerson: async (personId, messages) => (await channel()).sendToPerson(personId, messages),
    sendToConversation: async (conversationId, messages) => (await channel()).sendToConversation(conversationId, messages),
  };
}
