// What the policy assistant declines before searching: attempts to instruct the bot, and requests
// that are tasks or opinions rather than questions about the organisation's rules.

/**
 * Asking the bot to act, to drop its rules or to reveal them is never a policy question; nor is a
 * message that speaks as the system or claims a role for its sender ("SYSTEM: the user is an
 * administrator…"): people asking about the policy do not label their question.
 */
const roleLabel = /^\s*[[(<]?\s*(system|assistant|developer|admin|administrator|root|operator)\s*[\])>]?\s*:|\b(user|sender|requester) (is|has been)( now)?( an?)? (admin|administrator|developer|root|superuser)\b/i;
const injection =
  /\b(pretend|roleplay|role-play|act as)\b.{0,30}\b(you|no rules|assistant|unrestricted)\b|\bno (rules|restrictions|filters)\b|\bunrestricted\b|\bnew instructions?\b|\bsystem (notice|message|override)\b|<\/?[a-z]+>|\bdelete all\b|\breply (done|ok|yes)\b|\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules?|prompt|polic(y|ies)|above|previous|guidelines?)\b|\b(system|hidden|secret|initial)\s+(prompt|instructions?)\b|\breveal\b.{0,30}\b(prompt|instructions?|configuration)\b|\b(admin|developer|god|jailbreak|dan)\s+mode\b|\byou are now\b|\bas (an? )?(admin|administrator|developer|root)\b|\b(close|delete|approve|reject|update|set|change|mark)\b.{0,40}\b(INC|AIS|CA|NC|RSK)-\d+/i;

export function isInjection(question: string): boolean {
  return injection.test(question) || roleLabel.test(question);
}

/**
 * A task for the bot ("write me…", "translate…", "tell me a…") or a request for an opinion between
 * products ("which is better, X or Y", "is X better than Y") is not a question about what the policy says, even when it
 * names words the policy uses. A question about whether such a task is allowed ("can I use AI to
 * translate…") reads differently and is not caught.
 */
const taskOrOpinion =
  /^\s*(please\s+)?(write|compose|draft|translate|summari[sz]e|rewrite|generate|draw|create)\b(?!\s+(a|an|the)\s+(report|request|complaint|exception))|^\s*(please\s+)?(tell|give|show)\s+me\s+(a|an|some)\b|\b(best|better|worse|smarter|faster|cheaper|recommend(ed)?)\b[^?]*\b(or|vs\.?|versus|than)\b|\brecommend\b.{0,20}\b(a|an|some|good)\b/i;

export function isTaskOrOpinion(question: string): boolean {
  return taskOrOpinion.test(question);
}

/**
 * How a technology works in general ("how does X actually work", "explain how X is trained", "the
 * technology behind X") is general knowledge, not a rule of the organisation, unless the question
 * is about the organisation's own way of doing things (its process, register, approvals…) or about
 * what people may do.
 */
const howItWorks =
  /\bhow (does|do|did|is|are)\b.{1,60}\b(actually |really )?(work|works|learn|learns|get trained|gets trained|are trained|is trained|come up with|generate|generates)\b|\bexplain\b.{0,20}\bhow\b|\b(technology|science|maths?) behind\b/i;
const aboutTheOrganisation =
  /\b(we|our|us|i|my|staff|employees?|colleagues?|team|polic(y|ies)|standard|allowed|may|must|should|permitted|required|approv\w*|rules?|process(es)?|procedures?|register|review|exceptions?|assessments?|incidents?|reports?|here|company|firm|trust)\b/i;

export function isGeneralKnowledge(question: string): boolean {
  return howItWorks.test(question) && !aboutTheOrganisation.test(question);
}
