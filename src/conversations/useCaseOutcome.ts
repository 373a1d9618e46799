// What a feature's use cases give back to a conversation: messages, or a flow to start with answers
// already filled in; and the person behind a turn as the access policy and the history see them.
import type { Answers } from "./flowDefinition.js";
import type { Viewer } from "../domain/accessPolicy.js";
import type { Actor } from "../store/changeHistory.js";
import type { OutgoingMessage, Turn, TurnInput } from "./messages.js";

export type UseCaseOutcome = { messages: OutgoingMessage[] } | { start: { flowId: string; prefill: Answers } };

export interface TextUseCases {
  /** The outcome of a typed command these use cases understand, or null. */
  handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null>;
}

export const useCaseMessages = (...messages: OutgoingMessage[]): UseCaseOutcome => ({ messages });
export const useCaseRefusal = (text: string): UseCaseOutcome => useCaseMessages({ kind: "error", text });

/** A button on a governance record (Approve, Reject…): the feature that owns those references acts on it. */
export interface RecordActions {
  /** True for the references these actions apply to, e.g. "AIS-0001". */
  handles(reference: string): boolean;
  act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome>;
}

/** Inputs that act on records at once (or start the short flow they need), outside any conversation. */
export type RecordInput = Extract<TurnInput, { kind: "incident_action" | "desk_command" | "reminder_action" | "record_action" }>;

export const isRecordInput = (input: TurnInput): input is RecordInput =>
  input.kind === "incident_action" || input.kind === "desk_command" || input.kind === "reminder_action" || input.kind === "record_action";

/** The person behind a turn, as the access policy sees them. */
export const viewerOf = (turn: Turn): Viewer => ({ personId: turn.speaker.personId, roles: turn.speaker.roles });

/** The person behind a turn, as the change history records them. */
export const actorOfTurn = (turn: Turn): Actor & { personId: string } => ({ personId: turn.speaker.personId, label: turn.speaker.displayName, channel: turn.channel });
