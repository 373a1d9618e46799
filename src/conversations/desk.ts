// A desk answers typed commands about records ("incidents sev1", "training") outside any flow:
// with messages, or by starting a flow with answers already filled in.
import type { Answers } from "./flowDefinition.js";
import type { OutgoingMessage, Turn } from "./messages.js";

export type DeskOutcome = { messages: OutgoingMessage[] } | { start: { flowId: string; prefill: Answers } };

export interface Desk {
  /** The outcome of a command this desk understands, or null to let another desk (or a flow) try. */
  handleText(text: string, turn: Turn): Promise<DeskOutcome | null>;
}

export const deskMessages = (...messages: OutgoingMessage[]): DeskOutcome => ({ messages });
export const deskRefusal = (text: string): DeskOutcome => deskMessages({ kind: "error", text });
