// Where each notification goes: every person in its audience on the one platform they use with the
// bot, and the governance channel for governance notices that are not private (or the channels routed
// for their kind, see src/routing/noticeRoutes.ts).
import type { PrismaClient } from "../generated/prisma/client.js";
import { governanceAudience } from "../store/notifications.js";
import type { DeliveryRouter, DeliveryTarget } from "./outbox.js";

export interface RoutingSettings {
  slack?: { governanceChannel?: string };
  /** The channels a governance notice of this kind is posted in instead of the governance channel (null: no route). */
  routesFor?: (kind: string) => Promise<{ platform: string; channelId: string }[] | null>;
  /** Teams proactive messages need a personal chat the bot has had with the person. */
  teams: boolean;
}

export function deliveryRouter(prisma: PrismaClient, settings: RoutingSettings): DeliveryRouter {
  return async (notification) => {
    // A subscribed channel: "channel:<platform>:<channel id>".
    const channel = /^channel:(slack|teams):(.+)$/.exec(notification.audience);
    if (channel) return [{ platform: channel[1]!, target: `channel:${channel[2]!}` }];
    const people =
      notification.audience === governanceAudience
        ? await prisma.person.findMany({ where: { roles: { has: "governance" } } })
        : notification.audience.startsWith("person:")
          ? await prisma.person.findMany({ where: { id: notification.audience.slice("person:".length) } })
          : [];
    const targets: DeliveryTarget[] = [];
    for (const person of people) {
      const platform = await platformOf(prisma, person, settings);
      if (platform) targets.push({ platform, target: `person:${person.id}` });
    }
    if (notification.audience !== governanceAudience || notification.privateOnly) return targets;
    const routes = await settings.routesFor?.(notification.kind);
    if (routes) return [...targets, ...routes.map((route) => ({ platform: route.platform, target: `channel:${route.channelId}` }))];
    const governanceChannel = settings.slack?.governanceChannel;
    if (governanceChannel) targets.push({ platform: "slack", target: `channel:${governanceChannel}` });
    return targets;
  };
}

/** Slack when they use the bot there, Teams when they have a personal chat with it, else Slack by e-mail. */
async function platformOf(prisma: PrismaClient, person: { id: string; slackUserId: string | null; email: string | null }, settings: RoutingSettings): Promise<string | null> {
  if (settings.slack && person.slackUserId) return "slack";
  if (settings.teams && (await prisma.conversationReference.count({ where: { platform: "teams", personId: person.id, scope: "personal" } })) > 0) return "teams";
  if (settings.slack && person.email) return "slack";
  return null;
}
