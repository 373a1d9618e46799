// Stored embeddings by content hash.
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";

export interface EmbeddingCacheStore {
  load(hashes: string[]): Promise<Map<string, number[]>>;
  save(entries: { contentHash: string; model: string; vector: number[] }[]): Promise<void>;
}

export function embeddingCache(prisma: PrismaClient): EmbeddingCacheStore {
  return {
    async load(hashes) {
      const rows = await prisma.embeddingCache.findMany({ where: { contentHash: { in: hashes } } });
      return new Map(rows.map((row) => [row.contentHash, row.vector as number[]]));
    },
    async save(entries) {
      await prisma.embeddingCache.createMany({
        data: entries.map((entry) => ({ ...entry, vector: entry.vector as Prisma.InputJsonValue })),
        skipDuplicates: true,
      });
    },
  };
}
