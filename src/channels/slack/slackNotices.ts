// Delivers the notification outbox in Slack: a DM to each governance member and, when configured,
// a post in the governance channel. Notices are already redacted; a "View details" button shows an
// incident's details, in a DM, only to people the access policy allows.
import type { App, BlockAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { KnownBlock } from "@slack/types";
import { canSeeIncidentDetails } from "../../domain/accessPolicy.js";
import { incidentDetailLines } from "../../domain/governanceNotices.js";
import { governanceAudience } from "../../store/notifications.js";
import { incidentActionRules, type IncidentAction } from "../../domain/incidentLifecycle.js";
import { actionIds, encodeValue } from "./actionIds.js";
import { button, escape, section } from "./blockKit.js";
import type { SlackContext } from "./slackContext.js";

export async function deliverPendingNotices(client: WebClient, slack: SlackContext): Promise<number> {
  const pending = await slack.prisma.notification.findMany({ where: { deliveredAt: null }, orderBy: { createdAt: "asc" }, take: 50 });
  let delivered = 0;
  for (const notice of pending) {
    // Claim it first, so that two deliveries running at once cannot both send it.
    const { count } = await slack.prisma.notification.updateMany({ where: { id: notice.id, deliveredAt: null }, data: { deliveredAt: new Date() } });
    if (count === 0) continue;
    const message = { text: `${notice.subject}\n${notice.text}`, blocks: noticeBlocks(notice) };
    for (const channel of await destinations(client, slack, notice.audience, notice.privateOnly)) {
      await client.chat.postMessage({ channel, ...message }).catch((error: unknown) => slack.logger.error({ err: error, notice: notice.id }, "could not deliver a notice"));
    }
    delivered++;
  }
  return delivered;
}

/** Triage happens from the notice itself; each action continues in the clicker's DM, where access is checked. */
const triageActions: IncidentAction[] = ["acknowledge", "assign", "change_severity", "mark_duplicate", "decline"];

function noticeBlocks(notice: { kind: string; subject: string; text: string; recordRef: string | null }): KnownBlock[] {
  const blocks = [section(`*${escape(notice.subject)}*\n${escape(notice.text)}`)];
  const reference = notice.recordRef;
  if (!reference?.startsWith("INC-")) return blocks;
  const triage = notice.kind === "incident_reported"
    ? triageActions.map((action) => button(incidentActionRules[action].label, actionIds.incidentAction, encodeValue({ reference, action })))
    : [];
  blocks.push({ type: "actions", elements: [button("View details", actionIds.incidentDetails, reference), ...triage] });
  return blocks;
}

async function destinations(client: WebClient, slack: SlackContext, audience: string, privateOnly: boolean): Promise<string[]> {
  const people =
    audience === governanceAudience
      ? await slack.store.people.withRole("governance")
      : audience.startsWith("person:")
        ? [await slack.store.people.byId(audience.slice("person:".length))].filter((person) => person !== null)
        : [];
  const slackIds = await Promise.all(people.map((person) => slackUserIdOf(client, slack, person)));
  const directMessages = await Promise.all(
    slackIds.filter((id): id is string => id !== null).map((id) => slack.conversations.directMessageChannel(client, id)),
  );
  const inChannel = audience === governanceAudience && slack.governanceChannel && !privateOnly;
  return [...(inChannel ? [slack.governanceChannel!] : []), ...directMessages];
}

/** A person who has not talked to the bot yet is found in Slack by e-mail, and remembered. */
async function slackUserIdOf(client: WebClient, slack: SlackContext, person: { id: string; slackUserId: string | null; email: string | null }): Promise<string | null> {
  if (person.slackUserId) return person.slackUserId;
  if (!person.email) return null;
  const found = await client.users.lookupByEmail({ email: person.email }).catch(() => null);
  const id = found?.user?.id ?? null;
  if (id) await slack.store.people.linkSlackUser(person.id, id);
  return id;
}

export function registerIncidentDetails(app: App, slack: SlackContext): void {
  app.action<BlockAction>(actionIds.incidentDetails, async ({ ack, body, action, client }) => {
    await ack();
    const reference = action.type === "button" ? action.value : undefined;
    const incident = reference
      ? await slack.prisma.incident.findUnique({ where: { reference }, include: { system: { select: { name: true } }, reporter: { select: { displayName: true } } } })
      : null;
    if (!incident) return;
    const viewer = await slack.conversations.speaker(client, body.user.id);
    if (!canSeeIncidentDetails(viewer, incident)) {
      const text = `${incident.reference} is confidential: only the governance team, its reporter and its assignee can see its details.`;
      if (body.channel?.id) await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text });
      return;
    }
    const lines = incidentDetailLines({ ...incident, systemName: incident.system?.name ?? incident.systemNameFreeText, reporterName: incident.anonymous ? null : (incident.reporter?.displayName ?? null) });
    const dm = await slack.conversations.directMessageChannel(client, body.user.id);
    await client.chat.postMessage({ channel: dm, text: lines.join("\n"), blocks: [section(lines.map(escape).join("\n"))] });
  });
}
