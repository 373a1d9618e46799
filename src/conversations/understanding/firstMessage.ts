// What a person wants from the first message they type outside any conversation. Offline rules
// built on sentence structure (question form, a report of what something did, a tool seen in use,
// a wish to add a system) and general vocabulary, so they work without a language model.
import type { ChatCommand } from "../commands/chatCommand.js";
import { findCommand } from "../commands/chatCommand.js";
import * as words from "./routingVocabulary.js";
import { plain } from "./routingVocabulary.js";
import { commandAskedFor } from "./commandRequests.js";
import { commandFor } from "./midFlow.js";

export type Route = "ask_policy" | "report_incident" | "register_system" | "report_shadow_ai" | "capabilities" | "clarify" | `command:${string}`;

export type Understanding =
  | { route: "command"; command: ChatCommand; text: string }
  | { route: "ask_policy"; question: string }
  | { route: "report_incident"; description: string | null }
  | { route: "register_system" }
  | { route: "report_shadow_ai"; description: string | null }
  | { route: "capabilities" }
  | { route: "clarify" };

/** The route's name as the routing evaluation scores it. */
export function routeName(understanding: Understanding): Route {
  if (understanding.route !== "command") return understanding.route;
  return (understanding.command.route ?? `command:${understanding.command.name}`) as Route;
}

export function understandFirstMessage(text: string, commands: readonly ChatCommand[]): Understanding {
  const original = text.trim();
  const typed = plain(words.withoutOpening(original));
  if (typed === "" || typed === "?") return { route: "clarify" };
  const ownRecords = words.asOwnRecordsCommand(typed);
  const shown = commandFor(original, commands);
  const command = findCommand(words.withoutPoliteShow(original), commands) ?? (shown ? findCommand(shown, commands) : null) ?? (ownRecords ? findCommand(ownRecords, commands) : null);
  if (command) return { route: "command", command: command.command, text: command.text };
  if (words.isSmallTalk(typed) || isSmallTalkWithAside(original)) return { route: "capabilities" };
  const asked = commandAskedFor(typed, commands);
  if (asked && !words.wantsToReportIncident(typed)) return { route: "command", command: asked.command, text: asked.text };
  return understandSentence(original, typed);
}

/** "how do I use this bot? never used it before", "I've just joined the team - how do I use this bot?". */
function isSmallTalkWithAside(original: string): boolean {
  const clauses = words.withoutOpening(original).split(/(?<=[?!.])\s+|\s+-\s+/).map((clause) => plain(clause)).filter(Boolean);
  const about = clauses.findIndex((clause) => words.asksWhatTheBotDoes(clause));
  if (clauses.length < 2 || about < 0) return false;
  const aside = clauses.filter((_, index) => index !== about).join(" ").split(" ");
  return aside.length <= 8;
}

function understandSentence(original: string, typed: string): Understanding {
  const question = words.isQuestion(typed);
  // "Copilot leaked a key into main. How do I report this?": what happened comes first, and decides.
  // Unless the question is whether it is allowed, or what the policy says: that is for the policy.
  const statementFirst = question && !words.startsAsQuestion(typed) && !words.asksWhatIsAllowed(typed);
  const request = !question || statementFirst || words.isRequestQuestion(typed);
  if (request && words.wantsToReportIncident(typed)) return { route: "report_incident", description: words.hasDetail(typed) ? original : null };
  // "…rejecting every applicant over 50. How do I log this?": what went wrong is reported, unless the person tells of owning it.
  const toldWhatWentWrong = statementFirst && words.describesSomethingGoneWrong(typed) && !words.speaksAsOwner(typed);
  if (request && words.wantsToRegister(typed) && !toldWhatWentWrong) return { route: "register_system" };
  if (request && words.wantsToReportShadowAi(typed)) return { route: "report_shadow_ai", description: words.hasDetail(typed) ? original : null };
  if (question && !statementFirst) return { route: "ask_policy", question: original };
  if (words.isToolSighting(typed)) return { route: "report_shadow_ai", description: original };
  if (words.ownsUnlistedSystem(typed)) return { route: "register_system" };
  if (words.describesSomethingGoneWrong(typed)) return { route: "report_incident", description: original };
  if (words.isPolicyTopic(typed) || question) return { route: "ask_policy", question: original };
  return { route: "clarify" };
}
