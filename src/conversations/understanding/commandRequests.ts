// A command asked for in a sentence: "could you show me all the AI systems I own?", "what's the
// status of INC-0031?", "send me this week's governance digest". The typed commands match their own
// short words exactly; people also ask in full sentences. A sentence is taken as a command when it
// asks to see, get or produce something and names what one command shows. A question about what
// a thing is ("what is a statement of applicability?") stays a policy question.

/** What a command shows, in the words people use for it, and the command text that shows it. */
interface CommandSubject {
  command: string;
  names: RegExp;
  /** The command as typed; for a record, built from its reference. */
  text: (match: RegExpExecArray) => string;
}

const reference = (prefix: string) => new RegExp(String.raw`\b${prefix}[-\s]?(\d{1,6})\b`);
const padded = (prefix: string) => (match: RegExpExecArray) => `${prefix}-${match[1]!.padStart(4, "0")}`;
const fixed = (text: string) => () => text;

// Records named by reference first: "the status of INC-0031" is that incident, not the incident list.
const subjects: CommandSubject[] = [
  { command: "incident", names: reference("inc"), text: (match) => `incident ${padded("INC")(match)}` },
  { command: "system", names: reference("ais"), text: (match) => `system ${padded("AIS")(match)}` },
  { command: "nonconformities", names: reference("nc"), text: padded("NC") },
  { command: "risks", names: reference("rsk"), text: padded("RSK") },
  { command: "help", names: /\b(list of (the )?commands|(the |your |available )?commands|what (can|should) i type)\b/, text: fixed("help") },
  { command: "evidence_pack", names: /\b(evidence|audit|auditor'?s?) pack\b/, text: fixed("evidence pack") },
  { command: "gap_report", names: /\bgap (report|analysis)\b/, text: fixed("gap report") },
  { command: "soa", names: /\b(statement of applicability|soa)\b/, text: fixed("soa") },
  { command: "digest", names: /\bdigest\b/, text: fixed("digest") },
  { command: "readiness", names: /\b(readiness|ready for (\S+ )?certification|road to certification|certification progress)\b/, text: fixed("readiness") },
  { command: "nonconformities", names: /\bnon-?conformit(y|ies)\b/, text: fixed("nonconformities") },
  { command: "schedule", names: /\b(internal audit|audit|management review)s?\b/, text: fixed("schedule") },
  { command: "risks", names: /\b(risk register|risks)\b/, text: fixed("risks") },
  { command: "actions", names: /\b(corrective actions|actions)\b/, text: fixed("actions") },
  { command: "training", names: /\btraining\b/, text: fixed("training") },
  { command: "objectives", names: /\b(ai )?objectives\b/, text: fixed("objectives") },
  { command: "suppliers", names: /\b(suppliers|supplier register)\b/, text: fixed("suppliers") },
  { command: "incidents", names: /\bincidents\b/, text: fixed("incidents") },
  { command: "my_systems", names: /\b((ai )?systems|(ai )?inventory)\b/, text: fixed("my systems") },
];

/** Asking to see, get or produce something now, or about one's own records. */
const asksFor = [
  // The verb opens the request ("list all the open incidents", "could you show me…"): "not on any list" asks for nothing.
  /^(please |pls |can you |could you |would you |can u |could u |can i |could i |may i |i want to |i'd like to |i need to |i wanna |let me |help me )?(show|list|see|view|pull up|bring up|open|display|give|get|send|export|generate|produce|download|print|run|check)\b/,
  /\b(show me|give me|send me|get me|pull up|bring up)\b/,
  /\b(status|details|state) (of|on|for)\b/,
  /\b(which|what) .{1,40} (are|is|have been|has been) (assigned to|owned by|given to|due from|on) me\b/,
  /^(are|is) there any (open|new|outstanding|current|active|live|overdue)\b/,
  /\b(happening|going on|latest|update|updates|news|progress) (with|on)\b/,
  /^(anything|any) (overdue|due|open|outstanding|new|pending)\b/,
  /^(what|which) .{0,30} (are there|is there|can i use)\b/,
  /^how (close|far|near) (are we|is the organi[sz]ation)\b/,
  /\b(which|what) .{1,40} do (i|we) (own|have|look after|run)\b/,
  /\b(which|what) .{1,40} (have|do) (i|we) (got|have)\b/,
  /\b(have|did) i (done|do|completed|complete|finished|finish)\b/,
  /\b(schedule|plan|book|set up|arrange)\b.{0,30}\b(audit|review)\b/,
  /\bwhere (can|do) i (find|get)\b/,
];

/** What a thing is, or whether it is required: a question for the policy, not a command. */
const asksAboutIt = /^(what is|what's|whats|what are|explain|why|do we need|do i need|is there|is it|are we required)\b(?!.*\b((status|details|state) (of|on|for)|happening|going on|are there|is there)\b)( an?)?/;

/**
 * The command a sentence asks for, as typed text ("soa", "incident INC-0031"), or null. `text` is
 * plain (lower case, no punctuation but ? ' -).
 */
export function commandAskedFor(text: string): { command: string; text: string } | null {
  const typed = text.replace(/\?/g, " ").replace(/\s+/g, " ").trim();
  if (asksAboutIt.test(typed) || !asksFor.some((cue) => cue.test(typed))) return null;
  for (const subject of subjects) {
    const match = subject.names.exec(typed);
    if (match) return { command: subject.command, text: subject.text(match) };
  }
  return null;
}

/** The command names this table routes to, for checking against the command registry. */
export const commandsAskedForInSentences = [...new Set(subjects.map((subject) => subject.command))];
