// Text embeddings from OpenAI (or a compatible endpoint), for semantic policy retrieval.
import { lazyOpenAiClient } from "./openAiClient.js";

export type Embedder = (texts: string[]) => Promise<number[][]>;

export function openAiEmbedder(options: { apiKey: string; baseUrl?: string; model: string; timeoutMs?: number }): Embedder {
  const client = lazyOpenAiClient({ apiKey: options.apiKey, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), timeoutMs: options.timeoutMs ?? 8_000, maxRetries: 1 });
  return async (texts) => {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += 100) {
      const response = await (await client()).embeddings.create({ model: options.model, input: texts.slice(start, start + 100) });
      for (const item of [...response.data].sort((a, b) => a.index - b.index)) vectors.push(item.embedding);
    }
    return vectors;
  };
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
