// One call shape for every place a model reads a message: a system prompt, the message as JSON,
// an answer forced into a JSON schema (strict structured output) and checked again with zod,
// because a model's answer is input like any other. A failure of any kind is logged and gives
// null, so each caller falls back to what works offline.
import type { z } from "zod";
import type { Logger } from "../logging/logger.js";
import { lazyOpenAiClient } from "./openAiClient.js";

/** How to reach the model; the same for every structured call. */
export interface ModelAccess {
  apiKey: string;
  baseUrl?: string;
  prompt: string;
  model?: string;
  timeoutMs?: number;
  logger?: Logger;
}

/** What one kind of call asks for and how it degrades. */
export interface StructuredCall<T> {
  name: string;
  jsonSchema: Record<string, unknown>;
  answer: z.ZodType<T>;
  defaultTimeoutMs: number;
  maxRetries: number;
  /** Logged (without the message) when the model cannot be used. */
  unavailable: string;
}

export function structuredCompletion<T>(access: ModelAccess, call: StructuredCall<T>): (input: Record<string, string>) => Promise<T | null> {
  const client = lazyOpenAiClient({ apiKey: access.apiKey, ...(access.baseUrl ? { baseUrl: access.baseUrl } : {}), timeoutMs: access.timeoutMs ?? call.defaultTimeoutMs, maxRetries: call.maxRetries });
  return async (input) => {
    try {
      const completion = await (await client()).chat.completions.create({
        model: access.model ?? "gpt-4o-mini",
        temperature: 0,
        messages: [
          { role: "system", content: access.prompt },
          { role: "user", content: JSON.stringify(input) },
        ],
        response_format: { type: "json_schema", json_schema: { name: call.name, strict: true, schema: call.jsonSchema } },
      });
      const parsed = call.answer.safeParse(JSON.parse(completion.choices[0]?.message?.content ?? "null"));
      return parsed.success ? parsed.data : null;
    } catch (error) {
      access.logger?.warn({ err: error }, call.unavailable);
      return null;
    }
  };
}
