// The OpenAI client, loaded when the first call is made: the module takes a noticeable part of the
// service's start and memory, and a deployment without an OpenAI key never needs it.
import type OpenAI from "openai";

export interface OpenAiClientSettings {
  apiKey: string;
  baseUrl?: string;
  timeoutMs: number;
  maxRetries: number;
}

/** A function that gives the (one) client, importing the module the first time it is asked for. */
export function lazyOpenAiClient(settings: OpenAiClientSettings): () => Promise<OpenAI> {
  let client: Promise<OpenAI> | undefined;
  return () =>
    (client ??= import("openai").then(
      ({ default: OpenAIClient }) => new OpenAIClient({ apiKey: settings.apiKey, ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}), timeout: settings.timeoutMs, maxRetries: settings.maxRetries }),
    ));
}
