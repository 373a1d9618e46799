// Questions that name AI and may share the policies' words, yet ask about what lies outside them:
// what another organisation, a regulator or a law says ("what are Elsevier's rules on AI-written
// papers?"), AI in someone's private life ("can ChatGPT plan my holiday?") and what a term the
// policies never use means ("what does GPT stand for?"). The organisation's policies answer none,
// unless they speak of that body, that part of life or that term themselves, which is checked
// against their own words.
import { isAiWord } from "./policyDomain.js";
import { allWords, isMeaningful, stem } from "./policyWords.js";

/** What the policies say, as the scope checks need it. */
export interface PolicyVocabulary {
  /** Whether the policies use these words one after the other, in any form ("partners" for "partner"), or spell out the short form. */
  mentions(words: string[]): boolean;
}

const rulesWord = String.raw`(polic(y|ies)|rules?|guidance|guidelines?|principles?|terms|code|position|stance|approach|requirements?|regulations?|advice|framework|standards?|usage|measures|acts?|laws?|bills?|directives?|statutes?)`;
/** "Elsevier's rules", "NHS England's national guidance": the owner is the capitalised words before "'s". */
const possessive = new RegExp(String.raw`((?:\b\p{Lu}[\p{L}\p{N}&./-]*\s+){0,3}\b\p{Lu}[\p{L}\p{N}&./-]*)(?:'s|’s|s'|s’)\s+(?:[\p{L}-]+\s+){0,3}?${rulesWord}\b`, "u");
/** "What does the MHRA require…", "what do the Russell Group principles say", "how does St Mary's handle AI". */
const saysOrDoes =
  /\b(?:what|how)\s+(?:does|do|did|would|will)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,6}?)(?:say|says|require|requires|propose|proposes|recommend|recommends|state|states|mandate|mandates|expect|expects|permit|permits|ban|bans|prohibit|prohibits|handle|handles|approach|approaches|regulate|regulates|govern|governs|deal with|deals with|treat|treats)\b/iu;

/** "My bank's AI policy", "our competitor's rules", "the union's position": a body named by a common noun. */
const ownBodyPossessive = new RegExp(String.raw`\b(?:my|your|his|her|their|our|the|a|an)\s+(\p{L}+)(?:'s|’s)\s+(?:[\p{L}-]+\s+){0,3}?${rulesWord}\b`, "iu");

/** The asker's own organisation and people, however the policies name them: "the company's rules" are the policies' own. */
const ownSide = new Set("company organisation organization firm business employer workplace team department office group manager boss".split(" "));

/** "How is the federal government regulating AI", "how are other banks handling it": the same, asked in the present. */
const isDoing =
  /\bhow\s+(?:is|are)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,6}?)(?:regulating|handling|approaching|treating|governing|dealing with|using|restricting|banning)\b/iu;

/**
 * The same asked yes or no: "does ISO/IEC 42001 certification require…", "does RICS have a standard on…",
 * "does the Canadian Directive apply to…", "is the NIST framework mandatory…".
 */
const doesItRequire =
  /^\s*(?:does|do|did|will|would)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,8}?)(?:require|requires|say|says|apply|applies|mandate|mandates|(?:have|has|publish|issue)\s+(?:an?\s+|any\s+)?(?:[\p{L}-]+\s+){0,2}?(?:polic(?:y|ies)|rules?|guidance|standards?|code|framework|position))\b/iu;
const isItBinding = /^\s*is\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,8}?)(?:mandatory|voluntary|binding|legally|enforceable|law)\b/iu;
/** "Our client has its own AI supplier code - what does it require?": another body's own rules, asked about. */
const itsOwnRules = new RegExp(String.raw`\b(?:its|their|his|her)\s+own\s+(?:[\p{L}-]+\s+){0,3}?${rulesWord}\b[^?]*\bwhat\s+(?:does|do)\s+(?:it|they|that)\s+(?:say|require|expect|ask)`, "iu");

/** Words for AI itself, not anyone's name ("Generative AI"); OpenAI is a company. */
const aiItself = new Set(["ai", "a.i", "artificial", "intelligence", "generative", "genai", "ml", "machine", "learning"]);

/** A name as written ("Elsevier", "St Thomas") and its words as the policies would be searched for them. */
interface Name {
  written: string;
  words: string[];
}

/** The runs of capitalised words in a phrase ("the EU AI Act" → "EU AI Act"), except those that are only words for AI. */
function namesIn(phrase: string): Name[] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const word of phrase.split(/\s+/).filter(Boolean)) {
    const clean = word.replace(/['’]s?$/u, "");
    if (/^\p{Lu}/u.test(clean)) {
      run.push(clean);
      continue;
    }
    if (run.length > 0) runs.push(run);
    run = [];
  }
  if (run.length > 0) runs.push(run);
  const names = runs.map((written) => ({ written: written.join(" "), words: allWords(written.join(" ")) }));
  return names.filter(({ words }) => words.some((word) => isMeaningful(word) && !aiItself.has(word)));
}

/**
 * The body whose rules the question asks about, when the policies never name it: the organisation
 * and the bodies its policies speak of ("the Trust's policy", "what does the Digital Health Board
 * require") are in scope. The question's first word is capitalised by grammar, not as a name.
 */
export function outsideBodyAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  const sentence = question.replace(/^\s*\p{Lu}/u, (first) => first.toLowerCase());
  if (itsOwnRules.test(question)) return "that body's own rules";
  const owners = [possessive.exec(sentence)?.[1], saysOrDoes.exec(sentence)?.[1], isDoing.exec(sentence)?.[1], doesItRequire.exec(sentence)?.[1], isItBinding.exec(sentence)?.[1]].filter((owner): owner is string => Boolean(owner));
  for (const owner of owners) {
    const unnamed = namesIn(owner).find(({ words }) => !vocabulary.mentions(words));
    if (unnamed) return owner.includes(`the ${unnamed.written}`) ? `the ${unnamed.written}` : unnamed.written;
  }
  const common = ownBodyPossessive.exec(question)?.[1]?.toLowerCase();
  if (common && isMeaningful(common) && !ownSide.has(common) && !vocabulary.mentions([common])) return `that ${common}`;
  // "What does the union say…": a body named by common words, none of which the policies use.
  const saying = saysOrDoes.exec(sentence)?.[1] ?? isDoing.exec(sentence)?.[1];
  if (saying && namesIn(saying).length === 0) {
    const words = allWords(saying).filter(isMeaningful);
    if (words.length > 0 && words.length <= 2 && words.every((word) => !vocabulary.mentions([word]))) return `the ${words.join(" ")}`;
  }
  return undefined;
}

/**
 * Private life: one's own family, occasions, home and leisure ("my kid's homework", "my holiday").
 * A question naming AI and its asker's own private life is not about the organisation's rules,
 * unless the policies speak of it too. Only "my …" counts: to a newsroom "recipes" and "holiday
 * travel" are work, and "partner" alone is as often a business partner.
 */
const privateLife = new Set(
  [
    "kid kids son sons daughter daughters child children partner wife husband boyfriend girlfriend fiance fiancee mum mom dad mother father parents",
    "grandma grandmother grandad grandfather nan granny sister brother family friend friends neighbour neighbor toddler baby",
    "birthday wedding anniversary christmas holiday holidays vacation honeymoon recipes cooking dinner meals diet workout workouts gym fitness",
    "playlist playlists hobby hobbies garden shopping dating homework bedtime pet pets cat dog cv resume mortgage landlord teenager teen",
  ]
    .join(" ")
    .split(" "),
);
const ownLife = /\bmy\s+(?:own\s+)?(?:(\p{L}+)\s+)?(\p{L}+)/giu;

/** The private-life word the question names beside AI ("my holiday"), when the policies never use it. */
export function privateLifeAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  return ownLifeWords(question).find((word) => !vocabulary.mentions([word]));
}

/** "My 12 year old", "my 8-yr-old": a child, however written. */
const ownChild = /\bmy\s+\d{1,2}[\s-]*(?:years?|yrs?|yo)\b/iu;

function ownLifeWords(question: string): string[] {
  if (!allWords(question).some((word) => isAiWord(stem(word)))) return [];
  const named = [...question.matchAll(ownLife)].flatMap((match) => [match[1], match[2]]).filter((word): word is string => word !== undefined).map((word) => word.toLowerCase()).filter((word) => privateLife.has(word));
  return ownChild.test(question) ? [...named, "child"] : named;
}

/** "What does GPT stand for?", "what does 'hallucination' mean?": the one word asked about. */
const whatWordMeans = /\bwhat\s+(?:does|do|is|are)\s+(?:the\s+)?(?:term\s+|word\s+|acronym\s+|abbreviation\s+)?["'“‘]?([\p{L}\p{N}][\p{L}\p{N}-]*)["'”’]?\s+(?:actually\s+|really\s+)?(?:stand for|short for|mean)\b/iu;
/** "What does fine-tuning a model actually mean?": asked "actually", a phrase of a few words is a term too. */
const whatPhraseActuallyMeans = /\bwhat\s+(?:does|do|is|are)\s+(?:the\s+)?["'“‘]?([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+){0,3}?)["'”’]?\s+(?:actually|really)\s+mean\b/iu;

/**
 * "What is RAG?", "what's a neural network, in simple terms": a term of one or two words asked about
 * on its own (the question ends, or goes on with "and…", "exactly", "in simple terms").
 */
const whatTermIs = /^\s*(?:so\s+|and\s+)?what(?:'s|’s|s|\s+is|\s+are|\s+was|\s+were)\s+(?:an?\s+)?(?!(?:the|this|that|these|those|my|our|your|their|it|there)\b)["'“‘]?([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+)?)["'”’]?\s*(?:[?,.!]|$|\s+(?:and|exactly|anyway|in\s+(?:simple|plain|layman'?s)|in(?:\s+[\p{L}\p{N}-]+){1,3}?\s*(?:[?.!,]|$|\s+and\b)))/iu;
/** "What is the Turing test?": a named thing, judged by its name. */
const whatTheNameIs = /^\s*[Ww]hat(?:'s|’s|s|\s+is|\s+was|\s+are|\s+were)\s+the\s+((?:\p{Lu}[\p{L}\p{N}-]*\s*){1,3})/u;
/** "keep hearing 'RAG' in meetings, what does it stand for?": a quoted term, asked what it is. */
const quotedTerm = /"([\p{L}\p{N}][^"?]{0,40}?)"|“([\p{L}\p{N}][^”?]{0,40}?)”|(?:^|[\s(])['‘]([\p{L}\p{N}][^'’?]{0,40}?)['’](?=[\s,.?!)]|$)/u;
const asksWhatItIs = /\b(stand|stands) for\b|\bmean(s|ing)?\b|(^|[,.;:!?]\s*)(what|who|when)\b/i;
/** "The difference between machine learning and deep learning": both sides are terms. */
const differenceBetween = /\bdifference\s+between\s+(?:an?\s+|the\s+)?([\p{L}\p{N}][\p{L}\p{N}\s,-]{0,40}?)\s+and\s+(?:an?\s+|the\s+)?([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+){0,2}?)\s*(?:[?,.!]|$|\s+(?:in|for|when|is|are)\b)/iu;

/** "fine tuning vs RAG, what's the difference": two terms set side by side at the start. */
const termsSideBySide = /^\s*([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+){0,2}?)\s+(?:vs\.?|versus)\s+([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+){0,2}?)\s*(?:[?,.!-]|$)/iu;
/** "Can you explain what embeddings are?", "explain diffusion models like I'm five": the term asked to be explained. */
const explainTerm = /\bexplain\s+(?:to me\s+)?(?:what\s+)?(?:an?\s+|the\s+)?["'“‘]?([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+)?)["'”’]?\s*(?:[?,.!]|$|\s+(?:is|are|means?|to me|like|in\s+(?:plain|simple)|simply|for)\b)/iu;

/** A term the question asks the meaning of that the policies never use (nor spell out): general knowledge. */
export function unknownTermAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  const compared = differenceBetween.exec(question);
  const quotedMatch = asksWhatItIs.test(question) ? quotedTerm.exec(question) : null;
  const quoted = quotedMatch?.[1] ?? quotedMatch?.[2] ?? quotedMatch?.[3];
  const named = whatTheNameIs.exec(question)?.[1]?.trim();
  const sideBySide = termsSideBySide.exec(question);
  const terms = [whatWordMeans.exec(question)?.[1] ?? whatPhraseActuallyMeans.exec(question)?.[1] ?? whatTermIs.exec(question)?.[1], compared?.[1], compared?.[2], sideBySide?.[1], sideBySide?.[2], quoted, named, explainTerm.exec(question)?.[1]];
  return terms.find((term): term is string => term !== undefined && allWords(term).some(isMeaningful) && !vocabulary.mentions(allWords(term)));
}

/**
 * Function words of other languages the assistant may be written to (French, Spanish, German, Italian,
 * Portuguese, Dutch), accents dropped as `allWords` drops them; none is an English word.
 */
const foreignFunctionWords = new Set(
  [
    "les des du une et est pas pour avec dans sur qui tes ta mon mes vous nous je elle cette sont etre tous toutes plait notre votre",
    "los las del por para como pero sus usted esta este todo todas nuestro puedo de un el que con es",
    "der das und ist nicht mit fur auf ein eine ich sie wir ihr dein deine bitte alle",
    "gli della delle che non sono nao voce uma het een niet voor jij",
  ]
    .join(" ")
    .split(" "),
);

/**
 * A message written in another language than the policies': searching English policies with its words
 * would match by accident (and instructions in another language would slip past the checks above).
 * Policies written in that language use its function words, so they are asked too.
 */
export function inAnotherLanguage(question: string, vocabulary: PolicyVocabulary): boolean {
  const words = allWords(question);
  const foreign = words.filter((word) => foreignFunctionWords.has(word));
  const english = words.filter((word) => !isMeaningful(word));
  if (foreign.length < 3 || foreign.length <= english.length) return false;
  return foreign.filter((word) => vocabulary.mentions([word])).length < foreign.length / 2;
}

/** Why the question is declined, in words its asker recognises. */
export function outsideScopeAnswer(question: string, vocabulary: PolicyVocabulary): string | undefined {
  if (inAnotherLanguage(question, vocabulary)) {
    return "I can only answer questions in English, the language our AI policies are written in. Please ask again in English; if you can't, I can pass your question to the governance team.";
  }
  const term = unknownTermAskedAbout(question, vocabulary);
  if (term) {
    return `Our AI policies don't use the term "${term}", so I can't explain it from them: I answer from our own policies only. If you think they should cover it, I can pass your question to the governance team.`;
  }
  const body = outsideBodyAskedAbout(question, vocabulary);
  if (body) {
    return `Our AI policies don't mention ${body}, so I can't tell you what it says or requires: I answer from our own policies only. If you think they should cover it, I can pass your question to the governance team.`;
  }
  if (privateLifeAskedAbout(question, vocabulary)) {
    return "Our AI policy is about using AI for work, not in your own time, so it doesn't cover this. If it is about work after all, I can pass your question to the governance team.";
  }
  return undefined;
}
