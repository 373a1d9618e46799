// What each person said and was shown in the local chat, so that reloading the page shows the
// conversation again instead of an empty screen. Held in the service's memory and bounded: what
// someone typed about a confidential incident is not copied into yet another table, and after a
// restart the engine still resumes the conversation at the step it had reached (its state is stored).
import type { OutgoingMessage } from "../../conversations/messages.js";

export type TranscriptEntry = { from: "person"; text: string } | { from: "bot"; message: OutgoingMessage };

export class LocalTranscripts {
  private readonly conversations = new Map<string, TranscriptEntry[]>();

  constructor(
    /** Entries kept per conversation: the oldest go first. */
    private readonly entriesKept = 300,
    /** Conversations kept: the least recently used go first. */
    private readonly conversationsKept = 500,
  ) {}

  add(personId: string, conversationId: string, entries: TranscriptEntry[]): void {
    const key = keyOf(personId, conversationId);
    const kept = [...(this.conversations.get(key) ?? []), ...entries].slice(-this.entriesKept);
    this.conversations.delete(key); // re-inserted last: a Map iterates in insertion order
    this.conversations.set(key, kept);
    if (this.conversations.size > this.conversationsKept) this.conversations.delete(this.conversations.keys().next().value!);
  }

  of(personId: string, conversationId: string): TranscriptEntry[] {
    return this.conversations.get(keyOf(personId, conversationId)) ?? [];
  }
}

const keyOf = (personId: string, conversationId: string) => JSON.stringify([personId, conversationId]);
