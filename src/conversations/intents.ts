// The words understood at any step of a conversation (back, skip, cancel…). What a first message
// means is read in understanding/firstMessage.ts.
import type { Command } from "./messages.js";
import { lookUpWord } from "../domain/wordTable.js";

export { flowIds } from "./flowIds.js";

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
  const command = lookUpWord(commandWords, word);
  if (command) return { command };
  if (atReview && confirmWords.has(word)) return { command: "confirm" };
  const edit = /^(edit|change)\s+(.+)$/.exec(word);
  if (atReview && edit) return { command: "edit", argument: edit[2]! };
  return null;
}
