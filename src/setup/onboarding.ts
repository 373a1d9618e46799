// Putting the bot into service, while it runs: the people feature (bootstrap governance members,
// Slack user groups) and the setup check, which the log reports once at start and the governance
// team sees as an open checklist until everything is in place. One call from service.ts.
import type { Config } from "../config/config.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logging/logger.js";
import type { Store } from "../store/store.js";
import { startPeopleService, type PeopleService } from "../people/peopleService.js";
import { localSetupChecks, openItems, slackSetupChecks, type SetupCheck } from "./setupChecks.js";

export interface Onboarding {
  people: PeopleService;
  /** What is still missing (for the governance checklist); empty once everything is in place. */
  openSetupItems(): Promise<SetupCheck[]>;
  stop(): Promise<void>;
}

export async function startOnboarding(deps: { config: Config; prisma: PrismaClient; store: Store; logger: Logger }): Promise<Onboarding> {
  const people = await startPeopleService(deps);
  // AIMS_ROUTE_DIGEST: channels that receive the weekly digest, as if subscribed in chat.
  for (const route of deps.config.routes.digest ?? []) {
    await deps.prisma.digestSubscription.upsert({ where: { platform_channelId: route }, create: route, update: {} });
  }
  let slackItems: SetupCheck[] = [];
  // In the background: a slow or unreachable Slack must not hold up the start.
  const checked = (async () => {
    slackItems = openItems(await slackSetupChecks(deps.config));
    const open = [...slackItems, ...openItems(await localSetupChecks(deps.config, deps.prisma))];
    if (open.length > 0) {
      deps.logger.warn({ missing: open.map((item) => `${item.title}: ${item.detail}`) }, `setup incomplete: ${open.map((item) => item.title).join(", ")} (run npx aims doctor for how to fix it)`);
    }
  })().catch((error: unknown) => deps.logger.warn({ err: error }, "the setup check could not run"));
  return {
    people,
    openSetupItems: async () => [...slackItems, ...openItems(await localSetupChecks(deps.config, deps.prisma))],
    async stop() {
      await checked;
      await people.stop();
    },
  };
}

/** The checklist as chat lines, for governance members (App Home, a Teams card). */
export function checklistLines(items: SetupCheck[]): string[] {
  return items.map((item) => `☐ ${item.title}: ${item.detail}${item.fix ? `. To fix: ${item.fix}` : ""}`);
}
