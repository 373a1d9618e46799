// People ask about AI policy in everyday words ("paste", "ChatGPT", "boss", "turn down") while the
// policies use formal ones ("enter", "public generative AI tool", "manager", "reject"). Full-text
// search only finds words a passage shares with the question, so this small thesaurus maps common
// everyday words and phrases to the words policies use. It stays general: an entry belongs here
// because policies commonly say the thing the formal way, not because one question needs it.

/** "customer info", "client details", …: what policies call personal data. */
function personalData(whose: string[], what: string[]): Record<string, string[]> {
  return Object.fromEntries(whose.flatMap((who) => what.map((thing) => [`${who} ${thing}`, ["personal", "data"]])));
}

/**
 * Everyday word or phrase → policy words that mean the same. Both sides are stemmed when used, so
 * "leak" also covers "leaked" and "leaks", and "sign off" covers "signed off". A phrase wins over
 * its single words.
 */
export const synonyms: Record<string, string[]> = {
  // AI tools by product or nickname.
  chatgpt: ["public", "generative", "ai", "tool"],
  gpt: ["generative", "ai"],
  gemini: ["public", "generative", "ai"],
  claude: ["public", "generative", "ai"],
  genai: ["generative", "ai"],
  llm: ["generative", "ai", "model"],
  copilot: ["ai", "assistant"],
  bot: ["ai", "tool"],
  chatbot: ["ai", "assistant"],
  midjourney: ["ai", "image", "generator"],
  "artificial intelligence": ["ai"],

  // Chat shorthand for everyday work words.
  mgr: ["manager"],
  mgmt: ["management", "manager"],
  dept: ["department"],
  perf: ["performance"],
  diff: ["difference"],
  govt: ["government"],
  ppl: ["people", "staff"],
  msg: ["message"],
  approx: ["approximately"],

  // Putting data into a tool.
  paste: ["enter", "input"],
  dump: ["enter", "input"],
  upload: ["enter", "input"],
  type: ["enter", "input", "prompt"],
  feed: ["enter", "input"],
  put: ["enter", "input"],
  give: ["enter", "input"],
  info: ["information", "data"],
  ...personalData(["customer", "client", "personal"], ["data", "info", "information", "details"]),
  client: ["customer"],
  policyholder: ["customer"],
  buyer: ["customer"],
  purchaser: ["customer"],
  shopper: ["customer"],
  // Data protection's short forms, which policies as often spell out.
  pii: ["personal", "data"],
  dpia: ["dpia", "data", "protection", "impact", "assessment"],
  dpo: ["dpo", "data", "protection", "officer"],
  dsar: ["subject", "access", "request"],

  // Data going where it should not.
  leak: ["disclose", "expose", "exposure", "breach"],
  share: ["disclose", "share"],
  fake: ["synthetic"],
  dummy: ["synthetic"],
  "made up": ["synthetic", "invented"],
  erase: ["delete", "deletion", "erasure"],
  forget: ["delete", "erasure"],
  keep: ["retention", "kept"],
  kept: ["retention", "keep"],
  chat: ["conversation", "prompt"],
  store: ["retention", "kept"],
  abroad: ["outside", "transfer"],
  overseas: ["outside", "transfer"],

  // People.
  boss: ["manager"],
  colleague: ["staff", "employee"],
  worker: ["staff", "employee"],
  human: ["person", "human"],
  supplier: ["vendor", "supplier"],
  vendor: ["vendor", "supplier"],
  contractor: ["contractor", "supplier"],
  dev: ["developer", "engineer", "code"],
  "job seeker": ["candidate", "applicant"],
  jobseeker: ["candidate", "applicant"],
  applicant: ["applicant", "candidate"],
  hire: ["hiring", "recruitment"],
  cv: ["recruitment", "candidate"],
  resume: ["recruitment", "candidate"],
  older: ["age"],
  younger: ["age"],
  age: ["age", "protected", "characteristic"],
  sex: ["sex", "protected", "characteristic"],
  gender: ["sex", "protected", "characteristic"],
  race: ["ethnicity", "protected", "characteristic"],
  ethnicity: ["ethnicity", "protected", "characteristic"],
  religion: ["religion", "protected", "characteristic"],
  disability: ["disability", "protected", "characteristic"],

  // When a body meets, by the words people use for it.
  "get together": ["meet", "meeting"],
  convene: ["meet", "meeting"],
  // What a system offers a person, by its everyday names.
  suggestion: ["recommendation", "suggestion"],
  // Staff who are not permanent.
  temp: ["temporary", "agency"],
  // Something going wrong, in everyday words.
  mishap: ["incident"],
  "gone rogue": ["incident", "wrong"],
  "real person": ["person", "human"],

  // Asking for a decision to be looked at again.
  "look again": ["review", "reconsider", "fresh"],
  "someone else": ["different", "another"],
  "second look": ["review", "reconsider", "fresh"],

  // Everyday words for a policy's people, steps and outcomes.
  ring: ["contact", "call", "phone"],
  "say no": ["refuse", "reject", "decision"],
  "way round": ["exception", "exemption"],
  "way around": ["exception", "exemption"],
  penalty: ["disciplinary", "sanction", "consequence"],
  unhappy: ["complain", "complaint"],
  "not happy": ["complain", "complaint"],
  dissatisfied: ["complain", "complaint"],
  dissatisfaction: ["complain", "complaint"],
  backlash: ["retaliation", "protection"],
  shielded: ["protect", "protection"],
  directors: ["board", "director"],
  "look in on": ["check", "checks", "visit"],
  "how frequently": ["often", "frequency"],
  instance: ["example"],
  "sounding like": ["voice", "impersonate", "scam"],
  "how many members": ["quorum", "quorate", "members"],
  hopeful: ["candidate", "applicant"],
  sift: ["screen", "screening"],
  "playing up": ["problem", "fault", "help", "support"],
  departure: ["exception", "exemption"],
  departures: ["exception", "exceptions", "exemption"],
  veto: ["reject", "refuse", "decision", "decisions"],
  "watch over": ["oversight", "oversee", "monitor"],
  "keeps watch": ["oversight", "oversee", "monitor"],
  "keep watch": ["oversight", "oversee", "monitor"],
  supervising: ["oversight", "oversee", "supervise"],
  supervises: ["oversight", "oversee", "supervise"],

  // Who belongs to a body: "who sits on the panel", "a seat at the table".
  "sit on": ["member", "membership"],
  "seat on": ["member", "membership"],
  "seat at the table": ["member", "membership"],

  // Being named an author ("co-author") is what policies call authorship.
  author: ["author", "authorship"],

  // Whom a policy is for: "does it apply to me" is answered by its scope ("Who it covers").
  apply: ["apply", "cover", "scope"],

  // Approving, checking and recording.
  "sign off": ["approve", "approval"],
  allowed: ["permitted", "approved"],
  check: ["check", "review"],
  verify: ["check", "review"],
  "write down": ["record", "register", "document"],
  "look into": ["investigate", "investigation"],
  "look at": ["see", "access"],
  read: ["see", "access"],
  view: ["see", "access"],
  bought: ["purchased", "buy"],
  buy: ["purchased", "procurement"],
  "built in": ["feature", "inside"],
  embedded: ["feature", "inside"],
  "on its own": ["automated", "automatic"],
  automatically: ["automated", "automatic"],
  "go out": ["send", "sent"],
  "turn down": ["reject", "decline"],
  deny: ["reject", "decline", "refuse"],
  contract: ["contract", "agreement"],
  "into account": ["input", "factor"],
  premium: ["premium", "pricing"],
  repo: ["source", "code"],
  course: ["training", "learning"],

  // Problems and what follows them.
  wrong: ["incorrect", "inaccurate", "error"],
  hallucination: ["invented", "incorrect", "inaccurate"],
  unfair: ["bias", "discriminatory", "unfavourably"],
  discriminate: ["bias", "discriminatory"],
  racist: ["bias", "discriminatory"],
  sexist: ["bias", "discriminatory"],
  shift: ["drift", "change"],
  // Something done by mistake that cannot be undone is reported: policies put it under incidents.
  accidentally: ["report"],
  "by mistake": ["report"],
  "by accident": ["report"],
  realise: ["report"],
  realize: ["report"],
  urgent: ["severity"],
  "top priority": ["severity", "critical"],
  "high priority": ["severity", "high"],
  "how quickly": ["deadline", "time", "within"],
  "how fast": ["deadline", "time", "within"],
  "how soon": ["deadline", "time", "within"],
  "how often": ["often", "frequency"],
  "stop the damage": ["contain", "containment"],
  serious: ["severity"],
  critical: ["critical", "severity"],
  tell: ["report", "inform"],
  raise: ["raise", "report", "concern"],
  flag: ["report", "raise"],
  worry: ["concern"],
  "switch off": ["suspend", "disable"],
  "turn off": ["suspend", "disable"],
  "shut down": ["suspend", "disable"],
  pause: ["suspend"],
  fix: ["correct", "corrective"],
  underlying: ["root", "cause"],
  break: ["breach"],
  violate: ["breach"],
  contravene: ["breach"],
  flout: ["breach"],
  ignore: ["breach"],
  disregard: ["breach"],
  "non compliance": ["breach", "comply"],
  noncompliance: ["breach", "comply"],
  // Work words people use for what policies name formally: shipping is a release, a benchmark an
  // evaluation, a job ad recruitment, a trial a pilot, being on the hook responsibility, not wanting
  // to be known anonymity. ("Post-mortem" is left out: every incident has one, an AI incident or not.)
  ship: ["release", "launch"],
  "go live": ["release", "launch"],
  "roll out": ["release", "launch", "deploy"],
  benchmark: ["evaluation", "evaluate", "test"],
  vacancy: ["recruitment", "hiring", "job"],
  "job ad": ["recruitment", "hiring", "advert"],
  "job advert": ["recruitment", "hiring", "advert"],
  "job posting": ["recruitment", "hiring", "advert"],
  "try out": ["trial", "pilot", "evaluate"],
  "on the hook": ["responsible", "accountable", "liable"],
  // AI described rather than named (policyDomain.ts, describesAi): what a machine produced is what the policies call AI-generated.
  "by a machine": ["ai", "generated"],
  "by a computer": ["ai", "generated"],
  "by the computer": ["ai", "generated"],
  "by a robot": ["ai", "generated"],
  liable: ["responsible", "accountable", "liable"],
  anonymously: ["anonymous", "confidential"],
  "without them knowing": ["anonymous", "confidential"],
  "dont want them to know": ["anonymous", "confidential"],
  "without anyone knowing": ["anonymous", "confidential"],

  // Leave from a rule, a challenge to a decision, by the names people give them.
  waiver: ["exception", "exemption"],
  exempt: ["exception", "exemption"],
  dispensation: ["exception", "exemption"],
  derogation: ["exception", "exemption"],
  contest: ["appeal", "challenge"],
  challenge: ["appeal", "challenge"],
  overturn: ["appeal", "challenge"],
  verdict: ["decision"],
  "green light": ["approve", "approval"],
  greenlight: ["approve", "approval"],
  trouble: ["disciplinary", "retaliation"],
  punish: ["disciplinary", "retaliation", "sanction"],
  sack: ["dismissal", "disciplinary"],
};

/**
 * Phrases whose words mean something else together, replaced by the policy words rather than
 * added to: "my personal ChatGPT" is a personal account, not personal data, so the word
 * "personal" alone must not pull in every section about personal data.
 */
export const replacingPhrases: Record<string, string[]> = {
  "my personal": ["account", "own", "private", "personal"],
  "my own": ["own", "account", "private"],
  "your personal": ["account", "own", "private", "personal"],
  "your own": ["own", "account", "private"],
  // "Who do I tell?" asks where to report, not about telling customers; "what happens to me if…"
  // asks about the consequences, not about a section headed "What happens after…".
  "who do i tell": ["report", "inform"],
  "who should i tell": ["report", "inform"],
  "who do we tell": ["report", "inform"],
  "what happens to me": ["consequences", "disciplinary"],
  "what happens to us": ["consequences", "disciplinary"],
  "what happens to someone": ["consequences", "disciplinary"],
  "what happens to anyone": ["consequences", "disciplinary"],
  "what happens to staff": ["consequences", "disciplinary"],
  "what happens to people": ["consequences", "disciplinary"],
};
