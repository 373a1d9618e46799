// The local chat's JSON API (POST /chat/api/turn) as the browser page calls it, for tests that
// drive a service process over HTTP.
import type { TurnInput } from "../../src/conversations/messages.js";

export interface ChatMessage {
  kind: string;
  stepId?: string;
  text?: string;
  reference?: string;
  [field: string]: unknown;
}

export interface TurnResult {
  status: number;
  messages: ChatMessage[];
  error?: string;
}

export interface LocalPerson {
  id: string;
  displayName: string;
  persona: string;
  roles: string[];
}

export async function localPeople(url: string): Promise<LocalPerson[]> {
  return (await (await fetch(`${url}/chat/api/people`)).json()) as LocalPerson[];
}

/** One turn; rejects when no HTTP answer arrives (the process died, the connection was refused). */
export async function postTurn(url: string, personId: string, conversationId: string, input: TurnInput, timeoutMs = 20_000): Promise<TurnResult> {
  const response = await fetch(`${url}/chat/api/turn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ personId, conversationId, input }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json().catch(() => ({}))) as { messages?: ChatMessage[]; error?: string };
  return { status: response.status, messages: body.messages ?? [], ...(body.error ? { error: body.error } : {}) };
}

/** Where a reply leaves the conversation: the question asked, the review summary, or done. */
export function whereReplyLeaves(result: TurnResult): string {
  const last = result.messages.at(-1);
  if (!last) return "(nothing)";
  if (last.kind === "question") return last.stepId ?? "(question)";
  if (last.kind === "summary") return "summary";
  if (last.kind === "done") return "done";
  const saved = /Already saved as ([A-Z]+-\d+)/.exec(last.text ?? "");
  if (saved) return "done";
  return `${last.kind}: ${last.text ?? ""}`;
}

/** The reference a finished conversation reports, first time or on a repeated confirm. */
export function savedReference(result: TurnResult): string | undefined {
  for (const message of result.messages) {
    if (message.kind === "done" && message.reference) return message.reference;
    const saved = /Already saved as ([A-Z]+-\d+)/.exec(message.text ?? "");
    if (saved) return saved[1];
  }
  return undefined;
}
