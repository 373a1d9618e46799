// What kind of question a message is, by its form rather than its topic: a question about what
// people may, must or should do (a rule, a permission, a duty, what to do in a situation) is the
// kind an AI policy answers, even when it names no AI and shares little wording with the rule
// ("a patient asked me if a computer decided their referral, what do I say?"). A question after a
// fact or an errand ("how do I update a patient's address?", "how long is the cooling-off period?")
// is answered by a policy only when a section says most of it.

const permission = /\b(allowed|permitted|forbidden|banned|prohibited|ok|okay|fine|alright|acceptable|required|mandatory|compulsory|supposed|obliged)\b/i;
/** "How can I…" asks for a way to do something, as "how do I…" does, not whether it is allowed. */
const modal = /(?<!\bhow\s)\b(can|could|may|must|should|shall|ought|need to|needs to|have to|has to|had to|got to)\b/i;
const whatToDo = /\bwhat (do|should|must|would|can) (i|we|you|they)\b.{0,20}\b(do|say|tell)\b|\bwhat now\b|\bwhat happens\b|\bwhat if\b|\bwho (do|should|can) (i|we)\b/i;

/** "What does our policy say about…", "what do the rules require": asking for the rule itself. */
const whatTheRulesSay = /\b(polic(y|ies)|rules?|standards?|guidance|guidelines?|procedures?|handbook)\s+(say|says|said|state|states|require|requires|allow|allows|permit|permits|apply|applies)\b/i;

/** Whether the question asks what people may, must or should do, what the rules say, or what to do or what happens in a situation. */
export function asksAboutConduct(question: string): boolean {
  return permission.test(question) || modal.test(question) || whatToDo.test(question) || whatTheRulesSay.test(question);
}

/** Whether the question speaks of the organisation and its people ("we", "our clients", "do staff…"), not of the asker alone. */
export function speaksOfTheOrganisation(question: string): boolean {
  return theOrganisationAndItsPeople.test(question);
}
const theOrganisationAndItsPeople = /\b(we|our|us|here|company|firm|trust|organi[sz]ation|team|staff|employees?|colleagues?|managers?|contractors?|interns?|volunteers?|clients?|customers?|patients?|students?|work)\b/i;
