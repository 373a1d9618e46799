// `/aims <command>`: every command of the registry (src/commands/commandRegistry.ts), plus what only
// Slack can do (the registration modal, a channel's digest subscription, the overview blocks).
// Acknowledged at once; the work happens after, in the user's direct message.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { chatCommands, findChatCommand } from "../../../commands/commandRegistry.js";
import { helpFor, suggestionsFor } from "../../../conversations/commands/commandHelp.js";
import { changeDigestSubscription } from "../../../digest/digestSubscriptions.js";
import { changeRoute } from "../../../routing/noticeRoutes.js";
import { personalOverview } from "../../../store/personalOverview.js";
import type { SlackContext } from "../slackContext.js";
import { decodeSlackText } from "../slackText.js";
import { renderSlackMessage, section } from "../blockKit.js";
import { overviewBlocks } from "../overviewBlocks.js";
import { openRegistrationModal } from "./registrationModal.js";

export const slashCommandName = "/aims";

export function registerSlashCommand(app: App, slack: SlackContext): void {
  app.command(slashCommandName, async ({ command, ack, client, respond }) => {
    const text = (await decodeSlackText(command.text, (id) => slack.conversations.nameOf(client, id))).trim();
    const [verb = "", ...rest] = text.split(/\s+/);
    const argument = rest.join(" ").trim();
    const user = { teamId: command.team_id, userId: command.user_id };
    // What only Slack can do: a modal form, a channel's digest subscription, the overview blocks.
    if (/^register form$/i.test(text)) {
      await ack();
      await openRegistrationModal(client, slack, command.trigger_id);
      return;
    }
    if (/^digest (subscribe|unsubscribe)$/i.test(text)) {
      await ack();
      await respond({ response_type: "ephemeral", text: await digestSubscription(slack, client, command.user_id, command.channel_id, argument.toLowerCase() === "subscribe") });
      return;
    }
    if (/^route\b/i.test(verb)) {
      await ack();
      await respond({ response_type: "ephemeral", text: await noticeRoute(slack, client, command.user_id, command.channel_id, `route ${argument}`) });
      return;
    }
    if (/^my$/i.test(verb) && !argument) {
      await ack();
      const speaker = await slack.conversations.speaker(client, command.user_id);
      const overview = await personalOverview(slack.prisma, speaker, "slack", command.user_id, new Date());
      await respond({ response_type: "ephemeral", text: "Your AIMS overview", blocks: overviewBlocks(overview) });
      return;
    }
    const found = text && !/^help$/i.test(text) ? findChatCommand(text) : null;
    if (!found) {
      // Help (or what was not understood) where the person typed it, for their role.
      const speaker = await slack.conversations.speaker(client, command.user_id);
      const style = { prefix: "/aims ", bold: (group: string) => `*${group}*` };
      const help = text && !/^help$/i.test(text) ? `I didn't understand "${text}".\n${suggestionsFor(chatCommands, speaker, text, style)}` : helpFor(chatCommands, speaker, style);
      await ack({ response_type: "ephemeral", text: help, blocks: [section(help), ...renderSlackMessage([slack.engine.menu("Or start here:", speaker)]).blocks] });
      return;
    }
    if (found.command.name === "ask") {
      await ack();
      const speaker = await slack.conversations.speaker(client, command.user_id);
      const answer = await slack.engine.ask(argument, {
        key: { platform: "slack", workspaceId: command.team_id, userId: command.user_id, conversationId: command.channel_id },
        speaker,
        channel: "slack",
        input: { kind: "text", text: argument },
      });
      await respond({ response_type: "ephemeral", ...renderSlackMessage([answer]) });
      return;
    }
    // Everything else continues privately in the person's DM, where the answer or the flow appears.
    await ack(privateAck[found.command.name] ? { response_type: "ephemeral", text: privateAck[found.command.name]! } : undefined);
    await slack.conversations.turn(client, user, { kind: "desk_command", text });
  });
}

/** What a channel's slash command is told when the conversation moves to the DM. */
const privateAck: Record<string, string> = {
  register: "Let's register it: I've sent you a direct message.",
  report: "Thank you for reporting: I've sent you a direct message to continue privately.",
  shadow: "Thank you: I've sent you a direct message to continue privately.",
};

/** Governance members choose the channel for each kind of notice, from inside that channel. */
async function noticeRoute(slack: SlackContext, client: WebClient, userId: string, channelId: string, text: string): Promise<string> {
  if (channelId.startsWith("D")) return "Run this in the channel that should receive those notices, e.g. `/aims route incidents here`.";
  const speaker = await slack.conversations.speaker(client, userId);
  return changeRoute(slack.prisma, speaker, { platform: "slack", channelId }, text);
}

/** Managers and governance members choose which channels receive the Monday digest. */
async function digestSubscription(slack: SlackContext, client: WebClient, userId: string, channelId: string, subscribe: boolean): Promise<string> {
  if (channelId.startsWith("D")) return "Run this in the channel that should receive the digest; in a direct message, `/aims digest` shows it to you.";
  const speaker = await slack.conversations.speaker(client, userId);
  return changeDigestSubscription(slack.prisma, speaker, { platform: "slack", channelId }, subscribe);
}
