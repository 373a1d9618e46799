// Which channels receive the Monday digest: managers and governance members (un)subscribe a channel
// from inside it, on Slack or Teams. The digest holds counts only, so any channel may receive it.
import { can } from "../domain/accessPolicy.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Speaker } from "../conversations/messages.js";

export const digestSubscriptionCommand = /^\/?(?:aims\s+)?digest\s+(subscribe|unsubscribe)[.!]?$/i;

export async function changeDigestSubscription(prisma: PrismaClient, speaker: Speaker, where: { platform: string; channelId: string }, subscribe: boolean): Promise<string> {
  // Choosing where the digest goes is for those who may read it.
  if (!can({ personId: speaker.personId, roles: speaker.roles }, "view", "digest")) return "Only managers and the governance team can subscribe channels to the governance digest.";
  if (subscribe) {
    await prisma.digestSubscription.upsert({ where: { platform_channelId: where }, create: { ...where, subscribedById: speaker.personId }, update: {} });
    return "This channel will receive the AI governance digest every Monday. It holds counts only: no incident details.";
  }
  const { count } = await prisma.digestSubscription.deleteMany({ where });
  return count > 0 ? "This channel will no longer receive the governance digest." : "This channel was not subscribed to the governance digest.";
}
