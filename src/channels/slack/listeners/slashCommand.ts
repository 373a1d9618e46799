// `/aims register | register form | incident [text] | ask <question> | my | help`, and the desks' commands.
// Acknowledged at once; the work happens after, in the user's direct message.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { flowIds } from "../../../conversations/intents.js";
import { parseIncidentReference } from "../../../domain/incidentLifecycle.js";
import { changeDigestSubscription } from "../../../digest/digestSubscriptions.js";
import { changeRoute } from "../../../routing/noticeRoutes.js";
import { personalOverview } from "../../../store/personalOverview.js";
import type { SlackContext } from "../slackContext.js";
import { renderSlackMessage, section } from "../blockKit.js";
import { overviewBlocks } from "../overviewBlocks.js";
import { openRegistrationModal } from "./registrationModal.js";

export const slashCommandName = "/aims";

const helpText = [
  "*Report and register*",
  "*/aims register*: register an AI system you own (add `form` for a single form)",
  "*/aims incident* [what happened]: report an AI incident",
  "*/aims ask* <question>: ask about our AI policy",
  "*/aims my*: your systems, drafts and open reports",
  "*Incidents and actions*",
  "*/aims incidents* [sev1…sev4] [status] [AIS-0001]: open incidents you may see",
  "*/aims incident* INC-0007 [acknowledge | assign | close …]: one incident, its timeline and actions",
  "*/aims note* INC-0007 <text or link>: add to an incident's timeline",
  "*/aims actions*: your open corrective actions (`/aims CA-0001 done` when finished)",
  "*Risks and systems*",
  "*/aims risks* [AIS-0001] · */aims assess risk* [AIS-0001] · */aims assess impact* [AIS-0001] · */aims system* AIS-0001",
  "*Compliance*",
  "*/aims soa* [A.6.2.4] · */aims gap* analysis | report · */aims nonconformities* · */aims NC-0001*",
  "*Audits, reviews and evidence*",
  "*/aims schedule* [audit | review <date> <scope>] · */aims review inputs* REV-0001 · */aims evidence pack* · */aims training* [all | record]",
  "*/aims digest* [subscribe | unsubscribe]: this week's governance digest; in a channel, (un)subscribe it to the Monday digest",
  "You can also just send me a direct message.",
].join("\n");

export function registerSlashCommand(app: App, slack: SlackContext): void {
  app.command(slashCommandName, async ({ command, ack, client, respond }) => {
    const [verb = "", ...rest] = command.text.trim().split(/\s+/);
    const argument = rest.join(" ").trim();
    const user = { teamId: command.team_id, userId: command.user_id };
    switch (verb.toLowerCase()) {
      case "register":
        if (argument.toLowerCase() === "form") {
          await ack();
          await openRegistrationModal(client, slack, command.trigger_id);
          return;
        }
        await ack({ response_type: "ephemeral", text: "Let's register it: I've sent you a direct message." });
        await slack.conversations.turn(client, user, { kind: "start", flowId: flowIds.registerSystem });
        return;
      case "digest":
        if (/^(subscribe|unsubscribe)$/i.test(argument)) {
          await ack();
          await respond({ response_type: "ephemeral", text: await digestSubscription(slack, client, command.user_id, command.channel_id, argument.toLowerCase() === "subscribe") });
          return;
        }
        await ack();
        await slack.conversations.turn(client, user, { kind: "desk_command", text: "digest" });
        return;
      case "route":
        await ack();
        await respond({ response_type: "ephemeral", text: await noticeRoute(slack, client, command.user_id, command.channel_id, `route ${argument}`) });
        return;
      case "incidents":
      case "training":
      case "schedule":
      case "note":
      case "evidence":
      case "actions":
      case "soa":
      case "gap":
      case "risks":
      case "risk":
      case "assess":
      case "system":
      case "approve":
      case "reject":
      case "impact":
      case "nonconformities":
      case "nonconformity":
      case "review":
      case "pack":
        await ack();
        await slack.conversations.turn(client, user, { kind: "desk_command", text: command.text.trim() });
        return;
      case "incident":
        // "/aims incident INC-0007 …" is about an existing incident; anything else reports a new one.
        if (parseIncidentReference(rest[0] ?? "")) {
          await ack();
          await slack.conversations.turn(client, user, { kind: "desk_command", text: command.text.trim() });
          return;
        }
      // falls through
      case "report":
        await ack({ response_type: "ephemeral", text: "Thank you for reporting: I've sent you a direct message to continue privately." });
        await slack.conversations.turn(client, user, { kind: "start", flowId: flowIds.reportIncident, ...(argument ? { prefill: { description: argument } } : {}) });
        return;
      case "ask": {
        if (!argument) {
          await ack({ response_type: "ephemeral", text: "Ask me a question after `/aims ask`, e.g. `/aims ask can I paste customer data into ChatGPT?`" });
          return;
        }
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
      case "my": {
        await ack();
        const speaker = await slack.conversations.speaker(client, command.user_id);
        const overview = await personalOverview(slack.prisma, speaker, "slack", command.user_id, new Date());
        await respond({ response_type: "ephemeral", text: "Your AIMS overview", blocks: overviewBlocks(overview) });
        return;
      }
      default:
        // A record's reference on its own (CA-0001 done, NC-0003, RSK-0002, REV-0001 inputs).
        if (/^(ca|nc|rsk|rev)-\d+$/i.test(verb)) {
          await ack();
          await slack.conversations.turn(client, user, { kind: "desk_command", text: command.text.trim() });
          return;
        }
        await ack({ response_type: "ephemeral", text: helpText, blocks: [section(helpText), ...renderSlackMessage([slack.engine.menu("Or start here:")]).blocks] });
    }
  });
}

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
