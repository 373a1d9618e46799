// `aims chat`: the same conversations in a terminal, over the same engine and store.
import readline from "node:readline";
import { readTurnInput, unreadableInput } from "../../conversations/turnInput.js";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { OutgoingMessage, Speaker, TurnInput } from "../../conversations/messages.js";
import type { Store } from "../../store/store.js";
import { governanceAudience, personAudience } from "../../store/notifications.js";
import { renderPlainText } from "./plainText.js";
import { lookUpWord } from "../../domain/wordTable.js";

export interface TerminalChatOptions {
  engine: ConversationEngine;
  store: Store;
  speaker: Speaker;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { engine, speaker, output } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const seenNotices = new Set<string>();
  let shown: OutgoingMessage | undefined;
  const showNewNotices = async () => {
    for (const notice of (await noticesFor(options.store, speaker)).reverse()) {
      if (seenNotices.has(notice.id)) continue;
      seenNotices.add(notice.id);
      write(`🔔 ${notice.subject}\n   ${notice.text.replace(/\n/g, "\n   ")}`);
    }
  };

  const turn = async (input: TurnInput) => {
    if (!readTurnInput(input)) {
      write(unreadableInput);
      return;
    }
    const reply = await engine.handle({
      key: { platform: "terminal", workspaceId: "local", userId: speaker.personId, conversationId: "terminal" },
      speaker,
      channel: "local_chat",
      input,
    });
    for (const message of reply.messages) write(renderPlainText(message));
    shown = reply.messages.at(-1) ?? shown;
    await showNewNotices();
  };

  write(`AIMS Assistant: you are ${speaker.displayName} (${speaker.roles.join(", ")}). Type "quit" to leave.`);
  await showNewNotices(); // the most recent ones first seen in this session
  await turn({ kind: "command", command: "continue" });
  const lines = readline.createInterface({ input: options.input, terminal: false });
  for await (const line of lines) {
    const text = line.trim();
    if (text === "quit" || text === "exit") break;
    if (text === "") continue;
    await turn(verdictOn(shown, text) ?? byNumber(shown, text) ?? { kind: "text", text });
  }
  lines.close();
}

/** After an answer, "helpful", "not helpful" or "pass it on" is a verdict on it. */
function verdictOn(shown: OutgoingMessage | undefined, text: string): TurnInput | null {
  if (shown?.kind !== "answer" || !shown.questionId) return null;
  const verdicts: Record<string, "helpful" | "not_helpful" | "route"> = { helpful: "helpful", "not helpful": "not_helpful", "pass it on": "route" };
  const verdict = lookUpWord(verdicts, text.toLowerCase());
  return verdict ? { kind: "policy_feedback", questionId: shown.questionId, verdict } : null;
}

/** A number picks from the list just shown: a menu entry or one of the question's choices. */
function byNumber(shown: OutgoingMessage | undefined, text: string): TurnInput | null {
  if (!/^\d+$/.test(text) || !shown) return null;
  const index = Number(text) - 1;
  if (shown.kind === "menu" && shown.options[index]) return { kind: "start", flowId: shown.options[index].flowId };
  if (shown.kind === "question" && shown.input !== "multi_choice" && shown.choices?.[index]) {
    return { kind: "choice", stepId: shown.stepId, value: shown.choices[index].value };
  }
  return null;
}

async function noticesFor(store: Store, speaker: Speaker) {
  const audiences = [personAudience(speaker.personId), ...(speaker.roles.includes("governance") ? [governanceAudience] : [])];
  return store.notifications.forAudiences(audiences, 10);
}
