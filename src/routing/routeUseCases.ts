// "routes" in chat, for the governance team: where each kind of notice is posted now.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can } from "../domain/accessPolicy.js";
import { useCaseMessages, useCaseRefusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { describeRoutes, type ChannelRoute, type RouteCategory } from "./noticeRoutes.js";

export class RouteUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly configured: Partial<Record<RouteCategory, ChannelRoute[]>>,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    if (!/^\/?(notice\s+)?routes?$/i.test(text.trim())) return null;
    if (!can(viewerOf(turn), "edit", "people")) return useCaseRefusal("Only the governance team can see and choose where notices are posted.");
    const lines = await describeRoutes(this.prisma, this.configured);
    return useCaseMessages({ kind: "text", text: ["Where notices are posted (governance members also get each by DM; confidential incidents never go to a channel):", ...lines.map((line) => `• ${line}`), 'Change it with "/aims route incidents here" (or "… off") in the channel.'].join("\n") });
  }
}
