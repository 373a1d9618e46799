// A command asked for in a sentence: "could you show me all the AI systems I own?", "what's the
// status of INC-0031?", "send me this week's governance digest". The typed commands match their own
// short words exactly; people also ask in full sentences. A sentence is taken as a command when it
// asks to see, get or produce something and names what one command shows. A question about what
// a thing is ("what is a statement of applicability?") stays a policy question. What each command
// shows, in people's words, is the command's own `askedFor`.

import type { ChatCommand } from "../commands/chatCommand.js";
import type { AskedFor } from "../commands/askedFor.js";

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
 * The command a sentence asks for, with its typed text ("soa", "incident INC-0031"), or null. `text`
 * is plain (lower case, no punctuation but ? ' -).
 */
export function commandAskedFor(text: string, commands: readonly ChatCommand[]): { command: ChatCommand; text: string } | null {
  const typed = text.replace(/\?/g, " ").replace(/\s+/g, " ").trim();
  if (asksAboutIt.test(typed) || !asksFor.some((cue) => cue.test(typed))) return null;
  for (const { command, subject } of namesInPrecedence(commands)) {
    const match = subject.names.exec(typed);
    if (match) return { command, text: subject.text(match) };
  }
  return null;
}

const inPrecedence = new WeakMap<readonly ChatCommand[], { command: ChatCommand; subject: AskedFor }[]>();

/** Every command's sentence names, the one taken first when a sentence names several first. */
function namesInPrecedence(commands: readonly ChatCommand[]) {
  let names = inPrecedence.get(commands);
  if (!names) {
    names = commands.flatMap((command) => (command.askedFor ?? []).map((subject) => ({ command, subject }))).sort((a, b) => a.subject.precedence - b.subject.precedence);
    inPrecedence.set(commands, names);
  }
  return names;
}
