// Questions that name AI and may share the policies' words, yet ask about what lies outside them:
// what another organisation, a regulator or a law says ("what are Elsevier's rules on AI-written
// papers?"), AI in someone's private life ("can ChatGPT plan my holiday?") and what a term the
// policies never use means ("what does GPT stand for?"). The organisation's policies answer none,
// unless they speak of that body, that part of life or that term themselves, which is checked
// against their own words. So is a question about someone else's AI that speaks of no one here
// ("at what point does the MHRA treat AI software as a medical device?"), and what a supplier's own
// terms say, even a supplier the policies name ("what do OpenAI's usage policies say…"), and what a regulator
// they name only in passing requires ("the ICO's rules on…"). Asked naming no AI: how long records they
// never name are kept ("payroll records"), how a body they are not about works ("when does the Quality
// Committee meet?"), and, when no section clearly answers it, a system or body they never name ("how do I
// raise a deviation in the QMS?").
import { bodyWords, everydayShortForms, insideAName, isAiWord, isDocumentWord, speaksOfTheDocuments } from "./policyDomain.js";
import { allWords, isMeaningful, stem } from "./policyWords.js";
import { isEnglishWord } from "./englishWords.js";
import { asksAboutConduct, speaksOfTheOrganisation } from "./policyQuestionForm.js";

/** What the policies say, as the scope checks need it. */
export interface PolicyVocabulary {
  /** Whether the policies use these words one after the other, in any form ("partners" for "partner"), or spell out the short form. */
  mentions(words: string[]): boolean;
  /** Whether a document's title uses these words one after the other: the organisation's own name, or its documents'. */
  titles(words: string[]): boolean;
  /** Whether a heading or a document's title uses these words one after the other: what the policies are about. */
  heads(words: string[]): boolean;
  /** A word as the policies would spell it: a typo one edit from a policy word corrected. */
  correct(word: string): string;
}

const rulesWord = String.raw`(polic(y|ies)|rules?|guidance|guidelines?|principles?|terms|code|position|stance|approach|requirements?|regulations?|advice|framework|standards?|usage|measures|acts?|laws?|bills?|directives?|statutes?)`;
/**
 * The same in the name of a body whose rules are asked about, and "on" ("the Committee on Standards in
 * Public Life"); in the policies' own text "on" joins too much ("report to IT on Monday") and is left out.
 */
const insideAnOwnersName = new Set([...insideAName, "on"]);
/** "Elsevier's rules", "NHS England's national guidance": the owner is the capitalised words before "'s". */
const possessive = new RegExp(String.raw`((?:\b\p{Lu}[\p{L}\p{N}&./-]*\s+){0,3}\b\p{Lu}[\p{L}\p{N}&./-]*)(?:'s|’s|s'|s’)\s+(?:[\p{L}-]+\s+){0,3}?${rulesWord}\b`, "u");
/** "What does the MHRA require…", "what do the Russell Group principles say", "how does St Mary's handle AI". */
const saysOrDoes =
  /\b(?:what|how)\s+(?:does|do|did|would|will)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,6}?)(?:say|says|require|requires|propose|proposes|recommend|recommends|state|states|mandate|mandates|expect|expects|permit|permits|ban|bans|prohibit|prohibits|handle|handles|approach|approaches|regulate|regulates|govern|governs|deal with|deals with|treat|treats|look at|looks at|look for|looks for|inspect|inspects)\b/iu;

/** "My bank's AI policy", "our competitor's rules", "the union's position": a body named by a common noun. */
const ownBodyPossessive = new RegExp(String.raw`\b(?:my|your|his|her|their|our|the|a|an)\s+(\p{L}+)(?:'s|’s)\s+(?:[\p{L}-]+\s+){0,3}?${rulesWord}\b`, "iu");

/** "unison's position on…": a body's rules asked about in lower case, with no word before its name. */
const barePossessive = new RegExp(String.raw`(?:^|[\s,;:(])(\p{Ll}[\p{L}-]+)(?:'s|’s)\s+(?:[\p{L}-]+\s+){0,3}?${rulesWord}\b`, "u");

/** Bodies outside the organisation whose own rules a question may ask about ("the union's position", "a competitor's policy"), however often the policies speak of them; a client's or supplier's terms are as often ours to follow. */
const otherParties = new Set("regulator regulators union unions government competitor competitors funder funders".split(" "));

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
  /^\s*(?:does|do|did|will|would)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,8}?)(?:require|requires|say|says|apply|applies|mandate|mandates|expect|expects|recommend|recommends|ban|bans|prohibit|prohibits|allow|allows|permit|permits|cover|covers|class|classify|classifies|define|defines|count|counts|consider|considers|(?:have|has|publish|issue)\s+(?:an?\s+|any\s+)?(?:[\p{L}-]+\s+){0,2}?(?:polic(?:y|ies)|rules?|guidance|standards?|code|framework|position))\b/iu;
/** "How does Acme use AI in its claims?": what another body does with AI, told by its name (a body named in common words may be ours). */
const howTheyUse = /\bhow\s+(?:does|do|did|is|are)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,4}?)(?:use|uses|using)\b/iu;
/** "Does Acme use AI to screen CVs?": the same asked yes or no. */
const doesItUse = /^\s*(?:does|do|did|is|are)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,4}?)(?:use|uses|using)\s+(?:ai|artificial\s+intelligence|machine\s+learning|algorithms?|chatbots?|generative)\b/iu;
/** "Has the XYZ put out any guidance on…": whether a body has published rules of its own. */
const hasItPublished =
  /^\s*(?:has|have|did)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,6}?)(?:put\s+out|published|issued|released|brought\s+out|produced|updated|taken|adopted|set\s+out|said|written|announced)\s+(?:any\s+|an?\s+|new\s+|its\s+|their\s+)*(?:(?:[\p{L}-]+\s+){0,2}?(?:polic(?:y|ies)|rules?|guidance|guidelines?|standards?|code|framework|position|stance|advice)|anything)\b/iu;
/** "What has the ICO said about…": the same asked as a question about what it said. */
const whatHasItSaid = /\bwhat\s+(?:has|have|did)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,6}?)(?:said|published|put\s+out|written|announced|issued)\b/iu;
const isItBinding = /^\s*is\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){0,8}?)(?:mandatory|voluntary|binding|legally|enforceable|law)\b/iu;
/** "Our client has its own AI supplier code - what does it require?": another body's own rules, asked about. */
const itsOwnRules = new RegExp(String.raw`\b(?:its|their|his|her)\s+own\s+(?:[\p{L}-]+\s+){0,3}?${rulesWord}\b[^?]*\bwhat\s+(?:does|do)\s+(?:it|they|that)\s+(?:say|require|expect|ask)`, "iu");
/** "Does Google have its own rules about…": a body named by its name, asked whether it has rules of its own (even a supplier the policies name). */
const hasItsOwnRules = new RegExp(String.raw`^\s*(?:does|do|did)\s+((?:the\s+)?(?:[\p{L}\p{N}&.'’/-]+\s+){1,4}?)(?:have|has)\s+(?:its|their)\s+own\s+(?:[\p{L}-]+\s+){0,2}?${rulesWord}\b`, "iu");

/**
 * The rules, laws and documents of any body ("the Colorado AI Act", "GitHub's terms", "the NMC code",
 * "GDPR article 22", "EDPB opinion 28/2024"), and what a body is said to say ("Springer Nature says…").
 */
const rulesNoun =
  /^(acts?|laws?|bills?|regulations?|directives?|codes?|terms|guidance|guidelines?|standards?|frameworks?|principles|licen[cs]es?|articles?|art|opinions?|measures|polic(y|ies)|rules|requirements|charters?|statutes?|white ?papers?|clauses?)$/;
/** In a question written in lower case only these name rules for sure: "repo code", "simple terms" and "the standard product" do not. */
const plainlyRules = /^(acts?|laws?|bills?|regulations?|directives?|guidance|guidelines?|frameworks?|principles|licen[cs]es?|articles?|art|charters?|statutes?)$/;
const saying = /^(says|said|states|stated|recommends|recommended|published|issued|announced)$/;
/** Words that qualify rules without naming whose they are ("the new rules", "our internal policy"). */
const unnamed = new Set(
  "new latest recent current old updated revised proposed draft final official own internal external general main key relevant applicable central local strict stricter wider overall formal separate other different written specific usual normal full company companys team teams".split(" "),
);

/** The words of a question as written, each with whether it opens a sentence and whether it is a possessive ("GitHub's"). */
function writtenWords(question: string): { word: string; opensSentence: boolean; possessive: boolean }[] {
  const tokens = question.split(/\s+/).filter(Boolean);
  return tokens.map((token, i) => {
    const possessive = /['’]s?[^\p{L}\p{N}]*$/u.test(token) && /\p{L}['’]/u.test(token);
    const word = token.replace(/['’]s?$/u, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    const opensSentence = i === 0 || /[.!?:;]["')\]]*$/u.test(tokens[i - 1]!);
    return { word, opensSentence, possessive };
  });
}

/** Whether a word as written is a name: an acronym ("NMC", "EDPB"), or capitalised inside a sentence ("Elsevier"). */
function looksLikeAName({ word, opensSentence }: { word: string; opensSentence: boolean }): boolean {
  if (/^\p{Lu}{2,}\d*$/u.test(word)) return true;
  return !opensSentence && /^\p{Lu}/u.test(word);
}

/**
 * The owner of the rules the question asks about, when the policies never mention it: the name just
 * before a word for rules ("the Colorado AI Act", "ICAEW guidance", "colorado ai act"), a possessive
 * ("elsevier's policy", "GitHub's terms"), or a name that says something ("Springer Nature says…").
 * A name the policies use (the organisation, its bodies, a law they cite) keeps the question in scope.
 */
function namedRulesAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  const words = writtenWords(question);
  const lower = words.map(({ word }) => allWords(word).join(" "));
  for (let i = 0; i < words.length; i++) {
    const isRules = rulesNoun.test(lower[i]!);
    if (!isRules && !saying.test(lower[i]!)) continue;
    // The words before it, back to the first that is neither a name, nor AI, nor a number: "Illinois Artificial Intelligence Video Interview Act".
    const owner = ownerBefore(i, words, lower);
    const meaningful = owner.map((j) => lower[j]!).filter((word) => isMeaningful(word) && !unnamed.has(word) && !ownSide.has(word));
    // Named as the asker wrote it: "the Online Safety Act", "ofcom guidance", "the Press Recognition Panel".
    if (meaningful.length > 0 && isUnknownName(meaningful, vocabulary)) {
      const the = lower[owner[0]! - 1] === "the" ? "the " : "";
      return the + [...owner, ...(isRules ? [i] : [])].map((j) => words[j]!.word).join(" ");
    }
    // "The AI Act" names a law by its words for AI alone.
    if (owner.length === 0 && lawItself.test(lower[i]!) && aiItself.has(lower[i - 1] ?? "") && !vocabulary.mentions([lower[i - 1]!, lower[i]!])) return `the AI ${words[i]!.word}`;
  }
  return undefined;
}

/** Laws named by their words for AI alone ("the AI Act"), unlike "the AI policy" every policy speaks of. */
const lawItself = /^(act|bill|directive)$/;
/** Words between a name and what it did ("the FCA actually published…"). */
const inPassing = new Set("actually really just ever already recently also now finally officially".split(" "));

/** The positions of the name just before position `i`, back to the first word that is neither a name, nor AI, nor a number. */
function ownerBefore(i: number, words: ReturnType<typeof writtenWords>, lower: string[]): number[] {
  const owner: number[] = [];
  for (let j = i - 1; j >= 0 && owner.length < 8; j--) {
    const candidate = lower[j]!;
    if (!candidate || /^\d/.test(candidate) || (owner.length === 0 && inPassing.has(candidate))) continue;
    if (aiItself.has(candidate) || isAiWord(stem(candidate))) continue;
    if (insideAnOwnersName.has(candidate) && owner.length > 0 && j > 0 && looksLikeAName(words[j - 1]!)) continue;
    // "Bar Council guidance…": a name's first word may open the sentence.
    const isName = looksLikeAName(words[j]!) || words[j]!.possessive || (words[j]!.opensSentence && owner.length > 0 && /^\p{Lu}/u.test(words[j]!.word));
    // In a question written in lower case, the word just before the rules ("nmc code") names them.
    const nextToRules = owner.length === 0 && plainlyRules.test(lower[i]!) && isMeaningful(candidate) && !unnamed.has(candidate);
    if (!isName && !nextToRules) break;
    owner.unshift(j);
    if (!isName) break;
  }
  return owner;
}

/**
 * A name the policies never use: one word they never use ("Elsevier"), or a name of several words
 * they never write together ("UK Equality Act": they may say "equality" and "UK", never that law).
 */
function isUnknownName(words: string[], vocabulary: PolicyVocabulary): boolean {
  return !vocabulary.mentions(words);
}

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

/** The last word of a law's or a regulator's name ("the EU AI Act", "the Information Commissioner"). */
const authorityWord = /^(acts?|regulations?|directives?|laws?|commission|commissioner|authority|ombudsman|regulator)$/;

/**
 * A regulator or a law the policies name in passing ("report a breach to the ICO") but do not set
 * out: written short in capitals ("the ICO", not a role of ours such as the DPO) or named as a law or
 * an authority, with no heading or title of theirs naming it. What it says or requires is its own to say.
 */
function isAnOutsideAuthority(name: Name, vocabulary: PolicyVocabulary): boolean {
  const written = name.written.split(/\s+/);
  const shortForm = written.length === 1 && /^\p{Lu}{2,6}(?:\/\p{Lu}{2,6})?$/u.test(written[0]!) && !everydayShortForms.has(written[0]!.toLowerCase());
  const lawOrAuthority = authorityWord.test(written.at(-1)!.toLowerCase());
  return (shortForm || lawOrAuthority) && !vocabulary.heads(name.words);
}

/**
 * The body whose rules the question asks about, when the policies never name it: the organisation
 * and the bodies its policies speak of ("the Trust's policy", "what does the Digital Health Board
 * require") are in scope. The question's first word is capitalised by grammar, not as a name.
 */
export function outsideBodyAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  const sentence = question.replace(/^\s*\p{Lu}/u, (first) => first.toLowerCase());
  if (itsOwnRules.test(question)) return "that body's own rules";
  const ownRulesOwner = hasItsOwnRules.exec(sentence)?.[1];
  if (ownRulesOwner && namesIn(ownRulesOwner).length > 0) return "that body's own rules";
  const owners = [possessive.exec(sentence)?.[1], saysOrDoes.exec(sentence)?.[1], isDoing.exec(sentence)?.[1], doesItRequire.exec(sentence)?.[1], isItBinding.exec(sentence)?.[1], howTheyUse.exec(sentence)?.[1], doesItUse.exec(sentence)?.[1], hasItPublished.exec(sentence)?.[1], whatHasItSaid.exec(sentence)?.[1]].filter((owner): owner is string => Boolean(owner));
  for (const owner of owners) {
    const unnamed = namesIn(owner).find(({ words }) => !vocabulary.mentions(words)) ?? namesIn(owner).find((name) => isAnOutsideAuthority(name, vocabulary));
    if (unnamed) return sentence.includes(`the ${unnamed.written}`) ? `the ${unnamed.written}` : unnamed.written;
  }
  const namedRules = namedRulesAskedAbout(question, vocabulary);
  if (namedRules) return namedRules;
  const common = ownBodyPossessive.exec(question)?.[1]?.toLowerCase() ?? barePossessive.exec(question)?.[1]?.toLowerCase();
  if (common && isMeaningful(common) && !ownSide.has(common) && (!vocabulary.mentions([common]) || otherParties.has(common))) return `that ${common}`;
  // "What does the union say…": a body named by common words, none of which the policies use.
  // "What does the policy say…" asks about the policies themselves, whatever they call themselves.
  const saying = saysOrDoes.exec(sentence)?.[1] ?? isDoing.exec(sentence)?.[1];
  if (saying && namesIn(saying).length === 0) {
    const words = allWords(saying).filter((word) => isMeaningful(word) && !isDocumentWord(stem(word)));
    if (words.length > 0 && words.length <= 2 && words.every((word) => !vocabulary.mentions([word]))) return `the ${words.join(" ")}`;
  }
  return undefined;
}

/**
 * The documents a supplier or platform publishes for its users: its terms, usage or acceptable-use
 * policy, licence, privacy notice, indemnity, warranty. Unlike "the Copilot policy" (ours, on Copilot), these are theirs.
 */
const supplierDocument = String.raw`(?:terms(?:\s+of\s+(?:service|use))?|(?:usage|use|acceptable[\s-]+use|content|privacy)\s+polic(?:y|ies)|licen[cs]e(?:\s+agreement)?|eula|privacy\s+notice|user\s+agreement|service\s+agreement|data\s+processing\s+(?:addendum|agreement)|(?:ip\s+|copyright\s+)?indemnit(?:y|ies)|warrant(?:y|ies)|service\s+level\s+agreement)`;
/** "OpenAI's usage policies", "Zoom's terms of service". */
const suppliersOwn = new RegExp(String.raw`((?:\b\p{Lu}[\p{L}\p{N}&./-]*\s+){0,2}\b\p{Lu}[\p{L}\p{N}&./-]*)(?:'s|’s|s'|s’)\s+(?:[\p{L}-]+\s+)?${supplierDocument}\b`, "u");
const suppliersOwnInLowerCase = new RegExp(String.raw`\b(\p{Ll}[\p{L}\p{N}]+)(?:'s|’s)\s+(?:[\p{L}-]+\s+)?${supplierDocument}\b`, "u");
/** "What does the AWS acceptable use policy say", "do the Slack terms of service allow…". */
const namedSupplierDocument = new RegExp(String.raw`\b(?:what|how|do|does|did|would|will)\s+(?:does|do|did|would|will\s+)?(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}&./-]*\s+){1,3})${supplierDocument}\b`, "iu");

/**
 * A supplier's own document asked about ("what do OpenAI's usage policies say about…", "what does the
 * AWS acceptable use policy say…") when the policies name the supplier but never that document: they
 * may list the tool, yet what its owner's terms say is the owner's to say. The organisation's own name,
 * or a document's, is ours.
 */
export function supplierDocumentAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  const sentence = question.replace(/^\s*\p{Lu}/u, (first) => first.toLowerCase());
  const lowerCaseOwner = suppliersOwnInLowerCase.exec(sentence)?.[1];
  // "microsoft's terms": written in lower case, a supplier is told by a name that is no English word.
  if (lowerCaseOwner && !isEnglishWord(lowerCaseOwner.toLowerCase()) && !ownSide.has(lowerCaseOwner.toLowerCase()) && !vocabulary.titles([lowerCaseOwner.toLowerCase()])) return lowerCaseOwner;
  const match = suppliersOwn.exec(sentence) ?? namedSupplierDocument.exec(sentence);
  if (!match) return undefined;
  const name = namesIn(match[1]!).at(-1);
  // "The Saltmarsh AI use policy": a word of the organisation's name, or of a document's, makes it ours.
  if (!name || name.words.some((word) => isMeaningful(word) && !aiItself.has(word) && vocabulary.titles([word]))) return undefined;
  const document = match[0].slice(match[0].indexOf(match[1]!));
  if (vocabulary.mentions(allWords(document))) return undefined;
  return name.written;
}

/**
 * Private life: one's own family, occasions, home, leisure and money ("my kid's homework", "my holiday",
 * "my bank statements").
 * A question naming AI and its asker's own private life is not about the organisation's rules,
 * unless the policies speak of it too. Only "my …" counts: to a newsroom "recipes" and "holiday
 * travel" are work, and "partner" alone is as often a business partner.
 */
/** Occasions and pastimes, private wherever they are named; people ("a patient's family") are only one's own as "my …". */
const privateOccasions = new Set(
  "birthday wedding anniversary christmas holiday holidays vacation honeymoon itinerary recipe recipes cooking dinner meals diet workout workouts gym fitness playlist playlists hobby hobbies garden shopping dating homework bedtime marathon selfie selfies novel poem poems".split(" "),
);
const privateLife = new Set([
  ..."kid kids son sons daughter daughters child children partner wife husband boyfriend girlfriend fiance fiancee mum mom dad mother father parents".split(" "),
  ..."grandma grandmother grandad grandfather nan granny grandparents grandchildren grandkids nephew niece aunt uncle cousin sister brother family friend friends neighbour neighbor toddler baby teenager teen".split(" "),
  ...privateOccasions,
  ..."pet pets cat dog cv resume mortgage landlord bank savings finances budget budgeting tax taxes pension stag".split(" "),
]);
const ownLife = /\bmy\s+(?:own\s+)?(?:(\p{L}+)\s+)?(\p{L}+)/giu;
/** "Our house deposit", "our wedding": a household's own, said as "our". */
const ourHousehold = /\bour\s+(house|flat|mortgage|wedding|honeymoon)\b/iu;
/** "My self-published fantasy novel": a private-life word a few words after "my". */
const ownLifeFurther = new RegExp(String.raw`\bmy\s+(?:[\p{L}-]+\s+){1,3}?(${[...privateLife].join("|")})\b`, "giu");

/** "My own bank", "my own kids": one's own, even where the policies speak of banks or children. */
const ownOwn = /\bmy\s+(?:own|personal|private)\s+(?:(\p{L}+)\s+)?(\p{L}+)/giu;

/**
 * Family named as one's own ("my daughter", "my 12 year old"): private however often the policies speak of
 * daughters or children. Not "my children", "my kids" or "my partner": a teacher's class, a business partner.
 */
const ownFamily = new Set("son sons daughter daughters wife husband boyfriend girlfriend fiance fiancee mum mom dad mother father grandma grandmother grandad grandfather nan granny grandparents grandchildren grandkids nephew niece aunt uncle cousin sister brother teenager toddler baby".split(" "));

/** The private-life word the question names beside AI ("my holiday"), when the policies never use it or it is "my own". */
export function privateLifeAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  const ownWords = [...capturedWords(question, ownOwn), ...capturedWords(question, ownLife).filter((word) => ownFamily.has(word)), ...(ownChild.test(question) ? ["child"] : [])];
  // A pastime no work is about counts however the policies use its word ("dating" is not "dates").
  return ownLifeWords(question).find((word) => !vocabulary.mentions([word]) || ownWords.includes(word) || privatePastimes.has(word));
}

/** The words a pattern's groups caught, in lower case. */
function capturedWords(question: string, pattern: RegExp): string[] {
  return [...question.matchAll(pattern)].flatMap((match) => match.slice(1)).filter((word): word is string => word !== undefined).map((word) => word.toLowerCase());
}

/** "Mum's care home", "my dad's GP": a relative's own, named by the relative (not "his mum's", someone else's). */
const relativesOwn = /(?:^\s*|[.!?]\s+|\bmy\s+)(mum|mom|dad|mother|father|parents|grandma|grandmother|grandad|grandfather|nan|granny|son|daughter|wife|husband|sister|brother)(?:'s|’s|s'|s’)\s/giu;

/** "My 12 year old", "my 8-yr-old": a child, however written. */
const ownChild = /\bmy\s+\d{1,2}[\s-]*(?:years?|yrs?|yo)\b/iu;


/** Pastimes no organisation's work is about, private however they are named ("the dating app says its AI…"). */
const privatePastimes = new Set("dating honeymoon selfie selfies marathon stag".split(" "));

/** "For my own personal use", "in my spare time": AI used for oneself ("at home" alone is as often work done from home). */
const usedForOneself = /\b(for\s+(my\s+)?(own\s+)?personal\s+use|in\s+my\s+(own|spare|free)\s+time)\b/i;
/** The same, "at home", "for me": an occasion named beside it ("plan a holiday for me", "at home for recipes") is one's own. */
const forOneself = new RegExp(`${usedForOneself.source}|\\b(at\\s+home|for\\s+me|for\\s+myself|outside\\s+(of\\s+)?work|household)\\b`, "i");
/** Words that bring a question back to work, wherever it is asked from: "at home, for a client email". */
const workWords = new Set(
  "work working job jobs client clients customer customers colleague colleagues manager managers boss email emails office project projects team teams meeting meetings patient patients student students pupil pupils coursework assignment assignments essay essays exam exams company employer business staff rota shift shifts request requests approve approved approval report reports".split(" "),
);

function ownLifeWords(question: string): string[] {
  const words = allWords(question);
  if (!words.some((word) => isAiWord(stem(word)))) return [];
  const named = [...capturedWords(question, ownLife), ...capturedWords(question, ownLifeFurther), ...capturedWords(question, relativesOwn)].filter((word) => privateLife.has(word));
  const ownChildNamed = ownChild.test(question) ? [...named, "child"] : named;
  // Without "my": AI for oneself ("use ChatGPT at home for recipes", "plan a holiday for me"), when no work is spoken of.
  if (words.some((word) => workWords.has(word))) return ownChildNamed;
  // One's family named ("my son … his homework"), or AI for oneself: the occasions named anywhere are theirs.
  const anywhere = words.filter((word) => (forOneself.test(question) || sideBusiness.test(question) || ownChildNamed.length > 0 ? privateOccasions.has(word) : privatePastimes.has(word)));
  return [...ownChildNamed, ...anywhere];
}

/**
 * Work of one's own beside the job ("my little candle business", "a bit of photography on the side", "my
 * side hustle"): its customers and products are not the organisation's, so work words do not bring it back.
 */
const sideBusiness =
  /\bside[\s-]+(business|hustle|gig|income|job)\b|\bon\s+the\s+side\b|\b(my|a)\s+(own\s+|little\s+)(\p{L}+\s+)?(business|shop|company)\b|\bmy\s+(\p{L}+\s+)?(business|shop|store)\b.{0,40}\b(at|on)\s+(the\s+)?weekends?\b|\b(at|on)\s+(the\s+)?weekends?\b.{0,40}\bmy\s+(\p{L}+\s+)?(business|shop|store)\b/iu;

/** "It's nothing to do with work, just for me": the asker says so. */
const saidToBeOutsideWork = /\b(nothing\s+to\s+do\s+with|not\s+for|not\s+about|unrelated\s+to)\s+(work|my\s+job)\b|\bjust\s+for\s+me\b|\bin\s+my\s+personal\s+life\b/i;
/** Occasions that are always one's own, however they are named ("a best man speech", "the stag do"). */
const ownOccasion = /\bbest\s+man('?s)?\s+speech\b|\b(stag|hen)\s+(do|party|weekend)\b|\bwedding\s+speech\b/i;

/** Our own work, spoken of in so many words: "a company" that makes a generator is not the employer. */
const ourWork = /\b(we|our|us|work|job|colleagues?|clients?|customers?|patients?|employer|manager|team|shift)\b/i;

/** AI used for oneself, at home, in one's own time or for a business of one's own, about no work of the organisation ("should I pay for ChatGPT Plus for my own personal use at home?"). */
export function usedForOneselfAskedAbout(question: string): boolean {
  const words = allWords(question);
  if (!words.some((word) => isAiWord(stem(word)))) return false;
  if (saidToBeOutsideWork.test(question) || ownOccasion.test(question) || ourHousehold.test(question)) return true;
  return (sideBusiness.test(question) || usedForOneself.test(question)) && !ourWork.test(question.replace(sideBusiness, ""));
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
const explainTerm = /\bexplain\s+(?:to me\s+)?(?:what\s+)?(?:an?\s+|the\s+)?["'“‘]?([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s+(?!(?:on|of|for|to|in|about|and|or|the|a|an|with|at|by)\b)[\p{L}\p{N}-]+){0,2}?)["'”’]?\s*(?:[?,.!]|$|\s+(?:is|are|means?|to me|like|in\s+(?:plain|simple)|simply|for)\b)/iu;

/** A term the question asks the meaning of that the policies never use (nor spell out): general knowledge. */
export function unknownTermAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  const compared = differenceBetween.exec(question);
  const quotedMatch = asksWhatItIs.test(question) ? quotedTerm.exec(question) : null;
  const quoted = quotedMatch?.[1] ?? quotedMatch?.[2] ?? quotedMatch?.[3];
  const named = whatTheNameIs.exec(question)?.[1]?.trim();
  const sideBySide = termsSideBySide.exec(question);
  // "Between enterprise, third-party and public tools": each term of a list is judged on its own.
  const listed = compared?.[1]?.split(/\s*,\s*/u) ?? [];
  const terms = [whatWordMeans.exec(question)?.[1] ?? whatPhraseActuallyMeans.exec(question)?.[1] ?? whatTermIs.exec(question)?.[1], ...listed, compared?.[2], sideBySide?.[1], sideBySide?.[2], quoted, named, explainTerm.exec(question)?.[1]];
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

/**
 * "What do their terms say…", "what does its licence require", "zoom changed its terms… what do they
 * say now?": what another body's own rules say, named by a pronoun rather than a name, in a question
 * that speaks of no one here ("I'm joining the data team; what do their rules say…" is ours). Not
 * when it speaks of the policies ("the AI rules, what do they say about…") or asks whether something
 * is allowed ("their terms say X, are we allowed to…?").
 */
const whatTheirRulesSay =
  /\bwhat\s+(?:do|does|did|would|will)\s+(?:they\s+|(?:their|its)\s+(?:[\p{L}-]+\s+){0,4}?)(?:actually\s+|really\s+|now\s+)?(?:say|says|state|require|allow|permit|cover|mean)\b/iu;
const othersOwn = /\b(?:their|its)\s+(?:[\p{L}-]+\s+){0,2}?(?:polic(?:y|ies)|rules?|guidance|guidelines?|code|standards?)\b|\b(?:their|its)\s+(?:own\s+)?(?:staff|employees|people|workers|teams?)\b|\b(?:our|my)\s+(?:main\s+|biggest\s+|closest\s+)?(?:competitors?|rivals?|regulators?|funders?)\b/giu;
/** "Do they require labelling…?": the same asked yes or no, by a question that speaks of no one here. */
const doTheyRequire = /\b(?:do|does|did|would|will)\s+they\s+(?:actually\s+|really\s+|also\s+)?(?:require|say|mandate|ban|prohibit|permit|allow|let|expect)\b/iu;

export function othersRulesAskedAbout(question: string): boolean {
  // "Their AI policy" and "our competitor" speak of others, not of our documents or of us.
  const ours = question.replace(othersOwn, " ");
  if (speaksOfTheDocuments(ours) || askedWhetherAllowed.test(ours) || speaksOfUs(ours)) return false;
  return whatTheirRulesSay.test(question) || doTheyRequire.test(question);
}

/**
 * How long records of a kind the policies never name are kept ("how long must we keep payroll
 * records?", "how long do we retain closed matter files?"), asked naming no AI: the policies keep
 * the records of their AI, and their retention table shares every other word of such a question.
 */
const asksHowLongKept = /\bhow\s+long\b.{0,60}\b(keep|kept|retain|retained|store|stored|hold|held|archive|archived)\b|\bretention\s+(period|time|rules?|schedule)\s+(for|of|on)\b/i;
const keptThing = /\b(?:keep|retain|store|hold|archive)\s+(?:the\s+|our\s+|any\s+|old\s+)?((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s*(?:for\b|before\b|after\b|until\b|from\b|[?.,]|$)/iu;
const recordsNoun = /^(records?|files?|documents?|data|logs?|notes|forms?|paperwork|statements?|emails?|reports?|minutes|receipts|invoices|contracts?)$/;

export function unknownRecordsAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  if (!asksHowLongKept.test(question)) return undefined;
  const words = allWords(question);
  if (words.some((word) => isAiWord(stem(word)))) return undefined;
  for (let i = 1; i < words.length; i++) {
    const kind = words[i - 1]!;
    if (recordsNoun.test(words[i]!) && isMeaningful(kind) && !vocabulary.mentions([kind])) return `${kind} ${words[i]}`;
  }
  // "How long do we keep paper timesheets for?": what is kept, named right after the verb, spelt as the
  // policies would spell it ("macth scores" are their match scores).
  const kept = keptThing.exec(question)?.[1];
  const named = kept ? allWords(kept).map((word) => vocabulary.correct(word)).filter((word) => isMeaningful(word) && !recordsNoun.test(word)) : [];
  if (named.length === 0 || vocabulary.mentions(named)) return undefined;
  // "How long do we keep the policy documents?" asks about the policies' own records.
  const namesTheDocuments = named.some((word) => isDocumentWord(stem(word)) && vocabulary.mentions([word]));
  return namesTheDocuments ? undefined : named.join(" ");
}

/**
 * A mishap that happened without AI, told as it happened ("I emailed a spreadsheet of addresses to the
 * wrong client, do we report it?", "a labourer fell off a ladder, who do I tell?"): the AI policies'
 * incident rules share its words, but they are for incidents with AI; this one is for the data
 * protection or health and safety procedure.
 */
const happenedWithoutAi =
  /\b(e-?mailed|posted|faxed|printed|sent|forwarded|handed)\b.{0,80}\bto\s+the\s+wrong\b|\bwrong\s+(?:[\p{L}-]+\s+)?(client|customer|person|address|recipient|patient|house|email)\b|\b(left|lost|dropped)\s+(a|my|the|his|her|their)\s+(\S+\s+)?(laptop|phone|bag|folder|file|files|papers|paperwork|memory\s+stick|usb(\s+stick)?|notebook|badge)\b|\b(fell|falls|fallen)\s+(off|from|down)\b|\b(slipped|tripped)\s+(on|over)\b|\bnearly\s+(slipped|fell|tripped|hit|clipped)\b/iu;
const asksWhatToDo =
  /\bwhat\s+(do|should|must)\s+(i|we)\s+do\b|\bwho\s+(do|should)\s+(i|we)\s+(tell|call|ring|contact)\b|\b(do|must)\s+(i|we)\s+(have|need)\s+to\s+(report|tell)\b|\bis\s+(that|this|it)\s+(a|an)\b.{0,40}\b(breach|incident|near\s+miss)\b|\b(where|how)\s+do\s+(i|we)\s+(report|log)\b|\bwhat(?:'s|’s|\s+is)\s+the\s+(?:[\p{L}-]+\s+){0,3}?(?:process|procedure)\b/iu;
/** Words that put a tool in the story ("pasted it into the chatbot", "the app uploaded…"): then it may be ours. */
const toolInTheStory = /\b(tools?|apps?|chatbots?|bots?|assistants?|systems?|models?|prompts?|paste|pasted|upload|uploaded|generated|automated|software|platforms?|transcri\w*|summar\w*)\b/i;

export function mishapWithoutAi(question: string): boolean {
  if (allWords(question).some((word) => isAiWord(stem(word))) || toolInTheStory.test(question)) return false;
  return happenedWithoutAi.test(question) && asksWhatToDo.test(question);
}

/**
 * Training on a subject the policies never name ("manual handling training", "fire warden training"),
 * asked naming no AI: the policies' training rules are for AI, and share every other word of it.
 */
const namedTraining = /\b((?:[\p{L}-]+\s+){1,2})(?:training|course|courses|induction|refresher|e-learning|elearning)\b(?!\s+(?:a|an|the|my|our|their|it|them|on|with|models?)\b)/giu;

export function unknownTrainingAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  // Spelt as the policies would spell it, so a typo'd "modle" still counts as AI and "befor" as no subject.
  const spelt = (text: string) => allWords(text).map((word) => vocabulary.correct(word));
  if (spelt(question).some((word) => isAiWord(stem(word)))) return undefined;
  for (const match of question.matchAll(namedTraining)) {
    const subject = spelt(match[1]!).filter(isMeaningful);
    // Words the policies use for their own course ("online essentials" where they name the Essentials
    // module), but not a subject they never name beside one they do ("fire safety", where they speak of safety).
    if (subject.length > 0 && !vocabulary.mentions(subject) && subject.some((word) => !vocabulary.mentions([word]))) return `${subject.join(" ")} training`;
  }
  return undefined;
}

/**
 * Another of the organisation's policies, by a subject the AI policies never name ("the lone working policy",
 * "our expenses procedure"), asked naming no AI: the AI policies' sections on approval and review share
 * every other word of such a question.
 */
const namedPolicy = /\b(?:the|our|a|an|this|that|its|their|new)\s+((?:[\p{L}-]+\s+){1,3}?)(?:polic(?:y|ies)|procedures?)\b/giu;

export function unknownPolicyAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  const spelt = (text: string) => allWords(text).map((word) => vocabulary.correct(word));
  if (spelt(question).some((word) => isAiWord(stem(word)))) return undefined;
  for (const match of question.matchAll(namedPolicy)) {
    const subject = spelt(match[1]!).filter((word) => isMeaningful(word) && !unnamed.has(word) && !ownSide.has(word) && !isDocumentWord(stem(word)));
    if (subject.length > 0 && !vocabulary.mentions(subject)) return `the ${subject.join(" ")} ${/procedure/i.test(match[0]) ? "procedure" : "policy"}`;
  }
  return undefined;
}

/** Why the question is declined, in words its asker recognises. */
export function outsideScopeAnswer(question: string, vocabulary: PolicyVocabulary): string | undefined {
  if (inAnotherLanguage(question, vocabulary)) {
    return "I can only answer questions in English, the language our AI policies are written in. Please ask again in English; if you can't, I can pass your question to the governance team.";
  }
  const supplier = supplierDocumentAskedAbout(question, vocabulary);
  if (supplier) {
    return `Our AI policies don't cover ${supplier}'s own terms or policies, so I can't tell you what they say: I answer from our own policies only. If you think they should cover it, I can pass your question to the governance team.`;
  }
  const body = outsideBodyAskedAbout(question, vocabulary);
  if (body) {
    // A regulator they name in passing ("report it to the ICO") is mentioned, but its rules are not theirs.
    const named = vocabulary.mentions(allWords(body.replace(/^the\s+/i, "")));
    const whatTheySay = named ? `Our AI policies mention ${body} but don't set out its rules` : `Our AI policies don't mention ${body}`;
    return `${whatTheySay}, so I can't tell you what it says or requires: I answer from our own policies only. If you think they should cover it, I can pass your question to the governance team.`;
  }
  // After the bodies: "what are the ICO's rules…" asks about a body, not what a term means.
  const term = unknownTermAskedAbout(question, vocabulary);
  if (term) {
    return `Our AI policies don't use the term "${term}", so I can't explain it from them: I answer from our own policies only. If you think they should cover it, I can pass your question to the governance team.`;
  }
  if (othersRulesAskedAbout(question)) {
    return "I answer from our own AI policies only, so I can't tell you what another organisation's terms or rules say. If you think our policies should cover it, I can pass your question to the governance team.";
  }
  const records = unknownRecordsAskedAbout(question, vocabulary);
  if (records) {
    return `Our AI policies don't mention ${records}, so I can't tell you how long they are kept: their retention rules are for the records of our AI. Your records or data protection team will know; if you think the AI policies should cover it, I can pass your question to the governance team.`;
  }
  const training = unknownTrainingAskedAbout(question, vocabulary);
  if (training) {
    return `Our AI policies don't mention ${training}, so I can't help with it: their training rules are about AI. Your manager or the learning team will know; if you think the AI policies should cover it, I can pass your question to the governance team.`;
  }
  const policy = unknownPolicyAskedAbout(question, vocabulary);
  if (policy) {
    return `Our AI policies don't mention ${policy}, so I can't help with it: I answer questions about our AI policies only. The policy's owner or your manager will know; if you think the AI policies should cover it, I can pass your question to the governance team.`;
  }
  if (mishapWithoutAi(question)) {
    return "That doesn't sound as if AI was involved, so our AI policies don't cover it: report it as our data protection or health and safety procedure says, or ask your manager. If an AI tool was involved after all, tell me how, or I can pass your question to the governance team.";
  }
  if (privateLifeAskedAbout(question, vocabulary) || usedForOneselfAskedAbout(question)) {
    return "Our AI policy is about using AI for work, not in your own time, so it doesn't cover this. If it is about work after all, I can pass your question to the governance team.";
  }
  return undefined;
}

/**
 * Whether the question is about using something ("can I paste…", "is it ok to record…", "does the
 * scribe upload…"): a named tool the policies never mention may still be one their rules for tools
 * cover.
 */
const aboutUsingSomething = /\b(use|uses|using|used|install|installing|paste|pasted|upload|uploaded|put|run|try|sign up|feed|share|send|record|recording|allowed|ok|okay|approv\w*|banned|tools?|apps?|software)\b/i;
/** Capitalised by the language, not as names: days, months, and "I'm", "I've". */
const capitalisedByGrammar = /^(I|I['’].*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;
/** Short forms of everyday work, not of a body or a system of its own: "ask HR", "log it in the CRM". */
// Not policyDomain's `everydayShortForms`, though they share most members: that one says which short forms
// never name an AI tool; this one which never name a body or a system of the organisation's own. "QA" is in
// that one only: not a tool, yet "the QA audit" names something a question may ask about (measured: taking
// it out of this list answered one more everyday work question).
const everydayAcronyms = new Set("API CEO CFO CTO COO CSV PDF URL USB VPN FAQ HTML JSON SQL XML GDPR PII SSO MFA KPI ROI SLA SME SMS IT HR UK US USA EU NHS CRM ERP PTO RACI AUP DPO DPIA".split(" "));

/**
 * The positions of each run of names in a question ("the Editorial Council" → Editorial, Council).
 * Unlike `namesIn`, which reads an owner's phrase already cut out of the sentence, this reads the whole
 * question, where a sentence's first word and "I" are capitalised by grammar.
 */
function runsOfNames(words: ReturnType<typeof writtenWords>): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  words.forEach((written, i) => {
    const isName = written.word.length >= 2 && !capitalisedByGrammar.test(written.word) && !everydayAcronyms.has(written.word) && looksLikeAName(written);
    if (isName) run.push(i);
    if ((!isName || written.possessive) && run.length > 0) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Each run of names as written ("Editorial Council"); with `leavingOutAi`, without its words for AI ("Google Gemini AI" → "Google Gemini"). */
function namesWritten(words: ReturnType<typeof writtenWords>, options: { leavingOutAi?: boolean } = {}): string[] {
  const isAi = (word: string) => allWords(word).some((part) => aiItself.has(part) || isAiWord(stem(part)));
  return runsOfNames(words)
    .map((run) => run.map((i) => words[i]!.word).filter((word) => !options.leavingOutAi || !isAi(word)))
    .filter((name) => name.length > 0)
    .map((name) => name.join(" "));
}

/** A question in capitals, or with every word capitalised, says nothing by its capitals. */
function writtenInCapitals(words: ReturnType<typeof writtenWords>): boolean {
  const lettered = words.filter(({ word }) => /\p{L}/u.test(word));
  return lettered.filter(({ word }) => /^\p{Lu}/u.test(word)).length * 2 > lettered.length;
}

/**
 * A named thing the policies never mention, in a question that names no AI and asks neither what
 * people may do nor about using something: "how do I raise a deviation in the QMS?", "who's the
 * COLP?". Names are told as `looksLikeAName` tells them (acronyms, capitalised words inside a
 * sentence), in runs ("the Editorial Council"). Asked only of a question the offline match is not
 * certain about (policyAssistant.ts): a section that clearly answers it ("where is the tools register
 * kept on SharePoint?") answers it, whatever else it names; one that does not is not its subject.
 */
export function unknownNameAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  if (asksAboutConduct(question) || aboutUsingSomething.test(question)) return undefined;
  if (allWords(question).some((word) => isAiWord(stem(word)))) return undefined;
  const words = writtenWords(question);
  if (writtenInCapitals(words)) return undefined;
  return namesWritten(words).find((name) => !vocabulary.mentions(allWords(name)));
}

/**
 * "Is the AI in Figma allowed?": whether a tool may be used is for the policies' rules on tools. Not
 * `asksAboutConduct`: whether a body's own rule is "mandatory" or "required" is about that body.
 */
const askedWhetherAllowed = /\b(allowed|permitted|forbidden|banned|prohibited|ok|okay|fine|acceptable|approved|approval)\b/i;
/** The asker, or anyone here: "can I…", "my team", "can anyone…" (the organisation's own words are `speaksOfTheOrganisation`'s). */
const theAskerOrAnyone = /\b(i|im|ive|me|my|mine|ours|anyone|someone|people)\b/i;
const speaksOfUs = (question: string) => speaksOfTheOrganisation(question) || theAskerOrAnyone.test(question);

/**
 * Someone else's AI: a question about AI that speaks of no one here and names a body, law or product
 * the policies never mention ("zoom changed its terms about AI training…", "MHRA: when is AI software a
 * medical device?", "do IEEE journals allow authors to use AI?"). It asks what that body says or does,
 * which our policies cannot answer, and a section sharing its words about AI would answer something
 * else. Searched as usual: "can we use Zoom's AI notes?" (it speaks of us), "is the AI in Figma
 * allowed?" (whether a tool may be used), "does the Ethics Board approve image generators from
 * Canva?" (it names one of ours). Asked before searching (policyAssistant.ts).
 */
export function outsideAiAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  if (speaksOfUs(question) || !allWords(question).some((word) => isAiWord(stem(word)))) return undefined;
  if (askedWhetherAllowed.test(question)) return undefined;
  const words = writtenWords(question);
  if (writtenInCapitals(words)) return undefined;
  const names = namesWritten(words, { leavingOutAi: true });
  // A name the policies use ("does the Ethics Board approve image generators from Canva?") makes it ours.
  if (names.some((name) => vocabulary.mentions(allWords(name)))) return undefined;
  return names[0];
}

/** What a question asks of a body itself: when it meets, who sits on it or chairs it, whom it reports to. */
const asksHowABodyWorks = /\b(meet|meets|meeting|meetings|sit|sits|sitting|seat|seats|members?|membership|chair|chairs|chaired|quorum|minutes|agendas?|secretary|terms\s+of\s+reference|report\s+to|reports\s+to)\b/i;

/**
 * How a body works ("when does the Quality Committee meet and who sits on it?"), asked naming no AI,
 * of a body the policies mention but are not about: no heading or title of theirs names it, while a
 * body of theirs ("the Digital Health Board") has its terms of reference. Its name is read as written.
 */
export function otherBodyAskedAbout(question: string, vocabulary: PolicyVocabulary): string | undefined {
  if (!asksHowABodyWorks.test(question) || allWords(question).some((word) => isAiWord(stem(word)))) return undefined;
  const words = writtenWords(question);
  if (writtenInCapitals(words)) return undefined;
  const named = joinedRuns(runsOfNames(words), words)
    .map((run) => run.map((i) => words[i]!.word).join(" "))
    .filter((name) => name.includes(" ") && bodyWords.has(name.split(" ").at(-1)!.toLowerCase()));
  // Written in lower case ("when does the audit and risk committee meet?"), a body is "the" and its description.
  const described = [...question.matchAll(describedBody)].map((match) => match[1]!.trim());
  const unheaded = (name: string) => !vocabulary.heads(allWords(name)) && !vocabulary.heads(allWords(name).slice(0, -1));
  // In lower case the name is only what its words say: each known to the policies or no misspelling of
  // one of theirs (a misspelt word of their own body's name is not another body), the whole never written in them.
  const unknownBody = (name: string) => allWords(name).every((word) => vocabulary.mentions([word]) || vocabulary.correct(word) === word) && !vocabulary.mentions(allWords(name)) && unheaded(name);
  return named.find(unheaded) ?? described.find(unknownBody);
}

/** Runs of names one word apart joined by that word when it belongs inside a name ("Audit" "and" "Risk Committee"). */
function joinedRuns(runs: number[][], words: ReturnType<typeof writtenWords>): number[][] {
  const joined: number[][] = [];
  for (const run of runs) {
    const previous = joined.at(-1);
    const between = previous ? previous.at(-1)! + 1 : -1;
    if (previous && run[0] === between + 1 && insideAName.has(words[between]!.word.toLowerCase()) && !words[previous.at(-1)!]!.possessive) previous.push(between, ...run);
    else joined.push([...run]);
  }
  return joined;
}

/** "the audit and risk committee", "the health and safety forum": a body named in lower case, with what it is for. */
const describedBody = /\bthe\s+((?:(?!(?:the|for|of|to|on|at|in|with|about|from)\s)\p{Ll}[\p{Ll}-]*\s+){1,4}?(?:committee|board|panel|council|forum|trustees))\b/gu;

/**
 * Why a question about a named thing the policies never mention is declined. The name is quoted as
 * written: it may be a whole name ("Editorial Council") or a word naming something else ("the Leeds office").
 */
export function unknownNameAnswer(named: string): string {
  return `Our AI policies don't mention "${named}", so I can't help with it: I answer questions about our AI policies only. If you think they should cover it, I can pass your question to the governance team.`;
}

/** Why a question about how another body works is declined. */
export function otherBodyAnswer(body: string): string {
  return `Our AI policies don't say how the ${body} works, so I can't tell you: I answer questions about our AI policies only. Its own terms of reference will; if you think the AI policies should cover it, I can pass your question to the governance team.`;
}
