// Slack's Web API client, loaded only where Slack is configured. @slack/web-api is CommonJS: Node
// hands its names over as the module's own, while the bundled service (scripts/bundleService.mjs),
// loading it later from a shared part of the bundle, hands over the package as its default export.
import type { WebClient } from "@slack/web-api";

type WebApi = typeof import("@slack/web-api");

export async function loadWebClient(): Promise<typeof WebClient> {
  const webApi = (await import("@slack/web-api")) as WebApi & { default?: WebApi };
  return webApi.WebClient ?? webApi.default!.WebClient;
}
