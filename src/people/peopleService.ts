// What the people feature does while the service runs: the bootstrap governance members at start,
// and the Slack user groups kept in sync every few minutes. Started with one call from service.ts.
import { bufferedFetch } from "../http/bufferedFetch.js";
import type { Config } from "../config/config.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logging/logger.js";
import type { Store } from "../store/store.js";
import { bootstrapGovernance } from "./governanceBootstrap.js";
import { syncRoleUsergroups } from "./slackUserGroupSync.js";
import { loadWebClient } from "../slackApi/loadWebClient.js";

export interface PeopleService {
  /** Runs a user-group sync now (tests, and the first one at start). */
  syncNow(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPeopleService(deps: { config: Config; prisma: PrismaClient; store: Store; logger: Logger }): Promise<PeopleService> {
  const { config, prisma, store, logger } = deps;
  const granted = await bootstrapGovernance(prisma, config.people.governanceEmails);
  if (granted.length > 0) logger.info({ people: granted }, "AIMS_GOVERNANCE_EMAILS: made governance members");
  const groups = config.people.slackRoleUsergroups;
  if (!config.slack || groups.length === 0) return { syncNow: async () => {}, stop: async () => {} };
  const WebClient = await loadWebClient(); // loaded only where Slack is configured
  const client = new WebClient(config.slack.botToken, { ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}), fetch: bufferedFetch });
  let running: Promise<void> = Promise.resolve();
  const syncNow = () => {
    running = running.then(async () => {
      try {
        const result = await syncRoleUsergroups({ client, prisma, people: store.people, logger }, groups, config.people.governanceEmails);
        if (result.granted + result.revoked > 0) logger.info(result, "roles synced from Slack user groups");
      } catch (error) {
        logger.warn({ err: error }, "syncing roles from Slack user groups failed; it is tried again later");
      }
    });
    return running;
  };
  void syncNow();
  const timer = setInterval(() => void syncNow(), config.people.usergroupSyncMs);
  timer.unref();
  return {
    syncNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
