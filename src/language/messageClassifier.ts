// With OpenAI configured, a first message the offline rules are unsure of is read by a model:
// structured output, checked with zod. Anything else (an error, a timeout, an answer outside the
// schema, "unsure") leaves the rules' "which of these?" in place.
import { z } from "zod";
import { structuredCompletion, type ModelAccess } from "./structuredCompletion.js";
import type { Understanding } from "../conversations/understanding/firstMessage.js";

const routes = ["ask_policy", "report_incident", "register_system", "report_shadow_ai", "capabilities", "unsure"] as const;
const routeSchema = z.object({ route: z.enum(routes) });

const jsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["route"],
  properties: { route: { type: "string", enum: [...routes] } },
};

export function messageClassifier(access: ModelAccess) {
  const classify = structuredCompletion(access, {
    name: "message_route",
    jsonSchema,
    answer: routeSchema,
    defaultTimeoutMs: 5_000,
    maxRetries: 0,
    unavailable: "message classifier unavailable: the offline rules' answer stands",
  });
  return async (message: string): Promise<Understanding | null> => {
    const answer = await classify({ message });
    return answer ? understandingOf(answer.route, message) : null;
  };
}

function understandingOf(route: (typeof routes)[number], message: string): Understanding | null {
  switch (route) {
    case "ask_policy":
      return { route, question: message };
    case "report_incident":
      return { route, description: message };
    case "report_shadow_ai":
      return { route, description: message };
    case "register_system":
    case "capabilities":
      return { route };
    case "unsure":
      return null;
  }
}
