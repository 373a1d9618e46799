// With OpenAI configured, a one-line incident report becomes proposed field values (type, severity,
// system, affected parties, when) through structured output checked with zod. The report flow keeps
// only values that pass its own validation, shows them in the review, and asks for the rest.
import { lazyOpenAiClient } from "./openAiClient.js";
import { z } from "zod";
import type { Logger } from "../logging/logger.js";

/** Each field on its own: one value the model got wrong is dropped (and asked), not the whole proposal. */
const proposalSchema = z.object({
  type: z.enum(["bias", "inaccurate_output", "privacy", "safety", "security", "drift", "transparency", "misuse", "other"]).nullable().catch(null),
  severity: z.enum(["sev1", "sev2", "sev3", "sev4"]).nullable().catch(null),
  systemName: z.string().max(200).nullable().catch(null),
  affectedParties: z.string().max(500).nullable().catch(null),
  occurredAt: z.string().max(100).nullable().catch(null),
});

export type IncidentProposal = z.infer<typeof proposalSchema>;

const jsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["type", "severity", "systemName", "affectedParties", "occurredAt"],
  properties: {
    type: { type: ["string", "null"], enum: ["bias", "inaccurate_output", "privacy", "safety", "security", "drift", "transparency", "misuse", "other", null] },
    severity: { type: ["string", "null"], enum: ["sev1", "sev2", "sev3", "sev4", null] },
    systemName: { type: ["string", "null"] },
    affectedParties: { type: ["string", "null"] },
    occurredAt: { type: ["string", "null"] },
  },
};

export function incidentPrefiller(options: { apiKey: string; baseUrl?: string; prompt: string; model?: string; timeoutMs?: number; logger?: Logger }) {
  const client = lazyOpenAiClient({ apiKey: options.apiKey, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), timeoutMs: options.timeoutMs ?? 8_000, maxRetries: 1 });
  return async (report: string): Promise<IncidentProposal | null> => {
    try {
      const completion = await (await client()).chat.completions.create({
        model: options.model ?? "gpt-4o-mini",
        temperature: 0,
        messages: [
          { role: "system", content: options.prompt },
          { role: "user", content: JSON.stringify({ report }) },
        ],
        response_format: { type: "json_schema", json_schema: { name: "incident_proposal", strict: true, schema: jsonSchema } },
      });
      const parsed = proposalSchema.safeParse(JSON.parse(completion.choices[0]?.message?.content ?? "null"));
      return parsed.success ? parsed.data : null;
    } catch (error) {
      options.logger?.warn({ err: error }, "incident pre-fill unavailable: the flow will ask every question");
      return null;
    }
  };
}
