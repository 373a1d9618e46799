// `aims chat`: the same conversations in a terminal, over the same engine and store. Notices for the
// person are printed as they arrive, also while nobody types; a file that comes with one (the
// evidence pack) is saved to a folder and its path printed.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { readTurnInput, unreadableInputMessage } from "../../conversations/turnInput.js";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { NoticeAction, OutgoingMessage, Speaker, TurnInput } from "../../conversations/messages.js";
import { noticeActionsFrom } from "../../conversations/noticeInput.js";
import type { Store } from "../../store/store.js";
import { governanceAudience, personAudience } from "../../store/notifications.js";
import { rolesLabel } from "../localChat/personas.js";
import { renderPlainText } from "./plainText.js";
import { lookUpWord } from "../../domain/wordTable.js";

export interface TerminalChatOptions {
  engine: ConversationEngine;
  store: Store;
  speaker: Speaker;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where files that come with a notice are saved; without it they are named but not saved. */
  filesDir?: string;
  /** How often to look for new notices between turns (default every 3 seconds). */
  noticeIntervalMs?: number;
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { engine, speaker, output } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const notices = new NoticePrinter(options, write);
  let shown: OutgoingMessage | undefined;

  const turn = async (input: TurnInput) => {
    if (!readTurnInput(input)) {
      write(unreadableInputMessage(input));
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
    await notices.printNew();
  };

  write(`AIMS Assistant: you are ${speaker.displayName} (${rolesLabel(speaker.roles)}). Type "quit" to leave.`);
  await notices.printNew({ saveFiles: false }); // the most recent ones, from before this session
  await turn({ kind: "command", command: "continue" });
  const watching = setInterval(() => void notices.printNew().catch(() => undefined), options.noticeIntervalMs ?? 3_000);
  const lines = readline.createInterface({ input: options.input, terminal: false });
  try {
    for await (const line of lines) {
      const text = line.trim();
      // "quit", and what people type to leave other terminal programs and chats ("/quit", "exit", "Bye").
      if (/^\/?(quit|exit|bye)$/i.test(text)) break;
      if (text === "") continue;
      await turn(verdictOn(shown, text) ?? byNumber(shown, text) ?? { kind: "text", text });
    }
  } finally {
    clearInterval(watching);
    lines.close();
  }
}

/** Prints each notice once; saves the files of those that arrive during the session. */
class NoticePrinter {
  private readonly seen = new Set<string>();
  private readonly audiences: string[];

  constructor(
    private readonly options: TerminalChatOptions,
    private readonly write: (text: string) => void,
  ) {
    const { speaker } = options;
    this.audiences = [personAudience(speaker.personId), ...(speaker.roles.includes("governance") ? [governanceAudience] : [])];
  }

  async printNew(how: { saveFiles: boolean } = { saveFiles: true }): Promise<void> {
    const latest = await this.options.store.notifications.forAudiences(this.audiences, 10);
    for (const notice of latest.reverse()) {
      if (this.seen.has(notice.id)) continue;
      this.seen.add(notice.id);
      this.write(`🔔 ${[notice.subject, notice.text, ...whatToType(noticeActionsFrom(notice.actions))].join("\n").replace(/\n/g, "\n   ")}`);
      if (notice.attachmentName) this.write(`   ${await this.fileLine(notice.id, notice.attachmentName, how.saveFiles)}`);
    }
  }

  private async fileLine(noticeId: string, name: string, save: boolean): Promise<string> {
    const file = save && this.options.filesDir ? await this.options.store.notifications.fileFor(noticeId, this.audiences) : null;
    if (!file || !this.options.filesDir) return `With a file: ${name} (ask again in this session to save it here).`;
    fs.mkdirSync(this.options.filesDir, { recursive: true });
    const saved = path.join(this.options.filesDir, path.basename(file.name));
    fs.writeFileSync(saved, file.bytes);
    return `Saved ${saved} (${Math.ceil(file.bytes.byteLength / 1024)} KB)`;
  }
}

/** A terminal has no buttons: an incident's are said as the words to type, others by their labels. */
function whatToType(actions: NoticeAction[]): string[] {
  if (actions.length === 0) return [];
  const typed = actions.map(({ label, input }) => (input.kind === "incident_action" ? `"incident ${input.reference} ${input.action.replace(/_/g, " ")}"` : label));
  return [`(you can type: ${typed.join(", ")})`];
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
