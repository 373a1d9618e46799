// Most commands hand their text to their feature's use cases, which parse the arguments.
import type { Turn } from "../messages.js";
import type { ChatCommand, CommandOutcome } from "./chatCommand.js";
import type { TextUseCases, UseCases } from "./useCases.js";

/** Runs the command through a feature's use cases; text they cannot read gets the command's usage. */
export function viaUseCase(pick: (use: UseCases) => TextUseCases): ChatCommand["run"] {
  return async function run(this: ChatCommand | void, text: string, turn: Turn, use: UseCases): Promise<CommandOutcome> {
    const outcome = await pick(use).handleText(text, turn);
    return outcome ?? { messages: [{ kind: "error", text: `I couldn't read "${text}".` }] };
  };
}

/** Record references as people type them: "AIS-0004", "ais 4", "INC-7". */
export const ref = (prefix: string) => String.raw`${prefix}[-\s]?\d{1,6}`;
