// Each chat platform's code, loaded only where that platform is configured: the Slack and Bot
// Framework SDKs are the largest modules the service has, and a Slack-only or Teams-only deployment
// (or the local chat alone) starts faster and smaller without the other. main.ts starts loading them
// while the database opens; the service awaits the same (cached) imports. Teams loads its SDK later
// still, when it first has work (teams/teamsOnDemand.ts).
import { teamsEnabled, type Config } from "../config/config.js";

export const slackModules = () => Promise.all([import("./slack/slackChannel.js"), import("./slack/slackDelivery.js")]);
export const teamsModules = () => Promise.all([import("./teams/teamsOnDemand.js"), import("./teams/teamsDelivery.js")]);

/** Starts loading what `config` will need; a failure is left for the service to report when it asks again. */
export function preloadPlatformModules(config: Pick<Config, "slack" | "teams">): Promise<unknown> {
  return Promise.allSettled([config.slack ? slackModules() : undefined, teamsEnabled(config.teams) ? teamsModules() : undefined]);
}
