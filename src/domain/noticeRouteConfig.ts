// Where each kind of notice may be posted, as configured (AIMS_ROUTE_<KIND>=slack:C…,teams:19:…):
// pure data and its parsing, so the configuration can read it without the routing feature.

export const routeCategories = ["incidents", "approvals", "risk_acceptances", "delivery_failures", "digest"] as const;
export type RouteCategory = (typeof routeCategories)[number];

export interface ChannelRoute {
  platform: "slack" | "teams";
  channelId: string;
}

export function parseRoutes(text: string): ChannelRoute[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(slack|teams):(.+)$/.exec(part);
      if (!match) throw new Error(`"${part}" must be slack:CHANNEL_ID or teams:CONVERSATION_ID`);
      return { platform: match[1] as ChannelRoute["platform"], channelId: match[2]!.trim() };
    });
}
