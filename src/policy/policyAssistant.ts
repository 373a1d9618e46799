// Answers AI-policy questions from the organisation's own documents, citing the sections used.
// With OpenAI configured, a model writes the answer from the retrieved passages only; without it,
// or whenever the model fails or cites a passage it was not given, the best passages are quoted.
// Questions the policy does not cover, and attempts to instruct the bot, are declined.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import OpenAI from "openai";
import { z } from "zod";
import type { Logger } from "../logging/logger.js";
import { listPolicyFiles, loadPolicyCorpus, type PolicyPassage } from "./policyCorpus.js";
import { PolicyIndex, queryTerms, type PolicyHit } from "./policyIndex.js";
import { tokenize } from "./policyWords.js";
import { cosine, openAiEmbedder, type Embedder } from "../language/embeddings.js";
import type { EmbeddingCacheStore } from "../store/embeddingCache.js";

export interface PolicyCitation {
  document: string;
  section: string;
  heading: string;
  excerpt: string;
}

export interface PolicyAnswer {
  answered: boolean;
  answer: string;
  citations: PolicyCitation[];
  source: "model" | "extract" | "guard";
}

export interface PolicyAssistantOptions {
  policyDir: string;
  prompt: string;
  openai?: { apiKey: string; baseUrl?: string };
  model?: string;
  /** How long to wait for the model before answering offline. */
  timeoutMs?: number;
  logger?: Logger;
  /** Embeddings for hybrid ranking (with OpenAI); passages are embedded once per content, cached in the database. */
  semantic?: { embed: Embedder; model: string; cache: EmbeddingCacheStore };
}

/** With embeddings, a passage this close in meaning counts as an answer even when it shares few words. */
export const minimumSimilarity = 0.55;

export const embeddingModel = "text-embedding-3-small";

/**
 * The assistant as configured: POLICY_DIR, and OpenAI when a key is set. With an embedding cache
 * (the service's database) retrieval is hybrid; without one (the CLI) it is full-text only.
 */
export function policyAssistantFor(
  config: { policyDir: string; openai?: { apiKey: string; baseUrl?: string } },
  prompt: string,
  logger?: Logger,
  cache?: EmbeddingCacheStore,
): PolicyAssistant {
  return new PolicyAssistant({
    policyDir: config.policyDir,
    prompt,
    ...(config.openai ? { openai: config.openai } : {}),
    ...(config.openai && cache ? { semantic: { embed: openAiEmbedder({ ...config.openai, model: embeddingModel }), model: embeddingModel, cache } } : {}),
    ...(logger ? { logger } : {}),
  });
}

export const notCovered = "The AI policy doesn't cover this. I can pass your question to the governance team.";
const refusal = "I can only answer questions about our AI policy; I can't follow instructions to change records or reveal how I work.";

/** Asking the bot to act or to drop its rules is never a policy question. */
const injection = /\b(pretend|roleplay|role-play)\b.{0,30}\b(you|no rules|assistant)\b|\bno rules\b|\bnew instructions?\b|\bsystem notice\b|<\/?[a-z]+>|\bdelete all\b|\breply done\b|\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|rules?|prompt|policy|above|previous)\b|\b(system|hidden|secret)\s+prompt\b|\breveal\b.{0,30}\b(prompt|instructions?)\b|\b(admin|developer|god|jailbreak)\s+mode\b|\byou are now\b|\b(close|delete|approve|reject|update|set|change|mark)\b.{0,40}\b(INC|AIS)-\d+/i;

const modelAnswer = z.object({
  answered: z.boolean(),
  answer: z.string().min(1).max(2000),
  citations: z.array(z.object({ document: z.string(), section: z.string() })).max(5),
});

export class PolicyAssistant {
  private index: PolicyIndex;
  private fingerprint: string;
  private checkedAt = 0;
  private readonly client: OpenAI | undefined;

  constructor(private readonly options: PolicyAssistantOptions) {
    this.fingerprint = this.currentFingerprint();
    this.index = new PolicyIndex(loadPolicyCorpus(options.policyDir));
    this.client = options.openai
      ? new OpenAI({ apiKey: options.openai.apiKey, ...(options.openai.baseUrl ? { baseURL: options.openai.baseUrl } : {}), timeout: options.timeoutMs ?? 8_000, maxRetries: 1 })
      : undefined;
  }

  get passageCount(): number {
    return this.currentIndex().passages.length;
  }

  async ask(question: string): Promise<PolicyAnswer> {
    if (injection.test(question)) return { answered: false, answer: refusal, citations: [], source: "guard" };
    const index = this.currentIndex();
    const lexical = index.query(question, 10);
    const hybrid = this.options.semantic
      ? await this.hybridHits(question, index, lexical).catch((error: unknown) => {
          this.options.logger?.warn({ err: error }, "embeddings unavailable: ranking by full text only");
          return null;
        })
      : null;
    const hits = hybrid ?? lexical.slice(0, 5).filter(isRelevant);
    if (hits.length === 0) return { answered: false, answer: notCovered, citations: [], source: "extract" };
    if (this.client) {
      const answer = await this.askModel(question, hits).catch((error: unknown) => {
        this.options.logger?.warn({ err: error }, "policy model unavailable: answering offline");
        return null;
      });
      if (answer) return answer;
    }
    return extractiveAnswer(question, hits);
  }

  private async askModel(question: string, hits: PolicyHit[]): Promise<PolicyAnswer | null> {
    const passages = hits.map(({ passage }) => ({ document: passage.document, section: passage.section, heading: passage.headingPath.join(" › "), text: passage.text }));
    const completion = await this.client!.chat.completions.create({
      model: this.options.model ?? "gpt-4o-mini",
      temperature: 0,
      messages: [
        { role: "system", content: this.options.prompt },
        { role: "user", content: JSON.stringify({ question, passages }) },
      ],
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "policy_answer",
          strict: true,
          schema: {
            type: "object",
            additionalProperties: false,
            required: ["answered", "answer", "citations"],
            properties: {
              answered: { type: "boolean" },
              answer: { type: "string" },
              citations: { type: "array", items: { type: "object", additionalProperties: false, required: ["document", "section"], properties: { document: { type: "string" }, section: { type: "string" } } } },
            },
          },
        },
      },
    });
    const parsed = modelAnswer.safeParse(safeJson(completion.choices[0]?.message?.content));
    if (!parsed.success) {
      this.options.logger?.warn("policy model answer was malformed: answering offline");
      return null;
    }
    if (!parsed.data.answered) return { answered: false, answer: notCovered, citations: [], source: "model" };
    const cited = parsed.data.citations.map((citation) => hits.find(({ passage }) => passage.document === citation.document && passage.section === citation.section));
    if (cited.length === 0 || cited.some((hit) => !hit)) {
      this.options.logger?.warn({ citations: parsed.data.citations }, "policy model cited passages it was not given: answering offline");
      return null;
    }
    return { answered: true, answer: parsed.data.answer, citations: cited.map((hit) => citationOf(hit!.passage, question)), source: "model" };
  }

  private passageVectors = new Map<string, number[]>();

  /** Full-text and meaning together: half the normalised full-text score, half the cosine similarity. */
  private async hybridHits(question: string, index: PolicyIndex, lexical: PolicyHit[]): Promise<PolicyHit[]> {
    const { embed, model } = this.options.semantic!;
    const vectors = await this.vectorsFor(index.passages);
    const [questionVector] = await embed([question]);
    const similarity = new Map(index.passages.map((passage) => [passage.id, cosine(questionVector!, vectors.get(passage.id)!)]));
    const topBm25 = lexical[0]?.score ?? 1;
    const candidates = new Map(lexical.map((hit) => [hit.passage.id, hit]));
    for (const passage of [...index.passages].sort((a, b) => similarity.get(b.id)! - similarity.get(a.id)!).slice(0, 10)) {
      if (!candidates.has(passage.id)) candidates.set(passage.id, { passage, score: 0, coverage: index.coverageFor(question, passage) });
    }
    this.options.logger?.debug({ model, candidates: candidates.size }, "hybrid policy ranking");
    return [...candidates.values()]
      .filter((hit) => isRelevant(hit) || similarity.get(hit.passage.id)! >= minimumSimilarity)
      .map((hit) => ({ ...hit, score: 0.5 * (hit.score / topBm25) + 0.5 * similarity.get(hit.passage.id)! }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
  }

  /** Passage vectors by passage id: from memory, else the database cache, else embedded now and cached. */
  private async vectorsFor(passages: PolicyPassage[]): Promise<Map<string, number[]>> {
    const { embed, model, cache } = this.options.semantic!;
    const hashOf = (passage: PolicyPassage) => crypto.createHash("sha256").update(`${model}\n${passage.headingPath.join(" › ")}\n${passage.text}`).digest("hex");
    const hashes = new Map(passages.map((passage) => [passage.id, hashOf(passage)]));
    const missing = [...new Set(hashes.values())].filter((hash) => !this.passageVectors.has(hash));
    if (missing.length > 0) {
      for (const [hash, vector] of await cache.load(missing)) this.passageVectors.set(hash, vector);
      const toEmbed = passages.filter((passage) => !this.passageVectors.has(hashes.get(passage.id)!));
      if (toEmbed.length > 0) {
        const vectors = await embed(toEmbed.map((passage) => `${passage.headingPath.join(" › ")}\n${passage.text}`));
        const entries = toEmbed.map((passage, i) => ({ contentHash: hashes.get(passage.id)!, model, vector: vectors[i]! }));
        for (const entry of entries) this.passageVectors.set(entry.contentHash, entry.vector);
        await cache.save(entries);
      }
    }
    return new Map(passages.map((passage) => [passage.id, this.passageVectors.get(hashes.get(passage.id)!)!]));
  }

  /** The index, rebuilt when a policy file was added, changed or removed (checked at most every 2 s). */
  private currentIndex(): PolicyIndex {
    const now = Date.now();
    if (now - this.checkedAt < 2_000) return this.index;
    this.checkedAt = now;
    const fingerprint = this.currentFingerprint();
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.index = new PolicyIndex(loadPolicyCorpus(this.options.policyDir));
      this.options.logger?.info({ passages: this.index.passages.length }, "policy documents re-indexed");
    }
    return this.index;
  }

  private currentFingerprint(): string {
    return listPolicyFiles(this.options.policyDir)
      .map((file) => {
        const stat = fs.statSync(path.join(this.options.policyDir, file));
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      })
      .join("|");
  }
}

/** Measured on the evaluation set (npm run eval:qa): below this share, the passage answers a different question. */
export const minimumCoverage = 0.45;

function isRelevant(hit: PolicyHit): boolean {
  return hit.coverage >= minimumCoverage;
}

function extractiveAnswer(question: string, hits: PolicyHit[]): PolicyAnswer {
  const [top, ...rest] = hits;
  const second = rest.find((hit) => hit.score >= top!.score * 0.8 && hit.passage.id !== top!.passage.id);
  const used = [top!, ...(second ? [second] : [])];
  const citations = used.map(({ passage }) => citationOf(passage, question));
  const answer = citations.map((citation) => `${citation.excerpt} [${citation.document} §${citation.section}]`).join(" ");
  return { answered: true, answer, citations, source: "extract" };
}

function citationOf(passage: PolicyPassage, question: string): PolicyCitation {
  return { document: passage.document, section: passage.section, heading: passage.heading, excerpt: bestSentences(passage.text, question) };
}

/** The one or two sentences of a passage that share most words with the question, in their order. */
function bestSentences(text: string, question: string): string {
  const terms = new Set(queryTerms(question));
  const sentences = text.replace(/\s+/g, " ").split(/(?<=[.!?])\s+(?=[A-Z])/);
  const scored = sentences.map((sentence, index) => ({ sentence, index, score: tokenize(sentence).filter((word) => terms.has(word) || [...terms].some((term) => word.startsWith(term))).length }));
  const best = [...scored].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, 2).sort((a, b) => a.index - b.index);
  return best.map((entry) => entry.sentence).join(" ");
}

function safeJson(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
