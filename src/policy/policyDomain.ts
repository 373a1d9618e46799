// What an AI-policy question is about. Every passage of an AI policy mentions AI, so the word
// weighs nothing in search, yet it is what tells "how long is my chat history kept with the AI
// assistant?" from "how much annual leave can I carry over?". A question is anchored in the domain
// when it names AI (in general words or by a product's name) or a tool the policies name.
import type { PolicyPassage } from "./policySections.js";
import { isMeaningful, stem } from "./policyWords.js";

/** General words for AI and the assistants people use, as stems. */
const aiWords = new Set(
  [
    "ai a.i artificial intelligence machine learning ml model models algorithm algorithms automated automation automatic",
    "llm llms gpt chatgpt openai copilot gemini bard claude perplexity deepseek mistral llama grok midjourney dall stable diffusion",
    "chatbot chatbots bot bots generative genai neural deepfake prompt prompts agent agents assistant assistants",
    "transcription transcribe scribe notetaker predictive prediction classifier recognition biometric",
  ]
    .join(" ")
    .split(" ")
    .map(stem),
);

/** Whether a stem is one of the general words for AI or an assistant ("ai", "chatgpt", "model"). */
export function isAiWord(stemmed: string): boolean {
  return aiWords.has(stemmed);
}

/**
 * The names of the tools and systems the policies speak of: words shaped like a product name
 * (RadAssist, DeepL, KestrelGPT, DPIA, SEV1); capitalised words inside a sentence that the policies
 * never write in lower case (Grammarly, Datix, but not "Office" in a title); and the capitalised
 * words that open a table row or a bold list item, where policies list their tools. Not names of
 * tools: the words of bodies', roles' and laws' names that are not about AI ("Quality Committee",
 * "Street Works Act"), departments and roles written short (IT, QA, the CFO), and headings in capitals.
 */
export function namedThings(passages: PolicyPassage[]): Set<string> {
  const shaped = new Set<string>();
  const lowerCase = new Set<string>();
  const capitalised = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(/[^\p{L}\p{N}]+/u)) if (/^\p{Lu}/u.test(word) && word.length >= 3) capitalised.add(word.toLowerCase());
  };
  for (const passage of passages) {
    for (const sentence of passage.text.split(/(?<=[.!?:;])\s+|\n+/)) {
      const words = sentence.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      // A heading in capitals ("FIRST STEPS FOR THE PERSON REPORTING") names nothing by its capitals.
      if (inCapitals(words)) continue;
      words.forEach((word, position) => {
        if (/^\p{Ll}/u.test(word)) lowerCase.add(word);
        else if (position > 0 && word.length >= 3) capitalised.add(word.toLowerCase());
        if (/^\p{Lu}[\p{Ll}\p{N}]+\p{Lu}/u.test(word) || /^\p{Lu}{2,6}\d*$/u.test(word) || /^\p{L}+\d+$/u.test(word)) shaped.add(word.toLowerCase());
      });
    }
    const lines = passage.text.split("\n");
    lines.forEach((line, i) => {
      const firstCell = /^\s*\|\s*([^|]+)\|/.exec(line)?.[1];
      const isHeader = /^[\s|:-]+$/.test(lines[i + 1] ?? "") && (lines[i + 1] ?? "").includes("---");
      if (firstCell && !isHeader && !/^[\s:-]+$/.test(firstCell)) add(firstCell);
      const boldLead = /^\s*(?:[-*]|\d+[.)])\s+\*\*([^*]+)\*\*/.exec(line)?.[1];
      if (boldLead) add(boldLead);
    });
  }
  // Kept as written, not stemmed: "Officer" must not make "office" a name. "IT" and "US" are kept
  // in capitals: they name a department or a country only when a question writes them so, and
  // "is it ok to…" names nothing.
  const bodies = bodyNameWords(passages);
  const names = [...[...shaped].filter((word) => !everydayShortForms.has(word)), ...[...capitalised].filter((word) => !lowerCase.has(word) && !bodies.has(word))];
  return new Set(names.map((word) => (isMeaningful(word) ? word : word.toUpperCase())));
}

/** Words for software, beside the words for AI: "the Rotawise app", "the SafeStep system". */
const softwareWords = new Set("tool tools app apps application applications system systems software platform platforms service feature features product products plugin extension".split(" ").map(stem));

/** How near a word for AI or software a name must stand to be a tool's: "the Rotawise app", "Microsoft Copilot", "SafeStep falls prediction system". */
const nearSoftware = 3;

/**
 * Of the `named` things, those the policies speak of as AI or software: a name within a few words of a
 * word for AI or for software ("Rotawise suggests… the app", "use Otter for transcription"), or one that
 * opens a table row or a list item under a heading about tools or AI, where policies list their tools.
 * A name they speak of only otherwise ("DBS results", "the INSET day", "Ofwat") is the organisation's
 * own business: asking about it is not asking about AI.
 */
export function namedSoftware(passages: PolicyPassage[], named: Set<string>): Set<string> {
  const software = new Set<string>();
  const isSoftwareWord = (word: string) => {
    const stemmed = stem(word.toLowerCase());
    return aiWords.has(stemmed) || softwareWords.has(stemmed);
  };
  const addName = (word: string) => {
    const name = named.has(word.toLowerCase()) ? word.toLowerCase() : named.has(word.toUpperCase()) ? word.toUpperCase() : undefined;
    if (name) software.add(name);
  };
  // As written: a name in capitals ("IT") is one only where the policies write it so (see `namedThings`).
  const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (const passage of passages) {
    const listsTools = passage.headingPath.slice(1).some((heading) => wordsOf(heading).some(isSoftwareWord));
    for (const line of passage.text.split("\n")) {
      // Under a heading about tools, a list item or table row names tools ("- Cursor, Windsurf and Tabnine").
      if (listsTools && /^\s*(?:[-*•|]|\d+[.)])\s*\S/u.test(line)) for (const word of wordsOf(line)) addName(word);
      for (const sentence of line.split(/(?<=[.!?:;])\s+/)) {
        const words = wordsOf(sentence);
        const near = words.flatMap((word, at) => (isSoftwareWord(word) ? [at] : []));
        words.forEach((word, at) => {
          if (near.some((position) => position !== at && Math.abs(position - at) <= nearSoftware)) addName(word);
        });
      }
    }
  }
  return software;
}

/** Two words or more, most of them written in capitals. */
function inCapitals(words: string[]): boolean {
  const capitals = words.filter((word) => /^\p{Lu}{2,}$/u.test(word)).length;
  return capitals >= 2 && capitals * 2 > words.length;
}

/** Departments, roles, places and papers written short ("ask IT", "the CFO", "UK law", "photo ID"): the organisation's own business, not a tool's name. */
export const everydayShortForms = new Set("it hr qa pr ops id uk us usa eu nhs gp ceo cfo cto coo cmo ciso dpo".split(" "));

/** The last word of a body's name: a group of people that meets or decides ("the Quality Committee", "the Pensions Board"). */
export const bodyWords = new Set("committee board group panel council forum team unit office department directorate trust union senate faculty".split(" "));

/** The last word of a body's, a role's, a department's or a law's name ("Quality Committee", "Chief Technology Officer", "Information Security", "Street Works Act"). */
const bodyNouns = new Set([
  ...bodyWords,
  ..."officer director desk hub manager lead head chief guardian secretary counsel executive commissioner ombudsman registrar dean provost function service services division authority".split(" "),
  ..."security compliance procurement finance legal quality governance operations engineering communications marketing sales resources estates facilities payroll audit".split(" "),
  ..."act acts regulation regulations directive law".split(" "),
]);

/**
 * The words of the names of bodies, roles and laws that are not about AI ("Quality Committee", "Medical
 * Director", "Information Security", "Students' Union", "the New Roads and Street Works Act"), as `namedThings` keeps them: every one of
 * their capitalised uses in a run of capitalised words that ends with a body's word and has no word
 * for AI. Asking about such a body is asking about the organisation's own business; "the AI
 * Steering Group" and a tool's name are the policies' subject.
 */
function bodyNameWords(passages: PolicyPassage[]): Set<string> {
  const inBodies = new Set<string>();
  const elsewhere = new Set<string>();
  for (const passage of passages) {
    for (const run of capitalisedRuns(passage.text)) {
      const lower = run.map((word) => word.toLowerCase());
      const isBody = bodyNouns.has(lower.at(-1)!) && !lower.some((word) => word === "ai" || aiWords.has(stem(word)));
      for (const word of lower) (isBody ? inBodies : elsewhere).add(word);
    }
  }
  return new Set([...inBodies].filter((word) => !elsewhere.has(word)));
}

/** Runs of capitalised words inside sentences (not a sentence's first word), possessives cut ("Students'" → "Students"). */
function capitalisedRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/)) {
    let run: string[] = [];
    const words = sentence.split(/[^\p{L}\p{N}']+/u).filter(Boolean).map((raw) => raw.replace(/'s?$/u, ""));
    words.forEach((word, position) => {
      const capitalised = position > 0 && /^\p{Lu}/u.test(word) && word.length >= 2;
      // "The New Roads and Street Works Act", "the Head of Data": small words inside one name.
      const joins = run.length > 0 && insideAName.has(word) && /^\p{Lu}/u.test(words[position + 1] ?? "");
      if (capitalised) run.push(word);
      else if (!joins) {
        if (run.length > 0) runs.push(run);
        run = [];
      }
    });
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/** Small words inside one name: "the Data (Use and Access) Act", "the Law Society of Scotland", "the New Roads and Street Works Act". */
export const insideAName = new Set(["and", "of", "for", "&"]);

/** What people call the policies, whatever they call themselves ("the rules" of a "Guidance"), as stems. */
const documentWords = new Set("policy policies standard standards handbook rulebook procedure procedures rule rules guidance guideline guidelines".split(" ").map(stem));

/** Whether a stem is one of the words people call the policies by: such a word is never what a question is about. */
export function isDocumentWord(stemmed: string): boolean {
  return documentWords.has(stemmed);
}

/** "this policy", "the standard", "our handbook": the question is about the documents themselves. */
/** What people call the documents in a phrase ("the AI rules", "this standard"). */
const documentNouns = String.raw`(ai\s+)?(polic(y|ies)|standards?|handbook|rulebook|procedures?|rules|guidance|guidelines?)`;
const theDocument = new RegExp(String.raw`\b(this|the|our|these)\s+${documentNouns}\b`, "i");

/** "These rules", "this policy", "this AI standard": the documents pointed at, which "the policy" of an insurer's customer is not. */
const theseDocuments = new RegExp(String.raw`\b(this|these)\s+${documentNouns}\b`, "i");

/** Whether the question points at the policies themselves ("these rules", "this policy"): it is about them, however else it is worded. */
export function pointsAtTheDocuments(question: string): boolean {
  return theseDocuments.test(question);
}

/** "What am I allowed to use?", "which tools can I use": asking which tools are permitted, without naming one. */
const whichTool = /\b(what|which)\b.{0,30}\b(allowed|permitted|supposed|ok|okay|able)\s+to\s+use\b|\b(what|which)\s+(tools?|apps?|software|services?)\b/i;

/** What an AI policy calls its subject, in a question that names nothing else (see `namesAi`). */
const toolWord = new Set(["tool", "tools"]);

/**
 * Whether the question names AI or one of the `named` things (its words, typos corrected, and those it
 * writes in capitals), or a tool: what an AI policy calls its subject ("who can bring a tool back into
 * service?"). An app or a system is as often the organisation's own business ("the HR system").
 */
export function namesAi(words: string[], named: Set<string>): boolean {
  return words.some((word) => aiWords.has(stem(word)) || named.has(word) || toolWord.has(word.toLowerCase()));
}

/** A machine, by its everyday names. */
const machine = String.raw`(?:computers?|machines?|software|programs?|programmes?|systems?|apps?|tools?|websites?|robots?)\b`;
/** What a person would otherwise do: decide, write, answer, recommend, judge, listen. */
const personsWork = String.raw`(?:decid\w*|decision\w*|chose|choos\w*|wrote|writ\w*|generat\w*|recommend\w*|suggest\w*|predict\w*|judg\w*|reject\w*|turn\w* down|refus\w*|answer\w*|repl(?:y|ies|ied|ying)\b|respond\w*|translat\w*|transcrib\w*|summar\w*|draft\w*|mark(?:s|ed|ing)?\b|grad(?:e|es|ed|ing)\b)`;

/**
 * AI described rather than named: a machine doing a person's work ("a computer decided my claim",
 * "the triage software recommends", "written by a machine"), something that is "not a human", or
 * software that listens and writes ("dictation software", "speech to text"). People who do not
 * know the word, or avoid it, ask about AI this way, and the policies' rules are about exactly that.
 */
const aiDescribed = new RegExp(
  [
    String.raw`\b${machine}[\s-]+(?:that\s+|which\s+|has\s+|had\s+|just\s+|now\s+|then\s+|also\s+|(?:(?:can|could|should|will|would|may|might)\s+)?(?:be\s+)?(?:left|allowed|trusted)\s+to\s+|(?:can|could|should|will|would|may|might)\s+)?${personsWork}`,
    String.raw`\b(?:made|created|produced|generated|faked|edited)\s+(?:\w+\s+)?(?:with|using|on|in)\s+(?:an?\s+|the\s+|some\s+)?(?:\w+\s+)?(?:apps?|software|programs?|websites?)\b`,
    String.raw`\bnot\s+(?:really\s+|actually\s+|even\s+)?(?:written|done|produced)\s+by\s+(?:the\s+|a\s+)?(?:students?|pupils?|candidates?|authors?|applicants?|them|him|her)\b`,
    String.raw`\b${personsWork}\s+(?:\w+\s+)?by\s+(?:an?\s+|the\s+)?(?:\w+\s+)?${machine}`,
    String.raw`\b(?:produced|created|made)\s+(?:\w+\s+)?by\s+(?:an?\s+|the\s+)?(?:computers?|machines?|robots?)\b`,
    String.raw`\bsmart\s+(?:features?|functionality|functions?|assistants?|suggestions?|repl(?:y|ies)|compose|search|systems?|tools?|software)\b`,
    String.raw`\b(?:not|isn['’]t|isnt|wasn['’]t|aren['’]t|never|instead of)\s+(?:even\s+)?(?:an?\s+)?(?:real\s+|actual\s+)?(?:human|person)\b`,
    String.raw`\b(?:dictation|speech[\s-]to[\s-]text|text[\s-]to[\s-]speech|voice[\s-]recognition|auto[\s-]?(?:translat\w*|transcri\w*|generat\w*|complet\w*|decision\w*))`,
  ].join("|"),
  "i",
);

/** Whether the question describes AI in plain words (see `aiDescribed`). */
export function describesAi(question: string): boolean {
  return aiDescribed.test(question);
}

/**
 * Whether the question speaks of the documents ("the policy", "this standard") or asks which tools
 * are allowed. Weaker than naming AI: to an insurer's customer "the policy" is their own insurance.
 */
export function namesTheDocuments(question: string): boolean {
  return speaksOfTheDocuments(question) || whichTool.test(question);
}

/** "this policy", "our handbook", "the AI rules": the documents themselves, however they are called. */
export function speaksOfTheDocuments(question: string): boolean {
  return theDocument.test(question);
}
