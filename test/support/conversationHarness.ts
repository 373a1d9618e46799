// Drives the conversation engine as a chat user would: typed text, clicked choices, commands.
import { createConversationEngine } from "../../src/conversationEngine.js";
import type { ConversationEngine } from "../../src/conversations/engine.js";
import type { Command, OutgoingMessage, Reply, Speaker, TurnInput } from "../../src/conversations/messages.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { createStore, type Store } from "../../src/store/store.js";
import type { TestDatabase } from "./testDatabase.js";

export class FakeClock {
  constructor(public now = new Date("2026-11-27T10:00:00Z")) {}
  advance(ms: number) {
    this.now = new Date(this.now.getTime() + ms);
  }
  read = () => this.now;
}

export interface Harness {
  engine: ConversationEngine;
  store: Store;
  clock: FakeClock;
  speakers: Map<string, Speaker>;
  /** A chat user: each call is one turn in their conversation. */
  user(key: string, conversationId?: string): ChatUser;
  newEngine(): ConversationEngine;
}

export class ChatUser {
  constructor(
    private readonly harness: { engine: ConversationEngine },
    readonly speaker: Speaker,
    readonly conversationId: string,
  ) {}

  turn(input: TurnInput): Promise<Reply> {
    return this.harness.engine.handle({
      key: { platform: "test", workspaceId: "w1", userId: this.speaker.personId, conversationId: this.conversationId },
      speaker: this.speaker,
      channel: "local_chat",
      input,
    });
  }
  say = (text: string) => this.turn({ kind: "text", text });
  pick = (stepId: string, value: string | string[]) => this.turn({ kind: "choice", stepId, value });
  command = (command: Command, stepId?: string) => this.turn({ kind: "command", command, ...(stepId ? { stepId } : {}) });
  start = (flowId: string, prefill?: Record<string, unknown>) => this.turn({ kind: "start", flowId, ...(prefill ? { prefill } : {}) });

  /** Answers each text in order, failing loudly if any answer is refused. */
  async answerAll(texts: string[]): Promise<Reply> {
    let last: Reply | undefined;
    for (const text of texts) {
      last = await this.say(text);
      const error = last.messages.find((message) => message.kind === "error");
      if (error) throw new Error(`"${text}" was refused: ${"text" in error ? error.text : ""}`);
    }
    return last!;
  }
}

export async function createHarness(database: TestDatabase): Promise<Harness> {
  const store = createStore(database.prisma);
  const demo = await loadDemoOrganisation(store);
  const clock = new FakeClock();
  const speakers = new Map<string, Speaker>();
  for (const [key, id] of demo.personIds) {
    const person = (await store.people.byId(id))!;
    speakers.set(key, { personId: person.id, displayName: person.displayName, roles: person.roles });
  }
  const newEngine = () => createConversationEngine(database.prisma, { clock: clock.read });
  const harness = { engine: newEngine(), store, clock, speakers, newEngine } as Harness;
  harness.user = (key, conversationId = `dm-${key}`) => new ChatUser(harness, speakers.get(key)!, conversationId);
  return harness;
}

export const lastQuestion = (reply: Reply) => reply.messages.findLast((message) => message.kind === "question") as Extract<OutgoingMessage, { kind: "question" }> | undefined;
export const findMessage = <K extends OutgoingMessage["kind"]>(reply: Reply, kind: K) =>
  reply.messages.find((message) => message.kind === kind) as Extract<OutgoingMessage, { kind: K }> | undefined;
