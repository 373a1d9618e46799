// The global shortcut "Report an AI incident" and the message shortcut "Report as AI incident",
// which starts the report with the message's text and a link to it.
import type { App, MessageShortcut } from "@slack/bolt";
import { flowIds } from "../../../conversations/intents.js";
import { callbackIds } from "../actionIds.js";
import type { SlackContext } from "../slackContext.js";

export function registerShortcuts(app: App, slack: SlackContext): void {
  app.shortcut(callbackIds.reportIncidentShortcut, async ({ shortcut, ack, client }) => {
    await ack();
    await slack.conversations.turn(client, { teamId: shortcut.team?.id ?? "", userId: shortcut.user.id }, { kind: "start", flowId: flowIds.reportIncident });
  });

  app.shortcut(callbackIds.reportMessageShortcut, async ({ shortcut, ack, client }) => {
    await ack();
    const source = shortcut as MessageShortcut;
    const permalink = await client.chat
      .getPermalink({ channel: source.channel.id, message_ts: source.message.ts })
      .then((result) => result.permalink ?? null)
      .catch(() => null);
    const description = [source.message.text ?? "", permalink ? `(Reported from this Slack message: ${permalink})` : ""].filter(Boolean).join("\n\n");
    await slack.conversations.turn(client, { teamId: source.team?.id ?? "", userId: source.user.id }, { kind: "start", flowId: flowIds.reportIncident, prefill: { description } });
  });
}
