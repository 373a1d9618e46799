// The one shape every edge (Slack, Teams, the local chat, the terminal) turns what it receives into,
// checked before the engine sees it: a malformed button value or a forged request gets a clear
// "could not be read" instead of reaching the conversation.
import { z } from "zod";
import type { TurnInput } from "./messages.js";

const reference = z.string().min(1).max(20);
/** The longest message anyone may type; longer ones are refused with this limit stated. */
export const maxMessageLength = 10_000;
const action = z.string().min(1).max(40);

export const turnInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().max(maxMessageLength) }),
  z.object({ kind: z.literal("choice"), stepId: z.string().min(1).max(100), value: z.union([z.string().max(2_000), z.array(z.string().max(2_000)).max(100)]) }),
  z.object({
    kind: z.literal("command"),
    command: z.enum(["back", "skip", "cancel", "help", "start_over", "confirm", "edit", "continue", "menu"]),
    stepId: z.string().max(100).optional(),
  }),
  z.object({ kind: z.literal("start"), flowId: z.string().min(1).max(100), prefill: z.record(z.string(), z.unknown()).optional() }),
  z.object({ kind: z.literal("policy_feedback"), questionId: z.string().min(1).max(100), verdict: z.enum(["helpful", "not_helpful", "route"]) }),
  z.object({ kind: z.literal("incident_action"), reference, action }),
  z.object({ kind: z.literal("desk_command"), text: z.string().max(maxMessageLength) }),
  z.object({ kind: z.literal("reminder_action"), item: z.string().min(1).max(100), action }),
  z.object({ kind: z.literal("record_action"), reference, action }),
]) satisfies z.ZodType<TurnInput>;

/** What an edge says when what it received is not a turn we can read. */
export const unreadableInput = "That message could not be read; please try again.";

/** What to tell the person: the limit when the message is too long, or that it could not be read. */
export function unreadableInputMessage(raw: unknown): string {
  const text = typeof raw === "object" && raw !== null && "text" in raw ? (raw as { text: unknown }).text : undefined;
  if (typeof text === "string" && text.length > maxMessageLength) return messageTooLong(text.length);
  return unreadableInput;
}

/** Says the limit (and the message's length when known), and that nothing of it was kept. */
export function messageTooLong(length?: number): string {
  const count = (n: number) => n.toLocaleString("en-GB");
  const measured = length === undefined ? "That message is too long" : `That message is ${count(length)} characters long`;
  return `${measured}; a message can be at most ${count(maxMessageLength)} characters. Please shorten it, or send it in parts. Nothing was saved from it.`;
}

export function readTurnInput(raw: unknown): TurnInput | null {
  const parsed = turnInputSchema.safeParse(raw);
  return parsed.success ? (parsed.data as TurnInput) : null;
}
