// Answers AI-policy questions from the organisation's own documents, citing the sections used.
// With OpenAI configured, a model writes the answer from the retrieved passages only; without it,
// or whenever the model fails or cites a passage it was not given, the best passages are quoted.
// Off-topic questions and attempts to instruct the bot are declined without asking any model; a
// question the offline match is unsure about is answered with the closest sections, saying so (with
// OpenAI, after the model has rewritten it in the policy's terms).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type OpenAI from "openai";
import { z } from "zod";
import type { Logger } from "../logging/logger.js";
import { listPolicyFiles, loadPolicyCorpus, PolicyDirMissingError, policyDirExists, type PolicyCorpus, type PolicyPassage } from "./policyCorpus.js";
import { PolicyIndex, type PolicyHit } from "./policyIndex.js";
import { asksLeaveToBreakRules, isGeneralKnowledge, isInjection, isTaskOrOpinion } from "./policyGuard.js";
import { askLeadsElsewhere, asksInOtherWords, judge, theAsk, type PolicyConfidence } from "./policyRelevance.js";
import { otherBodyAnswer, otherBodyAskedAbout, outsideAiAskedAbout, outsideScopeAnswer, unknownNameAnswer, unknownNameAskedAbout } from "./policyScope.js";
import { pointsAtTheDocuments } from "./policyDomain.js";
import { citationOf, extractiveAnswer } from "./policyExtracts.js";
import { loadPrompt } from "./prompts.js";
import { matchCurated, type CuratedCandidate } from "./curatedMatching.js";
import { cosine, openAiEmbedder, type Embedder } from "../language/embeddings.js";
import { lazyOpenAiClient } from "../language/openAiClient.js";
import type { EmbeddingCacheStore } from "../store/embeddingCache.js";

export type { PolicyCitation } from "./policyExtracts.js";
import type { PolicyCitation } from "./policyExtracts.js";

export interface PolicyAnswer {
  answered: boolean;
  answer: string;
  citations: PolicyCitation[];
  source: "model" | "extract" | "guard" | "curated";
  /**
   * How sure the offline match is: "confident" quotes the section that answers, "uncertain" says so
   * and cites the closest sections, "off-topic" declines (also when a check declines it before
   * searching). Absent only for curated answers and for a refused attempt to instruct the bot.
   */
  confidence?: PolicyConfidence;
}

export interface PolicyAssistantOptions {
  policyDir: string;
  prompt: string;
  /** With OpenAI: rewrites a question the offline match is unsure about in the policy's terms. */
  rewritePrompt?: string;
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
 * A POLICY_DIR that does not exist stops here with a message naming it: every question would
 * otherwise go unanswered without a word.
 */
export function policyAssistantFor(
  config: { policyDir: string; openai?: { apiKey: string; baseUrl?: string } },
  prompt: string,
  logger?: Logger,
  cache?: EmbeddingCacheStore,
): PolicyAssistant {
  if (!policyDirExists(config.policyDir)) throw new PolicyDirMissingError(config.policyDir);
  return new PolicyAssistant({
    policyDir: config.policyDir,
    prompt,
    ...(config.openai ? { openai: config.openai, rewritePrompt: loadPrompt("policy-rewrite") } : {}),
    ...(config.openai && cache ? { semantic: { embed: openAiEmbedder({ ...config.openai, model: embeddingModel }), model: embeddingModel, cache } } : {}),
    ...(logger ? { logger } : {}),
  });
}

export const notCovered = "The AI policy doesn't cover this: it doesn't look like a question about how we use AI. If it is one, I can pass it to the governance team.";
const refusal = "I can only answer questions about our AI policy; I can't follow instructions to change records or reveal how I work.";
const noRuleIsOptional =
  "No rule in our AI policy is optional, so I can't help with skipping or getting round one. If a rule gets in the way of your work, ask for an exception as the policy describes; if you think a rule should change, I can pass your question to the governance team.";

const modelAnswer = z.object({
  answered: z.boolean(),
  answer: z.string().min(1).max(2000),
  citations: z.array(z.object({ document: z.string(), section: z.string() })).max(5),
});

const modelRewrite = z.object({ query: z.string().min(2).max(300) });
/** The rewrite prompt's answer for a question that is not about the policies. */
const emptyRewrite = z.object({ query: z.string().trim().length(0) });
const notAboutThePolicies = Symbol("not about the policies");

interface LoadedIndex {
  index: PolicyIndex;
  corpus: PolicyCorpus;
}

export class PolicyAssistant {
  private loaded: Promise<LoadedIndex>;
  private fingerprint: string;
  private checkedAt = 0;
  private readonly client: (() => Promise<OpenAI>) | undefined;

  constructor(private readonly options: PolicyAssistantOptions) {
    this.fingerprint = this.currentFingerprint();
    this.loaded = this.load();
    this.client = options.openai
      ? lazyOpenAiClient({ apiKey: options.openai.apiKey, ...(options.openai.baseUrl ? { baseUrl: options.openai.baseUrl } : {}), timeoutMs: options.timeoutMs ?? 8_000, maxRetries: 1 })
      : undefined;
  }

  /** The documents read, how many passages each gave, every file that could not be used (and why), and the copies left out. */
  async diagnostics(): Promise<{ policyDir: string; passages: number; documents: PolicyCorpus["documents"]; problems: PolicyCorpus["problems"]; copies: PolicyCorpus["copies"] }> {
    const { corpus } = await this.currentIndex();
    return { policyDir: this.options.policyDir, passages: corpus.passages.length, documents: corpus.documents, problems: corpus.problems, copies: corpus.copies };
  }

  /** The curated answer that answers this question, if any (see curatedMatching.ts). */
  async matchCurated<T extends CuratedCandidate>(question: string, candidates: T[]): Promise<T | null> {
    if (candidates.length === 0 || isInjection(question)) return null;
    const { index } = await this.currentIndex();
    return matchCurated(question, candidates, (stem) => index.idf(stem), (word) => index.correct(word));
  }

  /** The current index (rebuilt when the documents change): suggested questions are made from its sections. */
  async policyIndex(): Promise<PolicyIndex> {
    return (await this.currentIndex()).index;
  }

  async passageCount(): Promise<number> {
    return (await this.currentIndex()).index.passages.length;
  }

  async ask(question: string): Promise<PolicyAnswer> {
    if (isInjection(question)) return { answered: false, answer: refusal, citations: [], source: "guard" };
    if (asksLeaveToBreakRules(question)) return { answered: false, answer: noRuleIsOptional, citations: [], source: "guard", confidence: "off-topic" };
    if (isTaskOrOpinion(question) || isGeneralKnowledge(question)) return { answered: false, answer: notCovered, citations: [], source: "guard", confidence: "off-topic" };
    const { index } = await this.currentIndex();
    const outsideScope = outsideScopeAnswer(question, index);
    if (outsideScope) return { answered: false, answer: outsideScope, citations: [], source: "guard", confidence: "off-topic" };
    const otherBody = otherBodyAskedAbout(question, index);
    if (otherBody) return { answered: false, answer: otherBodyAnswer(otherBody), citations: [], source: "guard", confidence: "off-topic" };
    const othersAi = outsideAiAskedAbout(question, index);
    if (othersAi) return { answered: false, answer: unknownNameAnswer(othersAi), citations: [], source: "guard", confidence: "off-topic" };
    const lexical = index.query(question, 10);
    // A question the offline match declines is about something else: no model is asked about it,
    // neither to embed it, nor to rewrite it, nor to answer it.
    if (judge(lexical.slice(0, 5)) === "off-topic") return { answered: false, answer: notCovered, citations: [], source: "extract", confidence: "off-topic" };
    let hits = await this.rankedHits(question, index, lexical);
    let confidence = judge(hits);
    // Asked mostly in words the policies never use: a model may put it in theirs; if none does, or
    // its words still find no section that clearly answers, it is about something else, unless it
    // points at the policies themselves ("what happens to someone who flouts these rules?").
    const inOtherWords = confidence !== "off-topic" && asksInOtherWords(hits, confidence) && !pointsAtTheDocuments(question);
    let rewriteAnswers = false;
    if (confidence === "uncertain" && this.client && this.options.rewritePrompt) {
      const rewritten = await this.rewriteQuestion(question, hits);
      // The model, asked to put the question in the policies' words, says it is about something else.
      if (rewritten === notAboutThePolicies) return { answered: false, answer: notCovered, citations: [], source: "extract", confidence: "off-topic" };
      if (rewritten) {
        const better = await this.rankedHits(rewritten, index);
        const betterConfidence = judge(better);
        if (rank(betterConfidence) > rank(confidence)) [hits, confidence, rewriteAnswers] = [better, betterConfidence, true];
      }
    }
    if (confidence === "off-topic") return { answered: false, answer: notCovered, citations: [], source: "extract", confidence };
    // Not sure which section answers, and the question is about something the policies never name.
    const named = confidence === "uncertain" ? unknownNameAskedAbout(question, index) : undefined;
    if (named) return { answered: false, answer: unknownNameAnswer(named), citations: [], source: "guard", confidence: "off-topic" };
    if (inOtherWords && !rewriteAnswers) return { answered: false, answer: notCovered, citations: [], source: "extract", confidence: "off-topic" };
    if (confidence === "confident" && this.askFindsOtherSections(question, hits, index)) confidence = "uncertain";
    if (this.client) {
      const answer = await this.askModel(question, hits).catch((error: unknown) => {
        this.options.logger?.warn({ err: error }, "policy model unavailable: answering offline");
        return null;
      });
      if (answer) return { confidence: answer.source === "model" ? confidence : "uncertain", ...answer };
    }
    return { answered: true, ...extractiveAnswer(question, hits, confidence), source: "extract", confidence };
  }

  /** See `askLeadsElsewhere`: the last thing asked, after a story, finds other sections than the best. */
  private askFindsOtherSections(question: string, [top]: PolicyHit[], index: PolicyIndex): boolean {
    const ask = theAsk(question);
    return !!ask && !!top && askLeadsElsewhere(top, index.query(ask, 3));
  }

  private async rankedHits(question: string, index: PolicyIndex, lexical = index.query(question, 10)): Promise<PolicyHit[]> {
    if (!this.options.semantic) return lexical.slice(0, 5);
    const hybrid = await this.hybridHits(question, index, lexical).catch((error: unknown) => {
      this.options.logger?.warn({ err: error }, "embeddings unavailable: ranking by full text only");
      return null;
    });
    return hybrid ?? lexical.slice(0, 5);
  }

  /**
   * The question in the policy's own words, by the model, given the headings of the closest
   * sections; `notAboutThePolicies` when the model answers { "query": "" } (the prompt's answer for a
   * question about something else); null when it fails, times out or answers anything else.
   */
  private async rewriteQuestion(question: string, hits: PolicyHit[]): Promise<string | typeof notAboutThePolicies | null> {
    try {
      const completion = await (await this.client!()).chat.completions.create({
        model: this.options.model ?? "gpt-4o-mini",
        temperature: 0,
        messages: [
          { role: "system", content: this.options.rewritePrompt! },
          { role: "user", content: JSON.stringify({ question, closestHeadings: hits.slice(0, 5).map((hit) => hit.passage.headingPath.join(" › ")) }) },
        ],
        response_format: {
          type: "json_schema",
          json_schema: { name: "policy_query", strict: true, schema: { type: "object", additionalProperties: false, required: ["query"], properties: { query: { type: "string" } } } },
        },
      });
      const content = safeJson(completion.choices[0]?.message?.content);
      if (emptyRewrite.safeParse(content).success) return notAboutThePolicies;
      const parsed = modelRewrite.safeParse(content);
      if (!parsed.success || isInjection(parsed.data.query)) {
        this.options.logger?.warn("policy question rewrite was malformed: searching with the question as asked");
        return null;
      }
      return parsed.data.query;
    } catch (error) {
      this.options.logger?.warn({ err: error }, "policy question rewrite unavailable: searching with the question as asked");
      return null;
    }
  }

  private async askModel(question: string, hits: PolicyHit[]): Promise<Omit<PolicyAnswer, "confidence"> | null> {
    const passages = hits.map(({ passage }) => ({ document: passage.document, section: passage.section, heading: passage.headingPath.join(" › "), text: passage.text }));
    const completion = await (await this.client!()).chat.completions.create({
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
    // The model found no answer in passages the offline match chose: the closest sections are shown, saying so.
    if (!parsed.data.answered) return { answered: true, ...extractiveAnswer(question, hits, "uncertain"), source: "extract" };
    const cited = parsed.data.citations.map((citation) => hits.find(({ passage }) => passage.document === citation.document && passage.section === citation.section));
    if (cited.length === 0 || cited.some((hit) => !hit)) {
      this.options.logger?.warn({ citations: parsed.data.citations }, "policy model cited passages it was not given: answering offline");
      return null;
    }
    return { answered: true, answer: parsed.data.answer, citations: cited.map((hit) => citationOf(hit!, question)), source: "model" };
  }

  private passageVectors = new Map<string, number[]>();

  /** Full-text and meaning together: half the normalised full-text score, half the cosine similarity. */
  private async hybridHits(question: string, index: PolicyIndex, lexical: PolicyHit[]): Promise<PolicyHit[]> {
    const { embed, model } = this.options.semantic!;
    const vectors = await this.vectorsFor(index.passages);
    const [questionVector] = await embed([question]);
    const similarity = new Map(index.passages.map((passage) => [passage.id, cosine(questionVector!, vectors.get(passage.id)!)]));
    const candidates = new Map(lexical.map((hit) => [hit.passage.id, hit]));
    for (const passage of [...index.passages].sort((a, b) => similarity.get(b.id)! - similarity.get(a.id)!).slice(0, 10)) {
      if (!candidates.has(passage.id) && similarity.get(passage.id)! >= minimumSimilarity) candidates.set(passage.id, index.hitFor(question, passage, 0));
    }
    this.options.logger?.debug({ model, candidates: candidates.size }, "hybrid policy ranking");
    return [...candidates.values()]
      .map((hit) => ({ ...hit, score: 0.5 * hit.score + 0.5 * similarity.get(hit.passage.id)! }))
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

  private async load(): Promise<LoadedIndex> {
    const corpus = await loadPolicyCorpus(this.options.policyDir);
    for (const { file, problem } of corpus.problems) this.options.logger?.warn({ file }, `policy document not used: ${problem}`);
    for (const { file, sameAs } of corpus.copies) this.options.logger?.info({ file, sameAs }, "policy document not used: a copy of another file in another format");
    this.options.logger?.info({ policyDir: this.options.policyDir, documents: corpus.documents.length, passages: corpus.passages.length }, "policy documents indexed");
    return { index: new PolicyIndex(corpus.passages), corpus };
  }

  /** The index, rebuilt when a policy file was added, changed or removed (checked at most every 2 s). */
  private currentIndex(): Promise<LoadedIndex> {
    const now = Date.now();
    if (now - this.checkedAt < 2_000) return this.loaded;
    this.checkedAt = now;
    const fingerprint = this.currentFingerprint();
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.loaded = this.load().then((loaded) => {
        this.options.logger?.info({ passages: loaded.index.passages.length }, "policy documents re-indexed");
        return loaded;
      });
    }
    return this.loaded;
  }

  private currentFingerprint(): string {
    if (!policyDirExists(this.options.policyDir)) return "missing";
    return listPolicyFiles(this.options.policyDir)
      .map((file) => {
        const stat = fs.statSync(path.join(this.options.policyDir, file));
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      })
      .join("|");
  }
}

const rank = (confidence: PolicyConfidence) => ({ "off-topic": 0, uncertain: 1, confident: 2 })[confidence];

function safeJson(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
