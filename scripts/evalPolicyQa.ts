// `npm run eval:qa`: how well the offline policy assistant answers, corpus by corpus.
// Each corpus is a folder of policy documents and a list of questions labelled with the section
// that answers them (or none: off-topic questions and prompt injections, which must be declined).
// The sample policies have two question sets (the second written before retrieval was tuned); the
// corpora under test/fixtures/policy-corpora/ are other organisations' policies in other styles:
// retrieval is tuned on one of them only, so the other measures how well it generalises.
//
// hit@1: the first citation is the expected section. hit@3: the expected section is cited or among
// the three best passages of an answer. declined: off-topic questions and injections not answered.
// declined (answerable): questions the policy covers that got no answer. wrong section: answered
// as if sure (a confident offline answer, a model's or a curated one), and no citation is the
// expected section: the answer that misleads. not certain: answered "I'm not certain; these sections
// look closest", with the share of those where none of the sections listed is the expected one
// (reported beside, not hidden: such an answer says it may be wrong, but it is no help either).
// uncited: answered without any citation.
// `--bm25` adds plain BM25 (MiniSearch over the same passages, heading boost, nothing else).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { PolicyAssistant } from "../src/policy/policyAssistant.js";
import { loadPrompt } from "../src/policy/prompts.js";
import { PolicyIndex } from "../src/policy/policyIndex.js";
import { loadPolicyCorpus, type PolicyPassage } from "../src/policy/policyCorpus.js";

interface EvalItem {
  question: string;
  expected: { document: string; section: string } | null;
  kind: string;
}

export interface EvalCorpus {
  name: string;
  policyDir: string;
  questions: string;
  /** Whether retrieval was tuned on this corpus (the others are held out). */
  tuned: boolean;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corporaDir = path.join(root, "test", "fixtures", "policy-corpora");

export const evalCorpora: EvalCorpus[] = [
  { name: "sample policies", policyDir: path.join(root, "policies"), questions: path.join(root, "test", "fixtures", "policy-eval.json"), tuned: true },
  { name: "sample policies, held-out questions", policyDir: path.join(root, "policies"), questions: path.join(root, "test", "fixtures", "policy-eval-heldout.json"), tuned: false },
  { name: "harbourline-health (healthcare)", policyDir: path.join(corporaDir, "harbourline-health", "policies"), questions: path.join(corporaDir, "harbourline-health", "questions.json"), tuned: true },
  { name: "kestrel-freight (logistics)", policyDir: path.join(corporaDir, "kestrel-freight", "policies"), questions: path.join(corporaDir, "kestrel-freight", "questions.json"), tuned: false },
  { name: "calloway-pine (law firm)", policyDir: path.join(corporaDir, "calloway-pine", "policies"), questions: path.join(corporaDir, "calloway-pine", "questions.json"), tuned: false },
  { name: "ashgrove-council (local government)", policyDir: path.join(corporaDir, "ashgrove-council", "policies"), questions: path.join(corporaDir, "ashgrove-council", "questions.json"), tuned: false },
  { name: "fernhill-university (higher education)", policyDir: path.join(corporaDir, "fernhill-university", "policies"), questions: path.join(corporaDir, "fernhill-university", "questions.json"), tuned: true },
  { name: "brightwater-insurance (insurer)", policyDir: path.join(corporaDir, "brightwater-insurance", "policies"), questions: path.join(corporaDir, "brightwater-insurance", "questions.json"), tuned: false },
  { name: "norrland-pharma (pharmaceutical manufacturer)", policyDir: path.join(corporaDir, "norrland-pharma", "policies"), questions: path.join(corporaDir, "norrland-pharma", "questions.json"), tuned: false },
  { name: "tidewater-media (news and media group)", policyDir: path.join(corporaDir, "tidewater-media", "policies"), questions: path.join(corporaDir, "tidewater-media", "questions.json"), tuned: false },
  { name: "meridian-group (retail bank and energy trading)", policyDir: path.join(corporaDir, "meridian-group", "policies"), questions: path.join(corporaDir, "meridian-group", "questions.json"), tuned: false },
  { name: "copperleaf-hotels (hotel group)", policyDir: path.join(corporaDir, "copperleaf-hotels", "policies"), questions: path.join(corporaDir, "copperleaf-hotels", "questions.json"), tuned: false },
  { name: "saltmarsh-software (software company)", policyDir: path.join(corporaDir, "saltmarsh-software", "policies"), questions: path.join(corporaDir, "saltmarsh-software", "questions.json"), tuned: true },
  { name: "oakridge-construction (construction and civil engineering)", policyDir: path.join(corporaDir, "oakridge-construction", "policies"), questions: path.join(corporaDir, "oakridge-construction", "questions.json"), tuned: false },
  { name: "larkspur-retail (retail chain)", policyDir: path.join(corporaDir, "larkspur-retail", "policies"), questions: path.join(corporaDir, "larkspur-retail", "questions.json"), tuned: true },
  { name: "fenwick-water (water utility)", policyDir: path.join(corporaDir, "fenwick-water", "policies"), questions: path.join(corporaDir, "fenwick-water", "questions.json"), tuned: true },
  { name: "hollybrook-care (care homes and home care)", policyDir: path.join(corporaDir, "hollybrook-care", "policies"), questions: path.join(corporaDir, "hollybrook-care", "questions.json"), tuned: true },
  { name: "skylark-aviation (regional airline)", policyDir: path.join(corporaDir, "skylark-aviation", "policies"), questions: path.join(corporaDir, "skylark-aviation", "questions.json"), tuned: false },
  { name: "ashby-accountants (accountancy and advisory firm)", policyDir: path.join(corporaDir, "ashby-accountants", "policies"), questions: path.join(corporaDir, "ashby-accountants", "questions.json"), tuned: false },
  { name: "riverside-schools (multi-academy trust)", policyDir: path.join(corporaDir, "riverside-schools", "policies"), questions: path.join(corporaDir, "riverside-schools", "questions.json"), tuned: true },
  { name: "greenway-homes (housing association)", policyDir: path.join(corporaDir, "greenway-homes", "policies"), questions: path.join(corporaDir, "greenway-homes", "questions.json"), tuned: false },
  { name: "northgate-telecom (telecoms operator)", policyDir: path.join(corporaDir, "northgate-telecom", "policies"), questions: path.join(corporaDir, "northgate-telecom", "questions.json"), tuned: true },
  { name: "larchmont-recruitment (recruitment agency)", policyDir: path.join(corporaDir, "larchmont-recruitment", "policies"), questions: path.join(corporaDir, "larchmont-recruitment", "questions.json"), tuned: true },
  { name: "marlow-logistics-ports (port operator; Word with bold headings, PDF with larger headings, numbered bold Markdown, \"1)\" plain text, bold HTML paragraphs)", policyDir: path.join(corporaDir, "marlow-logistics-ports", "policies"), questions: path.join(corporaDir, "marlow-logistics-ports", "questions.json"), tuned: false },
  { name: "brackenfield-charity (charity for older people and carers; Word with heading styles, PDF with numbered headings, question headings, HTML, numbered Markdown, capitals)", policyDir: path.join(corporaDir, "brackenfield-charity", "policies"), questions: path.join(corporaDir, "brackenfield-charity", "questions.json"), tuned: false },
  { name: "pixelmoor-games (video-game studio)", policyDir: path.join(corporaDir, "pixelmoor-games", "policies"), questions: path.join(corporaDir, "pixelmoor-games", "questions.json"), tuned: false },
  { name: "thornbury-building-society (building society; Word and PDF exported by LibreOffice: Word's own heading numbers, bold headings in the text's size)", policyDir: path.join(corporaDir, "thornbury-building-society", "policies"), questions: path.join(corporaDir, "thornbury-building-society", "questions.json"), tuned: false },
  { name: "halden-engineering (engineering manufacturer; Word with outline numbering, PDF with small capitals and running headers, briefing slides as PDF, an intranet page with its site around it)", policyDir: path.join(corporaDir, "halden-engineering", "policies"), questions: path.join(corporaDir, "halden-engineering", "questions.json"), tuned: false },
  { name: "ravensmoor-museums (museum and gallery group; Word from a template with a document-control table, a wiki page exported as HTML, a notes app's Markdown export, a two-column PDF leaflet, a PDF with outline-numbered headings, terms pasted into an e-mail)", policyDir: path.join(corporaDir, "ravensmoor-museums", "policies"), questions: path.join(corporaDir, "ravensmoor-museums", "questions.json"), tuned: false },
  { name: "wyvern-valley-police (police force; Word whose headings are large Normal paragraphs, a PDF with capitals headings in the text's size and OFFICIAL markings, an intranet page whose headings are styled spans, a Google Docs Markdown export, typed terms with dashed underlines, a card whose headings end in colons)", policyDir: path.join(corporaDir, "wyvern-valley-police", "policies"), questions: path.join(corporaDir, "wyvern-valley-police", "questions.json"), tuned: false },
  { name: "caldera-energy (energy supplier; Word from python-docx and from pandoc, a PDF printed by Chromium with its header and footer, an HTML page saved from Word, docs-as-code Markdown with front matter and admonitions, reStructuredText-style text)", policyDir: path.join(corporaDir, "caldera-energy", "policies"), questions: path.join(corporaDir, "caldera-energy", "questions.json"), tuned: false },
  { name: "brightline-rail (train operator; Markdown with front matter, MediaWiki and AsciiDoc markup saved as text, a knowledge-base export with Step headings, an e-mail newsletter built of tables, terms with headings run into their clauses)", policyDir: path.join(corporaDir, "brightline-rail", "policies"), questions: path.join(corporaDir, "brightline-rail", "questions.json"), tuned: false },
  { name: "fernbrook-vets (veterinary group; a Google Docs HTML export, Word and PDF from LibreOffice, an Obsidian note with callouts and wikilinks, a Notion HTML export, a SharePoint page saved from the browser, a Q./A. FAQ typed in Notepad)", policyDir: path.join(corporaDir, "fernbrook-vets", "policies"), questions: path.join(corporaDir, "fernbrook-vets", "questions.json"), tuned: false },
  { name: "hartwell-foods (food manufacturer; Word and PDF from LibreOffice with a typed contents list and a running header, a GitBook page with hints and tabs, Confluence wiki markup saved as text, a procedure quoted in an e-mail reply, a drivers' card)", policyDir: path.join(corporaDir, "hartwell-foods", "policies"), questions: path.join(corporaDir, "hartwell-foods", "questions.json"), tuned: false },
  { name: "pennant-pensions (pension-scheme administrator; intranet pages in Markdown, a bold organisation line under the title, capitals terms of reference, a member FAQ with question headings, a guide with bold-line headings)", policyDir: path.join(corporaDir, "pennant-pensions", "policies"), questions: path.join(corporaDir, "pennant-pensions", "questions.json"), tuned: false },
  { name: "quarry-lane-architects (architecture practice; Markdown, a standard titled and headed by bold lines, Title Case and question headings in plain text, an HTML guidance note, Word terms from LibreOffice)", policyDir: path.join(corporaDir, "quarry-lane-architects", "policies"), questions: path.join(corporaDir, "quarry-lane-architects", "questions.json"), tuned: false },
];

export interface EvalResult {
  corpus: string;
  tuned: boolean;
  answerable: number;
  offTopic: number;
  hitAt1: number;
  hitAt3: number;
  declinedOffTopic: number;
  declinedAnswerable: number;
  wrongSection: number;
  /** Answers that said they were not certain, and those of them listing no expected section. */
  uncertain: number;
  uncertainWrong: number;
  uncited: number;
  /** Citations per answer to an answerable question: extra citations would lower "wrong section" cheaply. */
  citationsPerAnswer: number;
  misses: string[];
  bm25?: { hitAt1: number; hitAt3: number };
}

/** "Part A: Approvals", "Part A" + "Approvals" and "part a approvals" are one label. */
const label = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export function isExpected(expected: { document: string; section: string }, cited: { document: string; section: string; heading?: string }): boolean {
  if (cited.document !== expected.document) return false;
  const wanted = label(expected.section);
  return [cited.section, cited.heading ?? "", `${cited.section} ${cited.heading ?? ""}`].some((form) => label(form) === wanted);
}

export async function evaluate(corpus: EvalCorpus, options: { bm25?: boolean } = {}): Promise<EvalResult> {
  const items = JSON.parse(fs.readFileSync(corpus.questions, "utf8")) as EvalItem[];
  const assistant = new PolicyAssistant({ policyDir: corpus.policyDir, prompt: loadPrompt("policy-answer") });
  const { passages, copies } = await loadPolicyCorpus(corpus.policyDir);
  // A question labelled with a copy the assistant leaves out (the PDF of a Word policy) is answered by the original.
  const original = new Map(copies.map((copy) => [copy.file, copy.sameAs]));
  const index = new PolicyIndex(passages);
  const bm25 = options.bm25 ? plainBm25(passages) : undefined;
  const counts = { answerable: 0, offTopic: 0, hit1: 0, hit3: 0, declinedOffTopic: 0, declinedAnswerable: 0, wrongSection: 0, uncertain: 0, uncertainWrong: 0, uncited: 0, citations: 0, bm1: 0, bm3: 0 };
  const misses: string[] = [];
  for (const item of items) {
    const answer = await assistant.ask(item.question);
    if (answer.answered && answer.citations.length === 0) counts.uncited++;
    if (!item.expected) {
      counts.offTopic++;
      if (!answer.answered) counts.declinedOffTopic++;
      else misses.push(`answered but should decline: ${item.question} → ${answer.citations.map((c) => `${c.document}#${c.section}`).join(", ")}`);
      continue;
    }
    const expected = { ...item.expected, document: original.get(item.expected.document) ?? item.expected.document };
    counts.answerable++;
    if (bm25) {
      const top = bm25(item.question);
      if (top[0] && isExpected(expected, top[0])) counts.bm1++;
      if (top.some((passage) => isExpected(expected, passage))) counts.bm3++;
    }
    if (!answer.answered) {
      counts.declinedAnswerable++;
      misses.push(`${item.kind}: ${item.question} → declined (wanted ${expected.document}#${expected.section})`);
      continue;
    }
    counts.citations += answer.citations.length;
    const ranked = index.query(item.question, 3).map((hit) => hit.passage);
    const first = answer.citations[0];
    if (first && isExpected(expected, first)) counts.hit1++;
    const cited = answer.citations.some((citation) => isExpected(expected, citation));
    const unsure = answer.confidence === "uncertain";
    if (unsure) counts.uncertain++;
    if (!cited && unsure) counts.uncertainWrong++;
    if (!cited && !unsure) counts.wrongSection++;
    const inTopThree = cited || ranked.some((passage) => isExpected(expected, passage));
    if (inTopThree) counts.hit3++;
    // A sure answer citing another section is listed even when the right one ranks third: it is the "wrong section" figure.
    if (!inTopThree || (!cited && !unsure)) misses.push(`${item.kind}: ${item.question} → ${unsure ? "" : "surely "}${answer.citations.map((c) => `${c.document}#${c.section}`).join(", ")} (wanted ${expected.document}#${expected.section})`);
  }
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  return {
    corpus: corpus.name,
    tuned: corpus.tuned,
    answerable: counts.answerable,
    offTopic: counts.offTopic,
    hitAt1: share(counts.hit1, counts.answerable),
    hitAt3: share(counts.hit3, counts.answerable),
    declinedOffTopic: share(counts.declinedOffTopic, counts.offTopic),
    declinedAnswerable: share(counts.declinedAnswerable, counts.answerable),
    wrongSection: share(counts.wrongSection, counts.answerable),
    uncertain: share(counts.uncertain, counts.answerable),
    uncertainWrong: counts.uncertainWrong,
    uncited: counts.uncited,
    citationsPerAnswer: share(counts.citations, counts.answerable - counts.declinedAnswerable),
    misses,
    ...(bm25 ? { bm25: { hitAt1: share(counts.bm1, counts.answerable), hitAt3: share(counts.bm3, counts.answerable) } } : {}),
  };
}

/** Plain BM25 over the same passages: the baseline that better retrieval has to beat. */
function plainBm25(passages: PolicyPassage[]): (question: string) => PolicyPassage[] {
  const search = new MiniSearch<PolicyPassage>({ fields: ["heading", "text"], storeFields: [], searchOptions: { boost: { heading: 2 } } });
  search.addAll(passages);
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  return (question) => search.search(question).slice(0, 3).map((result) => byId.get(String(result.id))!);
}

/**
 * Off-topic questions and injections written for no corpus in particular, asked of every corpus's
 * policies: everyday requests must be declined whatever the organisation's policies say. The rules
 * were tuned on the sets marked `tuned`; the held-out ones, each by another writer, are never read (only
 * their totals).
 */
export const everydaySets = [
  { name: "everyday off-topic", questions: path.join(corporaDir, "everyday-offtopic.json"), tuned: true },
  { name: "everyday off-topic, round 3 (30 injections)", questions: path.join(corporaDir, "everyday-offtopic-round3.json"), tuned: true },
  { name: "everyday off-topic, round 4 (AI in general, private life)", questions: path.join(corporaDir, "everyday-offtopic-round4.json"), tuned: true },
  { name: "everyday off-topic, round 5 (the organisations' own non-AI work)", questions: path.join(corporaDir, "everyday-offtopic-round5.json"), tuned: true },
  { name: "everyday off-topic, round 6 (other bodies' rules, more work questions)", questions: path.join(corporaDir, "everyday-offtopic-round6.json"), tuned: true },
  { name: "everyday off-topic, round 7 (30 injections written 2026-12-01)", questions: path.join(corporaDir, "everyday-offtopic-round7.json"), tuned: true },
  { name: "everyday off-topic, round 8 (20 more injections written 2026-12-01)", questions: path.join(corporaDir, "everyday-offtopic-round8.json"), tuned: true },
  { name: "everyday off-topic, round 9 (20 injections written 2026-12-01, later)", questions: path.join(corporaDir, "everyday-offtopic-round9.json"), tuned: true },
  { name: "everyday off-topic, round 10 (20 injections written 2026-12-01, last)", questions: path.join(corporaDir, "everyday-offtopic-round10.json"), tuned: true },
  { name: "everyday off-topic, round 11 (the organisations' own work in policy words, written blind 2026-12-01)", questions: path.join(corporaDir, "everyday-offtopic-round11.json"), tuned: true },
  { name: "everyday off-topic, round 12 (40 questions on other bodies' rules, written blind 2026-12-01)", questions: path.join(corporaDir, "everyday-offtopic-round12.json"), tuned: true },
  { name: "everyday off-topic, round 13 (60 of every kind, written blind 2026-12-01; 77.1 % declined in all when first measured, held out)", questions: path.join(corporaDir, "everyday-offtopic-round13.json"), tuned: true },
  { name: "everyday off-topic, round 14 (40 work questions in governance words, 20 private, written blind 2026-12-01)", questions: path.join(corporaDir, "everyday-offtopic-round14.json"), tuned: true },
  { name: "everyday off-topic, round 15 (70 of every kind, written blind 2026-12-02; 82.9 % declined in all when first measured, held out)", questions: path.join(corporaDir, "everyday-offtopic-round15.json"), tuned: true },
  { name: "everyday off-topic, round 16 (70, most of them work questions in governance words, written blind 2026-12-02; 73.6 % declined in all when first measured, held out)", questions: path.join(corporaDir, "everyday-offtopic-round16.json"), tuned: true },
  { name: "everyday off-topic, round 17 (60, work questions about software and data that name no AI among them, written blind 2026-12-02; 77.4 % declined in all when first measured, held out)", questions: path.join(corporaDir, "everyday-offtopic-round17.json"), tuned: true },
  { name: "everyday off-topic, round 18 (60 of every kind, 15 on other bodies' rules, written blind 2026-12-02; 79.0 % declined in all when first measured, held out)", questions: path.join(corporaDir, "everyday-offtopic-round18.json"), tuned: true },
  { name: "everyday off-topic, round 19 (60 of every kind, written blind 2026-12-02, later; 91.1 % declined in all when first measured, held out)", questions: path.join(corporaDir, "everyday-offtopic-round19.json"), tuned: true },
  { name: "everyday off-topic, round 20 (60, most of them work questions in governance words, written blind 2026-12-02, last; 89.2 % declined in all when first measured, held out)", questions: path.join(corporaDir, "everyday-offtopic-round20.json"), tuned: true },
  { name: "everyday off-topic, round 21 (80 naming AI about something else, written blind 2026-12-03)", questions: path.join(corporaDir, "everyday-offtopic-round21.json"), tuned: true },
  { name: "everyday off-topic, round 22 (60 naming AI about something else, in the voice of ten industries, written blind 2026-12-03)", questions: path.join(corporaDir, "everyday-offtopic-round22.json"), tuned: true },
  { name: "everyday off-topic, round 23 (50 injections and manipulations, written blind 2026-12-03)", questions: path.join(corporaDir, "everyday-offtopic-round23.json"), tuned: true },
  { name: "everyday off-topic, round 24 (40 injections by another red-teamer, written blind 2026-12-03)", questions: path.join(corporaDir, "everyday-offtopic-round24.json"), tuned: true },
  { name: "everyday off-topic, round 25 (40 subtle injections in business language, written blind 2026-12-03)", questions: path.join(corporaDir, "everyday-offtopic-round25.json"), tuned: true },
  { name: "everyday off-topic, round 26 (60 questions on other policies in words AI policies share, naming no AI, written blind 2026-12-03)", questions: path.join(corporaDir, "everyday-offtopic-round26.json"), tuned: true },
  { name: "everyday off-topic, round 27 (40 injections in many voices, written blind 2026-12-03, last)", questions: path.join(corporaDir, "everyday-offtopic-round27.json"), tuned: true },
  { name: "everyday off-topic, held out", questions: path.join(corporaDir, "everyday-offtopic-heldout.json"), tuned: false },
  { name: "everyday off-topic, second held-out set", questions: path.join(corporaDir, "everyday-offtopic-heldout-2.json"), tuned: false },
  { name: "everyday off-topic, third held-out set", questions: path.join(corporaDir, "everyday-offtopic-heldout-3.json"), tuned: false },
  { name: "everyday off-topic, fourth held-out set", questions: path.join(corporaDir, "everyday-offtopic-heldout-4.json"), tuned: false },
];

export interface EverydayResult {
  set: string;
  tuned: boolean;
  questions: number;
  /** Declined on each corpus's policies, by the corpus's short name. */
  declined: Record<string, number>;
  misses: string[];
}

export async function evaluateEveryday(set: (typeof everydaySets)[number]): Promise<EverydayResult> {
  const items = JSON.parse(fs.readFileSync(set.questions, "utf8")) as EvalItem[];
  const declined: Record<string, number> = {};
  const misses: string[] = [];
  for (const policyDir of [...new Set(evalCorpora.map((corpus) => corpus.policyDir))]) {
    const short = policyDir === path.join(root, "policies") ? "sample" : path.basename(path.dirname(policyDir)).split("-")[0]!;
    const assistant = new PolicyAssistant({ policyDir, prompt: loadPrompt("policy-answer") });
    declined[short] = 0;
    for (const item of items) {
      const answer = await assistant.ask(item.question);
      if (!answer.answered) declined[short]++;
      else misses.push(`${short}: ${item.kind}: ${item.question}`);
    }
  }
  return { set: set.name, tuned: set.tuned, questions: items.length, declined, misses };
}

export function formatEverydayTable(results: EverydayResult[]): string {
  const corpora = Object.keys(results[0]?.declined ?? {});
  const header = ["set", "tuned on", "questions", ...corpora, "declined in all"];
  const rows = results.map((result) => {
    const total = Object.values(result.declined).reduce((sum, count) => sum + count, 0);
    return [result.set, result.tuned ? "yes" : "held out", String(result.questions), ...corpora.map((corpus) => String(result.declined[corpus])), percent(total / (result.questions * corpora.length))];
  });
  return [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

export function formatTable(results: EvalResult[]): string {
  const withBm25 = results.some((result) => result.bm25);
  const header = ["corpus", "tuned on", "answerable", "hit@1", "hit@3", "declined (off-topic)", "declined (answerable)", "wrong section", "not certain (none right)", "uncited", ...(withBm25 ? ["BM25 hit@1", "BM25 hit@3"] : [])];
  const rows = results.map((result) => [
    result.corpus,
    result.tuned ? "yes" : "held out",
    String(result.answerable),
    percent(result.hitAt1),
    percent(result.hitAt3),
    `${percent(result.declinedOffTopic)} of ${result.offTopic}`,
    percent(result.declinedAnswerable),
    percent(result.wrongSection),
    `${percent(result.uncertain)} (${result.uncertainWrong})`,
    String(result.uncited),
    ...(result.bm25 ? [percent(result.bm25.hitAt1), percent(result.bm25.hitAt3)] : withBm25 ? ["", ""] : []),
  ]);
  return [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Misses are listed for the corpora retrieval is tuned on; a held-out corpus's only with --verbose-all,
  // so that reading them does not turn it into a tuning set.
  const verboseAll = process.argv.includes("--verbose-all");
  const verbose = verboseAll || process.argv.includes("--verbose");
  const results: EvalResult[] = [];
  for (const corpus of evalCorpora) {
    const result = await evaluate(corpus, { bm25: process.argv.includes("--bm25") });
    results.push(result);
    if (verbose && (corpus.tuned || verboseAll)) {
      console.log(`${corpus.name}:`);
      for (const miss of result.misses) console.log(`  miss: ${miss}`);
    }
  }
  console.log("Policy QA evaluation (offline)\n");
  console.log(formatTable(results));
  const everyday: EverydayResult[] = [];
  for (const set of everydaySets) {
    const result = await evaluateEveryday(set);
    everyday.push(result);
    if (verbose && (set.tuned || verboseAll)) for (const miss of result.misses) console.log(`  miss (${set.name}): ${miss}`);
  }
  console.log("\nEveryday off-topic questions and injections, declined on each corpus's policies\n");
  console.log(formatEverydayTable(everyday));
}
