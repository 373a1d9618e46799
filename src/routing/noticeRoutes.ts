// Notices routed per kind: new incidents, approvals, risk acceptances and delivery failures can each
// be posted in their own Slack and/or Teams channel instead of the one governance channel, and the
// weekly digest in any number of channels. Routes come from the configuration (AIMS_ROUTE_<KIND>)
// and from governance members (`/aims route incidents here` in the channel). Governance members
// still get every notice by DM, and confidential incidents are never posted in a channel.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Speaker } from "../conversations/messages.js";
import { can } from "../domain/accessPolicy.js";
import { appendChange } from "../store/changeHistory.js";
import { changeDigestSubscription } from "../digest/digestSubscriptions.js";
import { routeCategories, type ChannelRoute, type RouteCategory } from "../domain/noticeRouteConfig.js";
import { lookUpWord } from "../domain/wordTable.js";

export { parseRoutes, routeCategories, type ChannelRoute, type RouteCategory } from "../domain/noticeRouteConfig.js";

/** Which notice kinds each route carries. */
const categoryOfKind: Record<string, RouteCategory> = {
  incident_reported: "incidents",
  triage_overdue: "incidents",
  // A newly registered system reaches governance with Approve and Reject.
  system_registered: "approvals",
  system_approval_requested: "approvals",
  risk_acceptance_requested: "risk_acceptances",
  delivery_failed: "delivery_failures",
  weekly_digest: "digest",
};

export const routeCategoryOf = (kind: string): RouteCategory | undefined => lookUpWord(categoryOfKind, kind);

/** `slack:C012AB,teams:19:abc@thread.tacv2` → routes; throws with a readable message on a bad entry. */

/** The channels a governance notice of this kind is posted in; null when it has no route (the default channel applies). */
export async function routedChannels(prisma: PrismaClient, configured: Partial<Record<RouteCategory, ChannelRoute[]>>, kind: string): Promise<ChannelRoute[] | null> {
  const category = routeCategoryOf(kind);
  if (!category || category === "digest") return null;
  const stored = await prisma.noticeRoute.findMany({ where: { category }, orderBy: { createdAt: "asc" } });
  const routes = [...(configured[category] ?? []), ...stored.map((route) => ({ platform: route.platform as ChannelRoute["platform"], channelId: route.channelId }))];
  const unique = routes.filter((route, index) => routes.findIndex((other) => other.platform === route.platform && other.channelId === route.channelId) === index);
  return unique.length > 0 ? unique : null;
}

export const routeCommand = new RegExp(String.raw`^\/?(?:aims\s+)?route\s+(${routeCategories.join("|")}|risk acceptances|delivery failures)\s+(here|off)[.!]?$`, "i");

/** `route incidents here` / `route incidents off`, said in the channel concerned, by a governance member. */
export async function changeRoute(prisma: PrismaClient, speaker: Speaker, where: ChannelRoute, text: string): Promise<string> {
  const match = routeCommand.exec(text.trim());
  if (!match) return `Say "route KIND here" or "route KIND off" in the channel, with KIND one of ${routeCategories.join(", ")}.`;
  const category = match[1]!.toLowerCase().replace(" ", "_") as RouteCategory;
  const on = match[2]!.toLowerCase() === "here";
  if (category === "digest") return changeDigestSubscription(prisma, speaker, where, on);
  if (!can({ personId: speaker.personId, roles: speaker.roles }, "edit", "people")) return "Only the governance team can choose where notices are posted.";
  const actor = { personId: speaker.personId, label: speaker.displayName, channel: where.platform };
  const key = { category, ...where };
  return prisma.$transaction(async (tx) => {
    if (on) {
      const existing = await tx.noticeRoute.findUnique({ where: { category_platform_channelId: key } });
      if (existing) return `This channel already receives ${category.replace("_", " ")} notices.`;
      const route = await tx.noticeRoute.create({ data: { ...key, createdById: speaker.personId } });
      await appendChange(tx, { actor, entityType: "NoticeRoute", entityId: route.id, entityRef: `${category} → ${where.platform}:${where.channelId}`, action: "create", changes: { route: { from: null, to: `${where.platform}:${where.channelId}` } } });
      return `This channel now receives ${category.replace("_", " ")} notices (instead of the governance channel). Confidential incidents still go by direct message only.`;
    }
    const existing = await tx.noticeRoute.findUnique({ where: { category_platform_channelId: key } });
    if (!existing) return `This channel does not receive ${category.replace("_", " ")} notices.`;
    await tx.noticeRoute.delete({ where: { id: existing.id } });
    await appendChange(tx, { actor, entityType: "NoticeRoute", entityId: existing.id, entityRef: `${category} → ${where.platform}:${where.channelId}`, action: "update", changes: { route: { from: `${where.platform}:${where.channelId}`, to: null } } });
    return `This channel no longer receives ${category.replace("_", " ")} notices.`;
  });
}

/** Every route in force, configured or set in chat, for `routes` in chat and `aims doctor`. */
export async function describeRoutes(prisma: PrismaClient, configured: Partial<Record<RouteCategory, ChannelRoute[]>>): Promise<string[]> {
  const [stored, digest] = await Promise.all([prisma.noticeRoute.findMany({ orderBy: [{ category: "asc" }, { createdAt: "asc" }] }), prisma.digestSubscription.findMany()]);
  return routeCategories.map((category) => {
    const channels = [
      ...(category === "digest" ? digest : [...(configured[category] ?? []), ...stored.filter((route) => route.category === category)]).map((route) => `${route.platform}:${route.channelId}`),
    ];
    const unique = [...new Set(channels)];
    return `${category.replace("_", " ")}: ${unique.length > 0 ? unique.join(", ") : category === "digest" ? "governance members and managers by DM only" : "the governance channel"}`;
  });
}
