// Recognises what someone wants from an opening message, and the commands understood at any step.
// Plain rules on purpose: they work offline and are easy to test; a language model can add to them.
import type { Answers } from "./flowDefinition.js";
import type { Command } from "./messages.js";

export interface Intent {
  flowId: string;
  prefill: Answers;
}

export const flowIds = {
  registerSystem: "register_ai_system",
  reportShadowAi: "report_shadow_ai",
  reportIncident: "report_incident",
} as const;

const registerPattern = /\b(register|add|record|new)\b.*\b(ai\s+)?(system|model|tool|service)\b/i;
const shadowPattern = /\b(shadow ai|seen (an? )?(ai )?tool|(ai )?tool i'?ve seen|unregistered (ai|tool|system)|someone (is )?using)\b/i;
const incidentRequest = /^\s*(i want to |i'd like to |let me |please )?(report|raise|log|file)( an?)?( ai)? (incident|issue|problem)\s*[.!]?\s*$/i;
const incidentWords = /\b(incident|leak(ed|s|ing)?|bias(ed)?|discriminat\w*|wrong(ly)?|harm\w*|unsafe|hallucinat\w*|made up|invent\w*|expos(ed|ing)|breach\w*|reject\w*|inaccurate|incorrect|drift\w*|attack\w*|injection|jailbreak\w*|privacy|offensive|unfair\w*|mistake\w*|error\w*|racist|sexist|toxic|dangerous|misus\w*|denied|refused)\b/i;
const menuPattern = /^\s*(hi|hello|hey|help|menu|start|what can you do\??)\s*[.!]?\s*$/i;

export function detectIntent(text: string): Intent | null {
  const trimmed = text.trim();
  if (trimmed === "" || menuPattern.test(trimmed)) return null;
  if (shadowPattern.test(trimmed)) return { flowId: flowIds.reportShadowAi, prefill: {} };
  if (incidentRequest.test(trimmed)) return { flowId: flowIds.reportIncident, prefill: {} };
  if (registerPattern.test(trimmed) && !incidentWords.test(trimmed)) return { flowId: flowIds.registerSystem, prefill: {} };
  // A sentence describing something that went wrong is the start of an incident report.
  if (incidentWords.test(trimmed) && trimmed.split(/\s+/).length >= 4) {
    return { flowId: flowIds.reportIncident, prefill: { description: trimmed.replace(/^(report( an?)? (ai )?incident:?\s*)/i, "") } };
  }
  return null;
}

const commandWords: Record<string, Command> = {
  back: "back",
  "go back": "back",
  previous: "back",
  skip: "skip",
  "skip it": "skip",
  cancel: "cancel",
  stop: "cancel",
  quit: "cancel",
  discard: "cancel",
  help: "help",
  "?": "help",
  "start over": "start_over",
  restart: "start_over",
  "start again": "start_over",
  continue: "continue",
};

const confirmWords = new Set(["confirm", "save", "yes", "submit", "looks good", "ok", "done"]);

/** A typed command, or null when the text is an answer. At the review summary, "save" and "edit 3" work too. */
export function textCommand(text: string, atReview: boolean): { command: Command; stepId?: string; argument?: string } | null {
  const word = text.trim().toLowerCase().replace(/[.!]+$/, "");
  const command = commandWords[word];
  if (command) return { command };
  if (atReview && confirmWords.has(word)) return { command: "confirm" };
  const edit = /^(edit|change)\s+(.+)$/.exec(word);
  if (atReview && edit) return { command: "edit", argument: edit[2]! };
  return null;
}
