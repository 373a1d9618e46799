// A service with the local chat on, over a fresh embedded database holding the demo organisation,
// and the turns a test sends through its HTTP API (POST /chat/api/turn) as the browser page does.
import { pino } from "pino";
import { afterAll, beforeAll, expect } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import type { OutgoingMessage, TurnInput } from "../../src/conversations/messages.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { startService, type RunningService } from "../../src/service.js";
import { createStore } from "../../src/store/store.js";
import { openTestDatabase, type TestDatabase } from "./testDatabase.js";

/** Opens the database, loads the demo organisation (filling `people`: persona key → person id) and starts the service (`env`: more configuration). */
export async function openLocalChat(people: Map<string, string>, env: Record<string, string> = {}): Promise<{ database: TestDatabase; service: RunningService }> {
  const database = await openTestDatabase("embedded");
  const demo = await loadDemoOrganisation(createStore(database.prisma));
  for (const [key, id] of demo.personIds) people.set(key, id);
  const service = await startService({ ...loadConfig({ LOCAL_CHAT: "on", ...env }), port: 0 }, pino({ level: "silent" }), { database });
  return { database, service };
}

/**
 * In a describe block: the local chat opened (a fresh database with the demo organisation, and the
 * service) before its tests and closed after them; `people` maps persona keys to person ids, and the
 * turns go through its HTTP API. Hooks the block adds after this call run once it is open.
 */
export function useLocalChat(env: Record<string, string> = {}) {
  const people = new Map<string, string>();
  let chat: { database: TestDatabase; service: RunningService } | undefined;
  beforeAll(async () => {
    chat = await openLocalChat(people, env);
  });
  afterAll(async () => {
    if (chat) await closeLocalChat(chat);
  });
  const opened = () => {
    if (!chat) throw new Error("the local chat opens in beforeAll: use it inside a test or a later hook");
    return chat;
  };
  return {
    people,
    get database() {
      return opened().database;
    },
    get service() {
      return opened().service;
    },
    ...localChatTurns(() => opened().service.url, people),
  };
}

export async function closeLocalChat(chat: { database: TestDatabase; service: RunningService }): Promise<void> {
  await chat.service.stop();
  await chat.database.dispose();
}

/** Each persona talks in their own local chat conversation. */
export function localChatTurns(url: () => string, people: Map<string, string>) {
  async function turn(person: string, input: TurnInput): Promise<OutgoingMessage[]> {
    const response = await fetch(`${url()}/chat/api/turn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personId: people.get(person), conversationId: `local-${person}`, input }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: OutgoingMessage[] }).messages;
  }
  const say = (person: string, ...texts: string[]) =>
    texts.reduce<Promise<OutgoingMessage[]>>(async (previous, text) => (await previous, turn(person, { kind: "text", text })), Promise.resolve([]));
  /** A button on a governance record (Approve, Plan…). */
  const click = (person: string, reference: string, action: string) => turn(person, { kind: "record_action", reference, action });
  return { turn, say, click };
}

/** The first message of a kind in a reply. */
export const firstOfKind = <K extends OutgoingMessage["kind"]>(messages: OutgoingMessage[], kind: K) =>
  messages.find((message) => message.kind === kind) as Extract<OutgoingMessage, { kind: K }> | undefined;
