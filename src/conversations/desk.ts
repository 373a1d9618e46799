// A desk answers typed commands about records ("incidents sev1", "training") outside any flow:
// with messages, or by starting a flow with answers already filled in.
import type { Answers } from "./flowDefinition.js";
import type { Viewer } from "../domain/accessPolicy.js";
import type { Actor } from "../store/changeHistory.js";
import type { OutgoingMessage, Turn, TurnInput } from "./messages.js";

export type DeskOutcome = { messages: OutgoingMessage[] } | { start: { flowId: string; prefill: Answers } };

export interface Desk {
  /** The outcome of a command this desk understands, or null to let another desk (or a flow) try. */
  handleText(text: string, turn: Turn): Promise<DeskOutcome | null>;
}

export const deskMessages = (...messages: OutgoingMessage[]): DeskOutcome => ({ messages });
export const deskRefusal = (text: string): DeskOutcome => deskMessages({ kind: "error", text });

/** A button on a governance record (Approve, Reject…): the desk that owns those references acts on it. */
export interface RecordDesk {
  /** True for the references this desk acts on, e.g. "AIS-0001". */
  handles(reference: string): boolean;
  act(reference: string, action: string, turn: Turn): Promise<DeskOutcome>;
}

/** Inputs that act on records at once (or start the short flow they need), outside any conversation. */
export type DeskInput = Extract<TurnInput, { kind: "incident_action" | "desk_command" | "reminder_action" | "record_action" }>;

export const isDeskInput = (input: TurnInput): input is DeskInput =>
  input.kind === "incident_action" || input.kind === "desk_command" || input.kind === "reminder_action" || input.kind === "record_action";

/** The person behind a turn, as the access policy sees them. */
export const viewerOf = (turn: Turn): Viewer => ({ personId: turn.speaker.personId, roles: turn.speaker.roles });

/** The person behind a turn, as the change history records them. */
export const actorOfTurn = (turn: Turn): Actor & { personId: string } => ({ personId: turn.speaker.personId, label: turn.speaker.displayName, channel: turn.channel });
