// App Home: buttons to start each flow, and the person's own systems, drafts and reports;
// governance members also see the latest incidents and what awaits review.
import type { App } from "@slack/bolt";
import { personalOverview } from "../../../store/personalOverview.js";
import type { SlackContext } from "../slackContext.js";
import { homeView } from "../overviewBlocks.js";
import { checklistLines } from "../../../setup/onboarding.js";

export function registerAppHome(app: App, slack: SlackContext): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const speaker = await slack.conversations.speaker(client, event.user);
    const overview = await personalOverview(slack.prisma, speaker, "slack", event.user, new Date());
    const menu = slack.engine.menu(undefined, speaker);
    const flows = menu.kind === "menu" ? menu.options.map((option) => ({ flowId: option.flowId, label: option.label })) : [];
    const setup = speaker.roles.includes("governance") ? ((await slack.openSetupItems?.()) ?? []) : [];
    await client.views.publish({ user_id: event.user, view: homeView(overview, flows, checklistLines(setup)) });
  });
}
