// With OpenAI configured, a first message the offline rules are unsure of is read by a model:
// structured output, checked with zod. Anything else (an error, a timeout, an answer outside the
// schema, "unsure") leaves the rules' "which of these?" in place.
import { lazyOpenAiClient } from "./openAiClient.js";
import { z } from "zod";
import type { Logger } from "../logging/logger.js";
import type { Understanding } from "../conversations/understanding/firstMessage.js";

const routes = ["ask_policy", "report_incident", "register_system", "report_shadow_ai", "capabilities", "unsure"] as const;
const routeSchema = z.object({ route: z.enum(routes) });

const jsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["route"],
  properties: { route: { type: "string", enum: [...routes] } },
};

export function messageClassifier(options: { apiKey: string; baseUrl?: string; prompt: string; model?: string; timeoutMs?: number; logger?: Logger }) {
  const client = lazyOpenAiClient({ apiKey: options.apiKey, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), timeoutMs: options.timeoutMs ?? 5_000, maxRetries: 0 });
  return async (message: string): Promise<Understanding | null> => {
    try {
      const completion = await (await client()).chat.completions.create({
        model: options.model ?? "gpt-4o-mini",
        temperature: 0,
        messages: [
          { role: "system", content: options.prompt },
          { role: "user", content: JSON.stringify({ message }) },
        ],
        response_format: { type: "json_schema", json_schema: { name: "message_route", strict: true, schema: jsonSchema } },
      });
      const parsed = routeSchema.safeParse(JSON.parse(completion.choices[0]?.message?.content ?? "null"));
      return parsed.success ? understandingOf(parsed.data.route, message) : null;
    } catch (error) {
      options.logger?.warn({ err: error }, "message classifier unavailable: the offline rules' answer stands");
      return null;
    }
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
