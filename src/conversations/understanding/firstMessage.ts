// What a person wants from the first message they type outside any conversation.
// Baseline: today's word patterns, wrapped so the routing evaluation can score them.
import { detectIntent, flowIds } from "../intents.js";

export type Route = "ask_policy" | "report_incident" | "register_system" | "report_shadow_ai" | "capabilities" | "clarify" | "menu" | `command:${string}`;

export interface Understanding {
  route: Route;
}

const looksLikeQuestion = (text: string) =>
  /\?\s*$/.test(text) || /^\s*(can|may|could|should|must|do|does|is|are|am|what|which|who|when|where|why|how|will|would)\b/i.test(text);

const routeOfFlow: Record<string, Route> = {
  [flowIds.registerSystem]: "register_system",
  [flowIds.reportIncident]: "report_incident",
  [flowIds.reportShadowAi]: "report_shadow_ai",
};

export function understandFirstMessage(text: string): Understanding {
  const intent = detectIntent(text);
  if (intent) return { route: routeOfFlow[intent.flowId] ?? "menu" };
  if (looksLikeQuestion(text)) return { route: "ask_policy" };
  return { route: "menu" };
}
