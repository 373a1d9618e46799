// The sentence shapes and general words the first-message rules look for. Each test takes text
// already made plain (lower case, no punctuation except ? ' -).

/** Lower case, plain apostrophes, single spaces, without the punctuation around words. */
export function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9'?\s-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

type TextTest = RegExp | ((text: string) => boolean);
const any = (...tests: TextTest[]) => (text: string) => tests.some((test) => (test instanceof RegExp ? test.test(text) : test(text)));

// --- Openings that say nothing about what is wanted ------------------------------------------

const greeting = String.raw`(hi|hello|hey|hiya|heya|yo|howdy|morning|good (morning|afternoon|evening|day)|greetings)`;
const thanks = String.raw`(thanks|thank you|thx|ty|cheers|ta|much appreciated|great thanks|ok thanks|perfect thanks)`;

const greetingOpening = new RegExp(String.raw`^\s*${greeting}( there| all| team| bot| aims)?\s*[,!.:-]+\s*(?=\S)`, "i");

/** "Hi bot, can I …": the greeting goes, the rest is the message. */
export function withoutOpening(text: string): string {
  return text
    .replace(greetingOpening, "")
    .replace(/^\s*(quick question|quick q|question|q|one question|a question)\s*[:,-]+\s*/i, "")
    .replace(/^\s*(i'm|im|i am) new( here| to this)?\s*[,!.:-]+\s*(?=\S)/i, "");
}

/** "show me open incidents" → "open incidents", "help please" → "help": how people wrap a command. */
export function withoutPoliteShow(text: string): string {
  return text
    .replace(/[\s,]+(please|pls|plz|thanks|thank you|thx|ta)[\s.!]*$/i, "")
    .replace(/^\s*(where|how) (can|do) i (see|view|find|list)\s+/i, "")
    .replace(/^\s*(i want to|i'd like to|let me) (see|view|list)\s+/i, "")
    .replace(/^\s*(please |pls |can you |could you )?(show|list|give|get|display|view|open|pull up)( me)?( (the|all|our))?\s+/i, "")
    .replace(/^\s*(this week's|this weeks|the latest|latest|the current|current)\s+/i, "");
}

/**
 * "what systems do I own", "what training do I have to do", "what are my actions": a question about
 * the person's own records, as the "my …" command it names ("my systems"), for the caller to look up.
 */
export function asOwnRecordsCommand(text: string): string | null {
  const typed = text.toLowerCase().replace(/[?.!]+\s*$/, "").trim();
  const owned = /^(what|which) ([a-z]+( [a-z]+)?) (do|have|am) i (own|have|run|manage|look after|got|(need|have) to (do|complete|finish|take)|assigned)( to)?( do)?$/.exec(typed);
  if (owned) return `my ${owned[2]}`;
  const mine = /^(what are|what's|whats|where are|where're) my ([a-z]+( [a-z]+)?)$/.exec(typed);
  return mine ? `my ${mine[2]}` : null;
}

/** A question about the bot itself: "what can you actually do?", "how do I use this bot?". */
export const asksWhatTheBotDoes = any(
  /^(what|how) (can|could|do|will) (you|u|this bot|the bot|this assistant|aims) (actually |really |even )?(do|help)( me)?( with)?( for me)?\??$/,
  /^how (do|can|should) (i|we) (use|work with|talk to|get started with) (you|u|this|it|this bot|the bot|this assistant|the assistant|aims)\??$/,
  /^(what do you do|what are you( for)?|who are you|what is this|what's this|what is this bot|what can i do here)( exactly| then| actually| again)?\??$/,
  /^what does (this bot|the bot|this|it|aims|this assistant|this thing) (actually |even |exactly )?do\??$/,
  /^what (sort|sorts|kind|kinds|type|types) of (things|stuff|questions) can (you|u|this bot|the bot|aims) (do|answer|help( me)?( with)?)\??$/,
);

const opensWithThanks = new RegExp(String.raw`^${thanks}\b`);

export const isSmallTalk = any(
  new RegExp(String.raw`^${greeting}( there| all| team| bot| aims| again)?$`),
  new RegExp(String.raw`^${thanks}( (so|very) much| a lot| for (that|the help|your help))?( bot| aims)?$`),
  // "thanks, that helped", "cheers, all sorted": thanks with a few words and no request in them.
  (text) => opensWithThanks.test(text) && text.split(" ").length <= 6 && !/\?$/.test(text),
  /^(menu|start|get started|hello\?|hi\?)$/,
  asksWhatTheBotDoes,
);

// --- Question form ---------------------------------------------------------------------------

const questionStart = /^(can|may|could|should|shall|must|do|does|did|is|are|am|was|were|will|would|have|has|what|whats|what's|wat|which|who|whom|whose|when|where|why|how|if|any)\b/;
const askingCues = /^(i'm not sure|im not sure|i am not sure|i was wondering|i wonder|i'd like to know|i would like to know|i want to know|tell me|explain|clarify|help me understand|please explain|remind me|not sure (if|whether)|wondering)\b/;

/** Opens as a question ("can I …", "I was wondering …"), rather than a statement with a question after it. */
export const startsAsQuestion = (text: string) => questionStart.test(text) || askingCues.test(text);

export const isQuestion = (text: string) => /\?\s*$/.test(text) || questionStart.test(text) || askingCues.test(text) || /\b(is that|is it|are we|am i) (allowed|ok|okay|fine|permitted)\b/.test(text);

/** Questions that are requests to do something now: "how do I register …", "can you help me add …". */
export const isRequestQuestion = (text: string) =>
  /^(how (do|can|should) (i|we)|where (do|can|should) (i|we)|can you|could you|would you|can i get you to|(can|could|may) (i|we) (add|register|put|get|enter|log|record))\b/.test(text) ||
  /\bwhat do (i|we) need to (register|add|record)\b/.test(text) ||
  // "I built a classifier, how do I get it registered?": the request after what the person did.
  /\b(how|where) (do|can|should) (i|we) (get|have) (it|this|that|them) (registered|added|recorded|listed)\b/.test(text);

// --- Wishes ------------------------------------------------------------------------------------

const desire = String.raw`(i want to|i wanna|i'd like to|i would like to|i need to|we need to|need to|we want to|i have to|we have to|let me|let's|please|pls|can you|could you|help me|how (do|can|should) (i|we)|where (do|can|should) (i|we)|how to|i'm here to|im here to|trying to)`;

const reportVerb = String.raw`(report|raise|log|file|open|submit|flag)`;
const problemNoun = String.raw`(incident|issue|problem|bug|concern|complaint)`;

/** The person tells of owning or bringing in a system: "we built …", "my team is rolling out …". */
export const speaksAsOwner = (text: string) => firstPersonOwner.test(text);

const asksHowToReportWhat = new RegExp(String.raw`^(how|where) (do|can|should|would) (i|we) ${reportVerb} (that|this|it|when|how|something|what)\b`);

export const wantsToReportIncident = any(
  // "how do I report that the HR chatbot gave wrong advice?": what is reported follows.
  (text) => asksHowToReportWhat.test(text) && describesSomethingGoneWrong(text),
  new RegExp(String.raw`^(${desire} )?${reportVerb} (an? |the |this |that |another )?(ai |new |possible |potential |serious )?${problemNoun}\b`),
  new RegExp(String.raw`\b${desire} ${reportVerb} (an? |the |this |that )?(ai |possible |potential )?${problemNoun}\b`),
);

const registerVerb = String.raw`(regist(er|ered|r|ering|ration|re)|enrol(l|led|ling)?|onboard(ed|ing)?)`;
const addVerb = String.raw`(add|put|record|enter|list|get|go|log|include)`;
const inventoryNoun = String.raw`(inventory|register|registry|catalogue|catalog|list of ai systems)`;

export const wantsToRegister = any(
  new RegExp(String.raw`^${registerVerb}\b`),
  new RegExp(String.raw`\b${desire} ${registerVerb}\b`),
  new RegExp(String.raw`\b${desire}( \S+){0,2} ${registerVerb}\b`),
  new RegExp(String.raw`\b${addVerb}\b( \S+){0,6} (to|on|in|into|onto) (the|our)( ai)? ${inventoryNoun}\b`),
  new RegExp(String.raw`\b(where|how) (do|can|should) (i|we) (record|add|log|enter) (it|this|that|them)\b`),
  // "new AI system to register", "another tool for registration"
  new RegExp(String.raw`\b(new|another|an?) (\S+ ){0,2}(system|tool|model|bot|chatbot|app|service|product) (to|for|that needs|needing) (be )?${registerVerb}\b`),
);

export const wantsToReportShadowAi = any(/\bshadow (ai|it)\b/, /\b(report|flag) (an? )?(unregistered|unapproved|unauthori[sz]ed) (ai|tool|app|system)/);

// --- Statements --------------------------------------------------------------------------------

const aiNoun = String.raw`(ai|tool|system|automated|auto-generated|a\.i|model|models|bot|bots|chatbot|chat bot|assistant|copilot|algorithm|algo|classifier|engine|screener|parser|summari[sz]er|generator|forecast|forecasting|prediction|predictions|predictor|scoring|scores|score|recommender|recommendations|detector|detection|triage|moderation|ocr|llm|gpt|chatgpt|agent|automation|transcriber|transcription|translator|translation|matcher|ranker|ranking|outputs|output)`;
const toolNoun = String.raw`(ai|gpt|chatgpt|copilot|llm|chatbot|tool|app|application|extension|plugin|plug-in|add-in|addin|add-on|addon|website|site|service|bot|assistant|translator|notetaker|note-taker|generator|platform|software|personal (\S+ )?(account|subscription|login))`;
const otherPeople = String.raw`(someone|somebody|people|person|staff|colleagues?|coworkers?|co-workers?|team|teams|department|dept|folks|they|he|she|employees?|contractors?|interns?|developers?|devs|engineers?|agency|vendor|supplier|recruiters?|managers?|my manager|my boss|sales|marketing|legal|finance|hr|support|procurement|design|ops|operations|everyone|analysts?)`;
const useVerb = String.raw`(using|uses|use|used|run|runs|put|puts|putting|feed|feeds|send|sends|sending|paste|upload|installed|installing|pasting|pastes|pasted|uploading|uploads|feeding|relying on|running|runs|signed up for|subscribed to|records|recording|trying out|started using|has started using|have started using)`;
const unapproved = /\b((nobody|no one|noone|never|not been|hasn't been|wasn't|isn't|aren't|not) (ever )?(approved|signed off|reviewed|registered|vetted|authori[sz]ed|cleared)|(nobody|no one|noone) (asked|told|checked with|cleared it with)|(hasn't|has not|haven't|have not|wasn't|was not|never) (been )?(through|past) (governance|security|procurement|compliance|review|approval|it)|un(approved|registered|authori[sz]ed|sanctioned|vetted|official)|not (on|in) the (approved list|inventory|register)|isn't (on|in) the (approved list|inventory|register)|without (approval|permission|telling anyone|asking|sign-off|a review)|nobody (knows|signed off)|off the books)\b/;
const sighting = /\b(i |i've |ive |we )?(saw|seen|noticed|spotted|caught|found out|heard|discovered|came across)\b/;

/** What a sighting of someone else's tool is made of. */
const sighted = {
  tool: new RegExp(String.raw`\b${toolNoun}\b`),
  othersUsingATool: new RegExp(String.raw`\b${otherPeople}\b.{0,60}\b${useVerb}\b( \S+){0,6}? ${toolNoun}\b`),
  toolInUse: new RegExp(String.raw`\b${toolNoun}\b.{0,40}\b(being used|in use|used by)\b`),
  aiAsSubject: new RegExp(String.raw`^(the |our |my )?${aiNoun}\b`),
  seenInUse: new RegExp(String.raw`${sighting.source}.{0,70}\b(${toolNoun}|${useVerb})\b`),
  othersUsing: new RegExp(String.raw`\b${otherPeople}\b.{0,30}\b${useVerb}\b`),
};

/** Someone else using a tool, or a tool in use without approval: "someone in finance is using an AI add-in nobody approved". */
export function isToolSighting(text: string): boolean {
  const mentionsTool = sighted.tool.test(text);
  const othersUseTool = sighted.othersUsingATool.test(text);
  const toolInUse = sighted.toolInUse.test(text);
  const aboutWhatAiDid = sighted.aiAsSubject.test(text) || startsWithAiSubject(text);
  const seen = !aboutWhatAiDid && sighted.seenInUse.test(text);
  const othersUse = sighted.othersUsing.test(text);
  if (unapproved.test(text) && (othersUseTool || othersUse || toolInUse || (mentionsTool && !firstPersonOwner.test(text)))) return true;
  return (othersUseTool && !aboutWhatAiDid) || seen;
}

const firstPersonOwner = /\b(we've (bought|built|developed|made|licensed|purchased|launched)|(i'm|i am) (going to be|about to be) the (\S+ )?owner|(my|our|the) (\S+ )?(team|department|group) (is|are) (about to )?(roll out|rolling out|launching|building|deploying|piloting|buying|introducing)|(i'm|im|i am) the (\S+ )?(owner|lead|manager) (of|for)|i('m| am) responsible for|i look after|we're about to|we are about to|we're going live|we are going live|i'm about to|i am about to|i own|we own|i built|we built|i've built|we've built|our team (built|made|developed|owns)|we (have|bought|developed|made|are launching|are building|are deploying|just bought|just built|launched)|we're (launching|building|deploying|rolling out|buying)|i'm (launching|building)|i am (launching|building)|my team (built|owns|made))\b/;

/** "I own a recommendation engine that isn't in the inventory yet", "we built a model, where do I record it". */
export const ownsUnlistedSystem = (text: string) =>
  firstPersonOwner.test(text) && /\b(inventory|register|registered|registry|recorded|record it|add it|isn't (listed|registered)|not (listed|registered) yet|needs? (to (go|be added|be registered)|registering|registration|adding))\b/.test(text);

const pastVerb = /\b(\w{3,}ed|told|gave|sent|made|said|showed|shown|took|wrote|put|got|went|began|drew|ran|kept|let|paid|sold|spent|left|lost|hit|cut|brought|bought|thought|chose|found|read|saw|broke|stole|leaked|fell|forgot|gotten|given|shared|seen)\b/;
const goneWrong = /\b(wrong|off|incorrect|inaccurate|bias\w*|unfair\w*|discriminat\w*|offensive|inappropriate|racist|sexist|toxic|harmful|dangerous|unsafe|leak\w*|breach\w*|expos\w*|disclos\w*|reveal\w*|made up|making up|invent\w*|hallucinat\w*|fake|misread\w*|mislabel\w*|misclassif\w*|broken|broke|crash\w*|fail\w*|stopped|keeps|kept|weird|strange|odd|garbage|nonsense|insult\w*|rude|complain\w*|error\w*|mistake\w*|glitch\w*|bug|bugs|injection|jailbreak\w*|drift\w*|since|anymore|every|all|copied|plagiari\w*|went wrong|goes wrong|gone wrong)\b/;
const progressive = /\b(is|are|was|were|has been|have been|keeps|kept|started|starts) \w+ing\b/;

const namesAi = new RegExp(String.raw`\b${aiNoun}\b`);

/** "the CV screener rejected every applicant over 50": an AI system did (or keeps doing) something. */
export function describesSomethingGoneWrong(text: string): boolean {
  if (/\b(something|it|things?|stuff) (went|has gone|is going|goes) wrong\b/.test(text)) return true;
  const count = text.split(/\s+/).length;
  if (count < 4) return false;
  const aboutAi = namesAi.test(text);
  if (!aboutAi) return /\b(leak\w*|breach\w*|hallucinat\w*|injection|jailbreak\w*|discriminat\w*)\b/.test(text);
  return pastVerb.test(text) || progressive.test(text) || goneWrong.test(text) || startsWithAiSubject(text);
}

/** The sentence is about what an AI system does: "the resume parser drops …", "our bot answers …". */
const aiAsSubjectOfAVerb = new RegExp(String.raw`^((i think|i believe|fyi|heads up|so|looks like|seems) )?(the |our |my |this |that |a |an )?(\S+ ){0,3}${aiNoun} \w+(s|ing|ed)\b`);
const startsWithAiSubject = (text: string) => aiAsSubjectOfAVerb.test(text);

/** "…, is that allowed?", "…wondered if our policy says anything about…". */
export const asksWhatIsAllowed = (text: string) =>
  /\b(allowed|alright|all right|ok|okay|fine|permitted|acceptable|compliant|legal)\??$/.test(text) || /\b(wonder\w*|policy|policies|rules?|guidance|guidelines?|allowed|permitted)\b/.test(text);

export const isPolicyTopic = (text: string) => /\b(policy|policies|rules?|guidance|guidelines?|allowed|permitted|acceptable use|procedure|process for|requirements?)\b/.test(text);

/** More than the bare request: a few words of what happened. */
export const hasDetail = (text: string) => text.split(/\s+/).length >= 6;
