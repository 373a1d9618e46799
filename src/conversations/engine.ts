// The conversation engine: walks any flow one answer at a time, saving after every answer,
// and knows nothing of Slack, Teams or HTTP. Channels hand it Turns and render its Replies.
import type { Logger } from "../logging/logger.js";
import type { ConversationSnapshot, ConversationStateStore } from "../store/conversationStates.js";
import { describeAnswer } from "./answerDisplay.js";
import { effectiveAnswers, isVisible, visibleSteps, type Answers, type FlowDefinition, type StepDefinition } from "./flowDefinition.js";
import { textCommand } from "./intents.js";
import { flowIds } from "./flowIds.js";
import { understandFirstMessage, type Understanding } from "./understanding/firstMessage.js";
import { looksMisplaced, offeredValue, pendingAnswerChoices, pendingAnswerStepId, pendingOf, pendingReply, withOffered, withPending, withoutPending, type PendingAnswer } from "./understanding/midFlow.js";
import type { ChatCommand, CommandOutcome } from "./commands/chatCommand.js";
import { findCommand, mayUse } from "./commands/chatCommand.js";
import { suggestionsFor } from "./commands/commandHelp.js";
import type { UseCases } from "./commands/useCases.js";
import { viewerOf } from "./useCaseOutcome.js";
import type { Choice, Command, OutgoingMessage, PolicyVerdict, Reply, Speaker, Turn } from "./messages.js";
import { parseStepInput, type Lookups, type ParseResult, type RawAnswer } from "./stepInput.js";
import type { DateSettings } from "./dateAnswers.js";
import { questionsAsked, withGivenAtStart } from "./progress.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { isRecordInput, type RecordInput, type UseCaseOutcome, type RecordActions } from "./useCaseOutcome.js";

export interface EngineOptions {
  states: ConversationStateStore;
  flows: FlowDefinition[];
  lookups: Lookups;
  clock?: () => Date;
  /** An untouched draft expires after this long (default 7 days). */
  draftTtlMs?: number;
  /** Coming back after this long gets a "you have an unfinished draft" greeting (default 30 minutes). */
  welcomeBackAfterMs?: number;
  logger?: Logger;
  /** Answers a policy question (the policy assistant); without it, questions get the menu. */
  answerQuestion?: (question: string, turn: Turn) => Promise<OutgoingMessage>;
  /** Records a verdict on a policy answer, or passes the question on to governance. */
  policyFeedback?: (questionId: string, verdict: PolicyVerdict, turn: Turn) => Promise<OutgoingMessage>;
  /** Incidents after the report: the buttons on an incident (triage and lifecycle actions). */
  incidentUseCases?: { act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> };
  /** Every typed command ("incidents", "soa", "my systems"), and the use cases they act through. */
  commands?: readonly ChatCommand[];
  useCases?: UseCases;
  /** When the offline rules are unsure of a first message: a language model's reading (OpenAI, when configured). */
  classify?: (text: string) => Promise<Understanding | null>;
  /** The buttons on reminders (done, still accurate, snooze). */
  reminderUseCases?: { act(item: string, action: string, turn: Turn): Promise<UseCaseOutcome> };
  /** Buttons on governance records (approve a system, a risk acceptance…), each feature for its references. */
  recordActions?: RecordActions[];
  /** How the organisation writes dates and the time zone its days are counted in (AIMS_LOCALE). */
  dates?: DateSettings;
}

const day = 24 * 60 * 60 * 1000;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const ignored: Reply = { messages: [], handled: false };
/** PostgreSQL cannot store NUL or half a surrogate pair (a paste from a broken document): drop them. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storableText = (text: string) => text.replace(/\u0000/g, "").replace(loneSurrogate, "\uFFFD");
const storable = (turn: Turn): Turn => (turn.input.kind === "text" ? { ...turn, input: { kind: "text", text: storableText(turn.input.text) } } : turn);
const reply = (...messages: OutgoingMessage[]): Reply => ({ messages, handled: true });

export class ConversationEngine {
  private readonly flows: Map<string, FlowDefinition>;
  private readonly clock: () => Date;
  private readonly draftTtlMs: number;
  private readonly welcomeBackAfterMs: number;
  /** Spread into every parse context: nothing when the defaults apply. */
  private readonly dateSettings: { dates?: DateSettings };
  /** How answers read back: this engine's AIMS_LOCALE, else the process-wide one. */
  private get displayLocale(): string | undefined {
    return this.dateSettings.dates?.locale;
  }

  constructor(private readonly options: EngineOptions) {
    this.flows = new Map(options.flows.map((flow) => [flow.id, flow]));
    this.clock = options.clock ?? (() => new Date());
    this.draftTtlMs = options.draftTtlMs ?? 7 * day;
    this.welcomeBackAfterMs = options.welcomeBackAfterMs ?? 30 * 60 * 1000;
    this.dateSettings = options.dates ? { dates: options.dates } : {};
  }

  /** The flows people can start, for menus and App Home buttons. */
  /** The listed flows; without a speaker (a shared channel), only those offered to everyone. */
  menu(text = "Here is what I can do:", speaker?: Speaker): OutgoingMessage {
    const offered = (flow: FlowDefinition) => flow.listed !== false && (!flow.listedFor || (speaker !== undefined && flow.listedFor(speaker)));
    return {
      kind: "menu",
      text,
      options: [...this.flows.values()].filter(offered).map((flow) => ({ flowId: flow.id, label: flow.title, description: flow.description })),
    };
  }


  /** A policy question asked directly (`/aims ask`, `aims ask`), outside any flow. */
  async ask(question: string, turn: Turn): Promise<OutgoingMessage> {
    if (!this.options.answerQuestion) return { kind: "text", text: "The policy assistant is not available." };
    return this.options.answerQuestion(question, turn);
  }

  flow(flowId: string): FlowDefinition | undefined {
    return this.flows.get(flowId);
  }

  /**
   * Checks a whole form of answers at once (a Slack modal, an Adaptive Card form) with the same
   * parsing and validation as the conversation, in question order so that conditions apply.
   */
  async validateForm(flowId: string, raw: Record<string, RawAnswer | undefined>, speaker: Speaker): Promise<{ answers: Answers; errors: Record<string, string> }> {
    const flow = this.flows.get(flowId);
    if (!flow) throw new Error(`Unknown flow ${flowId}`);
    const answers: Answers = {};
    const errors: Record<string, string> = {};
    const now = this.clock();
    for (const step of flow.steps) {
      if (!isVisible(step, answers)) continue;
      const given = raw[step.id];
      const empty = !given || ("text" in given ? given.text.trim() === "" : Array.isArray(given.value) ? false : given.value === "");
      if (empty) {
        if (step.optional) answers[step.id] = step.defaultValue?.(answers, speaker) ?? null;
        else errors[step.id] = "Please answer this question.";
        continue;
      }
      const parsed = await parseStepInput(step, given, { lookups: this.options.lookups, speaker, now, ...this.dateSettings });
      const checked = parsed.ok ? step.schema.safeParse(parsed.value) : null;
      if (!parsed.ok) errors[step.id] = parsed.message;
      else if (checked && !checked.success) errors[step.id] = checked.error.issues[0]?.message ?? "This answer doesn't fit.";
      else answers[step.id] = checked!.data;
    }
    return { answers, errors };
  }

  /** Whether a flow is under way in this conversation (started, not finished, not expired). */
  async inProgress(key: Turn["key"]): Promise<boolean> {
    const state = await this.options.states.find(key);
    return state?.status === "active" && state.expiresAt > this.clock();
  }

  /**
   * `alreadyRead`: the conversation as the channel read it a moment ago together with the speaker
   * (one statement instead of two); every write still names the version read, so a newer write wins.
   */
  async handle(received: Turn, alreadyRead?: { conversation: ConversationSnapshot | null }): Promise<Reply> {
    let turn = storable(received);
    let readAhead = alreadyRead;
    // Feedback on an answer is outside any flow: it must not disturb a registration in progress.
    if (turn.input.kind === "policy_feedback") {
      if (!this.options.policyFeedback) return ignored;
      return reply(await this.options.policyFeedback(turn.input.questionId, turn.input.verdict, turn));
    }
    // A button on an incident, or a slash command about records, acts at once or starts the short
    // flow that collects what it needs; neither disturbs a conversation in progress until then.
    if (isRecordInput(turn.input)) {
      const outcome = await this.recordOutcome(turn.input, turn);
      if ("messages" in outcome) return reply(...outcome.messages);
      turn = { ...turn, input: { kind: "start", flowId: outcome.start.flowId, prefill: outcome.start.prefill } };
      readAhead = undefined; // the record's action may have taken a while: read the conversation now
    }
    const now = this.clock();
    let state = readAhead ? readAhead.conversation : await this.options.states.find(turn.key);
    const preface: OutgoingMessage[] = [];
    if (state?.status === "active" && state.expiresAt <= now) {
      const expired = await this.options.states.save(state, { stepId: state.stepId, answers: state.answers, status: "expired", expiresAt: state.expiresAt });
      if (!expired) return ignored;
      preface.push({ kind: "text", text: `Your unfinished ${this.flowOf(state).noun} expired after a period without answers, so I have discarded it.` });
      state = expired;
    }
    const result = state?.status === "active" ? await this.continueActive(turn, state, now) : await this.idle(turn, state, now);
    return result.handled ? { ...result, messages: [...preface, ...result.messages] } : result;
  }

  // --- No conversation in progress -------------------------------------------------------

  private async idle(turn: Turn, state: ConversationSnapshot | null, now: Date): Promise<Reply> {
    const input = turn.input;
    if (input.kind === "policy_feedback" || isRecordInput(input)) return ignored; // handled before any state is read
    if (input.kind === "start") return this.start(turn, state, input.flowId, input.prefill ?? {}, now);
    if (input.kind === "command" && input.command === "confirm" && state?.status === "completed" && state.resultReference) {
      return reply({ kind: "text", text: `Already saved as ${state.resultReference}. Nothing more to do.` });
    }
    if (input.kind === "command" && (input.command === "continue" || input.command === "menu" || input.command === "help")) {
      return reply(this.menu("Hi! I look after our AI management system. Here is what I can do:", turn.speaker));
    }
    if (input.kind === "choice" || input.kind === "command") {
      if (state?.status === "completed" && state.resultReference) {
        return reply({ kind: "text", text: `That conversation is finished: it was saved as ${state.resultReference}.` }, this.menu("Anything else?", turn.speaker));
      }
      return reply(this.menu("That conversation has ended. What would you like to do?", turn.speaker));
    }
    return this.firstMessage(turn, state, input.text, now);
  }

  /** A message outside any conversation: a command, a question, a report, a wish, small talk. */
  private async firstMessage(turn: Turn, state: ConversationSnapshot | null, text: string, now: Date): Promise<Reply> {
    let understood = understandFirstMessage(text, this.options.commands ?? []);
    if (understood.route === "clarify" && this.options.classify) understood = (await this.options.classify(text)) ?? understood;
    switch (understood.route) {
      case "command":
        return this.fromOutcome(await this.runCommand(understood.command, understood.text, turn), turn, state, now);
      case "ask_policy":
        return this.options.answerQuestion ? reply(await this.options.answerQuestion(understood.question, turn)) : reply(this.menu("I can't answer policy questions here yet. Here is what I can do:", turn.speaker));
      case "report_incident":
        return this.start(turn, state, flowIds.reportIncident, understood.description ? { description: understood.description } : {}, now);
      case "register_system":
        return this.start(turn, state, flowIds.registerSystem, {}, now);
      case "report_shadow_ai":
        return this.start(turn, state, flowIds.reportShadowAi, {}, now);
      case "capabilities":
        return reply(this.capabilities(turn.speaker));
      case "clarify":
        return reply(this.menu(`I'm not sure what you'd like to do with "${text.trim().slice(0, 80)}". Is it one of these? To ask about our AI policy, write your question with a "?"; "help" lists the commands.`, turn.speaker));
    }
  }

  /** Greetings, thanks and "what can you do?": a short list of what I do, with buttons. */
  private capabilities(speaker: Speaker): OutgoingMessage {
    return this.menu(
      [
        "Hi! I look after our AI management system. You can:",
        "• ask me about our AI policy (just type your question)",
        "• tell me about something an AI system got wrong, and I'll take the report",
        "• register an AI system you own, or tell me about an AI tool you've seen in use",
        '• type "help" for the commands, e.g. "my systems" or "incidents"',
      ].join("\n"),
      speaker,
    );
  }

  /** Runs a typed command for this person, if the access policy lets them. */
  private async runCommand(command: ChatCommand, text: string, turn: Turn): Promise<CommandOutcome> {
    if (command.refusal && !mayUse(command, viewerOf(turn))) return { messages: [{ kind: "error", text: command.refusal }] };
    if (!this.options.useCases) return { messages: [{ kind: "text", text: "Commands are not available here." }] };
    return command.run(text, turn, this.options.useCases);
  }

  private async fromOutcome(outcome: CommandOutcome, turn: Turn, state: ConversationSnapshot | null, now: Date): Promise<Reply> {
    if ("start" in outcome) return this.start(turn, state, outcome.start.flowId, outcome.start.prefill, now);
    if ("ask" in outcome) return reply(await this.ask(outcome.ask, turn));
    return reply(...outcome.messages);
  }

  private async recordOutcome(input: RecordInput, turn: Turn): Promise<UseCaseOutcome> {
    if (input.kind === "record_action") {
      const owner = this.options.recordActions?.find((candidate) => candidate.handles(input.reference));
      return owner ? owner.act(input.reference, input.action, turn) : { messages: [{ kind: "error", text: `I can't act on ${input.reference} here.` }] };
    }
    if (input.kind === "reminder_action") {
      const owner = this.options.reminderUseCases;
      return owner ? owner.act(input.item, input.action, turn) : { messages: [{ kind: "text", text: "Reminders are not available here." }] };
    }
    if (input.kind === "incident_action") {
      const owner = this.options.incidentUseCases;
      return owner ? owner.act(input.reference, input.action, turn) : { messages: [{ kind: "text", text: "Incident handling is not available here." }] };
    }
    const found = findCommand(input.text, this.options.commands ?? []);
    if (!found) return { messages: [{ kind: "error", text: `I didn't understand "${input.text}".\n${suggestionsFor(this.options.commands ?? [], viewerOf(turn), input.text)}` }] };
    const outcome = await this.runCommand(found.command, found.text, turn);
    return "ask" in outcome ? { messages: [await this.ask(outcome.ask, turn)] } : outcome;
  }

  private async start(turn: Turn, state: ConversationSnapshot | null, flowId: string, prefill: Answers, now: Date): Promise<Reply> {
    const flow = this.flows.get(flowId);
    if (!flow) return reply({ kind: "error", text: `I don't know how to "${flowId}".` }, this.menu(undefined, turn.speaker));
    const refused = flow.refusesToStart?.(turn.speaker);
    if (refused) return reply({ kind: "error", text: refused });
    const prepared = flow.prepare ? await flow.prepare({ ...prefill }, { lookups: this.options.lookups, now }) : { ...prefill };
    const answers = withGivenAtStart(flow, prepared);
    const started = await this.options.states.start(turn.key, state, {
      flowId,
      stepId: this.nextStepId(flow, answers),
      answers,
      expiresAt: new Date(now.getTime() + this.draftTtlMs),
    });
    if (!started) return ignored;
    const special = flow.introFor?.(answers);
    if (special) return reply({ kind: "text", text: special }, ...this.prompt(flow, started));
    const intro: OutgoingMessage = { kind: "text", text: `Let's ${lowerFirst(flow.title)}. Type "help" at any question, "back" to change the previous answer, or "cancel" to stop.` };
    return reply(intro, ...this.prefilledNote(flow, answers), ...this.prompt(flow, started));
  }

  // --- A conversation in progress ----------------------------------------------------------

  private async continueActive(turn: Turn, state: ConversationSnapshot, now: Date): Promise<Reply> {
    const flow = this.flowOf(state);
    const input = turn.input;
    if (input.kind === "policy_feedback" || isRecordInput(input)) return ignored; // handled before any state is read
    if (input.kind === "start") {
      if (input.flowId === state.flowId && Object.keys(input.prefill ?? {}).length === 0) return reply(...this.prompt(flow, state));
      return reply(
        { kind: "text", text: `You have an unfinished ${flow.noun}. Finish it first, or type "cancel" to discard it.` },
        ...this.prompt(flow, state),
      );
    }
    if (input.kind === "command") return this.command(turn, flow, state, input.command, input.stepId, now);
    if (input.kind === "choice" && input.stepId === pendingAnswerStepId) return this.resolvePending(turn, flow, state, String(input.value), now);
    if (input.kind === "choice") {
      if (input.stepId !== state.stepId) {
        return reply({ kind: "text", text: "That question has already been answered. Here is where we are:" }, ...this.prompt(flow, state));
      }
      return this.answer(turn, flow, state, { value: input.value }, now);
    }
    const command = textCommand(input.text, state.stepId === null);
    if (command) return this.command(turn, flow, state, command.command, command.stepId ?? undefined, now, command.argument);
    const pending = pendingOf(state.answers);
    const pendingChoice = pending ? pendingReply(input.text) : null;
    if (pendingChoice) return this.resolvePending(turn, flow, state, pendingChoice === "answer" ? "answer" : pending!.kind === "question" ? "ask" : "command", now);
    const greeting = this.welcomeBack(flow, state, now);
    const step = this.stepOf(flow, state.stepId);
    const misplaced = step ? await this.misplacedAt(turn, state, step, input.text, now) : null;
    if (step && misplaced) return this.askWhichWasMeant(flow, state, step, { stepId: step.id, text: input.text, ...misplaced }, now);
    if (state.stepId === null) {
      return reply(...greeting, { kind: "text", text: 'Please "confirm" to save, "edit" an answer, or "cancel".' }, this.summary(flow, state));
    }
    const answered = await this.answer(turn, flow, state, { text: input.text }, now);
    return answered.handled ? { ...answered, messages: [...greeting, ...answered.messages] } : answered;
  }

  /**
   * A question or a command typed where an answer was expected. At a free-text question anything
   * could be the answer, so it is asked; at a date, person, system or choice question only what
   * that question cannot take ("incidents" at "When did it happen?"), so a real answer is never held up.
   */
  private async misplacedAt(turn: Turn, state: ConversationSnapshot, step: StepDefinition, text: string, now: Date): Promise<Omit<PendingAnswer, "stepId" | "text"> | null> {
    const asked = { prompt: typeof step.prompt === "function" ? step.prompt(state.answers) : step.prompt, help: step.help };
    const misplaced = looksMisplaced(text, this.options.commands ?? [], asked);
    if (!misplaced || step.input === "text") return misplaced;
    return (await this.read(turn, state, step, { text }, now)).ok ? null : misplaced;
  }

  /** "Is this your answer, or a question for the policy assistant?": nothing is saved as the answer yet. */
  private async askWhichWasMeant(flow: FlowDefinition, state: ConversationSnapshot, step: StepDefinition, pending: PendingAnswer, now: Date): Promise<Reply> {
    const saved = await this.options.states.save(state, { stepId: state.stepId, answers: withPending(state.answers, pending), expiresAt: new Date(now.getTime() + this.draftTtlMs) });
    if (!saved) return ignored;
    const prompt =
      pending.kind === "question"
        ? "Is this your answer, or a question for the policy assistant?"
        : `Is "${pending.text.trim()}" your answer, or do you want to run the command "${pending.command ?? pending.text.trim()}"? Your ${flow.noun} stays where it is either way.`;
    const asked = this.question(flow, saved, step);
    return reply({ ...asked, stepId: pendingAnswerStepId, prompt, help: `The question was: ${asked.prompt}`, input: "single_choice", choices: pendingAnswerChoices(pending), optional: false, canGoBack: false });
  }

  private async resolvePending(turn: Turn, flow: FlowDefinition, state: ConversationSnapshot, choice: string, now: Date): Promise<Reply> {
    const pending = pendingOf(state.answers);
    if (!pending || pending.stepId !== state.stepId) return reply({ kind: "text", text: "That question has already been answered. Here is where we are:" }, ...this.prompt(flow, state));
    const cleared = { ...state, answers: withoutPending(state.answers) };
    if (choice === "answer") return this.answer(turn, flow, cleared, { text: pending.text }, now);
    const aside = pending.kind === "question" ? [await this.ask(pending.text, turn)] : await this.commandAside(pending.command ?? pending.text, turn, flow);
    const resumed = await this.save(flow, state, { stepId: state.stepId, answers: cleared.answers }, now, "Back to where we were:");
    return resumed.handled ? { ...resumed, messages: [...aside, ...resumed.messages] } : resumed;
  }

  /** A command typed mid-conversation: its messages, or why it must wait. */
  private async commandAside(text: string, turn: Turn, flow: FlowDefinition): Promise<OutgoingMessage[]> {
    const found = findCommand(text, this.options.commands ?? []);
    if (!found) return [];
    const outcome = await this.runCommand(found.command, found.text, turn);
    if ("messages" in outcome) return outcome.messages;
    if ("ask" in outcome) return [await this.ask(outcome.ask, turn)];
    return [{ kind: "text", text: `That starts a new conversation: finish or "cancel" your ${flow.noun} first.` }];
  }

  /** Answers taken from the opening message, so the person knows what was understood and can change it. */
  private prefilledNote(flow: FlowDefinition, answers: Answers): OutgoingMessage[] {
    const filled = flow.steps.filter((step) => answers[step.id] !== undefined && step.input !== "text");
    if (filled.length === 0) return [];
    const list = filled.map((step) => `${step.label}: ${describeAnswer(step, answers[step.id], this.displayLocale)}`).join("; ");
    return [{ kind: "text", text: `From your message I have filled in ${list}. You can change any of them before saving.` }];
  }

  private welcomeBack(flow: FlowDefinition, state: ConversationSnapshot, now: Date): OutgoingMessage[] {
    // The expiry is renewed on every answer, so it also tells when the user was last here (by our clock).
    const lastActive = state.expiresAt.getTime() - this.draftTtlMs;
    if (now.getTime() - lastActive < this.welcomeBackAfterMs) return [];
    const answered = visibleSteps(flow, state.answers).filter((step) => state.answers[step.id] !== undefined).length;
    return [{ kind: "text", text: `Welcome back! You have an unfinished ${flow.noun} (${answered} answers so far); we carry on where you left off.` }];
  }

  private async answer(turn: Turn, flow: FlowDefinition, state: ConversationSnapshot, raw: RawAnswer, now: Date): Promise<Reply> {
    const step = this.stepOf(flow, state.stepId);
    if (!step) return reply(this.summary(flow, state));
    const read = await this.read(turn, state, step, raw, now);
    if (!read.ok) return this.offer(flow, state, step, read.message, read.choices, now);
    // A typed date is said back at once ("03/04/2026" → 3 Apr 2026), so a misreading is caught before the summary.
    const readBack = step.input === "date" && "text" in raw ? `${step.label}: ${describeAnswer(step, read.value, this.displayLocale)}.` : undefined;
    return this.advance(flow, state, { ...state.answers, [step.id]: read.value }, now, readBack);
  }

  /** The step's value from what was typed or clicked (a typed number picks from the options just offered), checked by its schema. */
  private async read(turn: Turn, state: ConversationSnapshot, step: StepDefinition, raw: RawAnswer, now: Date): Promise<ParseResult> {
    const picked = "text" in raw ? offeredValue(state.answers, step.id, raw.text) : null;
    const parsed = await parseStepInput(step, picked ? { value: picked } : raw, { lookups: this.options.lookups, speaker: turn.speaker, now, ...this.dateSettings });
    if (!parsed.ok) return parsed;
    const checked = step.schema.safeParse(parsed.value);
    return checked.success ? { ok: true, value: checked.data } : { ok: false, message: checked.error.issues[0]?.message ?? "That answer doesn't fit this question." };
  }

  /** A refused answer with the options to pick from, remembered so that a typed number picks one. */
  private async offer(flow: FlowDefinition, state: ConversationSnapshot, step: StepDefinition, message: string, choices: Choice[] | undefined, now: Date): Promise<Reply> {
    // Fixed options already answer to their numbers; only a list found for this answer needs remembering.
    const found = step.input === "person" || step.input === "ai_system";
    if (!found || !choices || choices.length === 0) return reply({ kind: "error", text: message }, this.question(flow, state, step, choices));
    const saved = await this.options.states.save(state, { stepId: state.stepId, answers: withOffered(state.answers, step.id, choices), expiresAt: new Date(now.getTime() + this.draftTtlMs) });
    if (!saved) return ignored;
    return reply({ kind: "error", text: message }, this.question(flow, saved, step, choices));
  }

  private async command(
    turn: Turn,
    flow: FlowDefinition,
    state: ConversationSnapshot,
    command: Command,
    stepId: string | undefined,
    now: Date,
    argument?: string,
  ): Promise<Reply> {
    const step = this.stepOf(flow, state.stepId);
    switch (command) {
      case "help":
        return reply({ kind: "text", text: step ? step.help : 'Check the answers below. "confirm" saves, "edit <number>" changes one answer, "cancel" discards.' }, ...this.prompt(flow, state));
      case "cancel": {
        const cancelled = await this.options.states.save(state, { stepId: state.stepId, answers: state.answers, status: "cancelled", expiresAt: state.expiresAt });
        if (!cancelled) return ignored;
        return reply({ kind: "text", text: `Cancelled: nothing was saved for this ${flow.noun}.` });
      }
      case "start_over":
        return this.save(flow, state, { stepId: flow.steps[0]!.id, answers: {} }, now, "Starting over with empty answers.");
      case "back":
        return this.back(flow, state, now);
      case "skip":
        if (!step) return reply(this.summary(flow, state));
        if (!step.optional) return reply({ kind: "error", text: step.skipRefusal ?? "This question needs an answer; it can't be skipped." }, this.question(flow, state, step));
        return this.advance(flow, state, { ...state.answers, [step.id]: step.defaultValue?.(state.answers, turn.speaker) ?? null }, now);
      case "edit":
        return this.edit(flow, state, stepId ?? argument, now);
      case "confirm":
        if (step) return reply({ kind: "text", text: "Let's finish the questions first." }, this.question(flow, state, step));
        return this.confirm(turn, flow, state, now);
      case "continue":
      case "menu":
        return reply(...this.prompt(flow, state));
      default:
        // Only reachable from an input that skipped validation: say so rather than fail.
        return reply({ kind: "error", text: `I don't know the command "${String(command)}". Type "help" for what you can do here.` }, ...this.prompt(flow, state));
    }
  }

  private async back(flow: FlowDefinition, state: ConversationSnapshot, now: Date): Promise<Reply> {
    const steps = visibleSteps(flow, state.answers);
    const index = state.stepId === null ? steps.length : steps.findIndex((step) => step.id === state.stepId);
    if (index <= 0) return reply({ kind: "text", text: "This is the first question; there is nothing before it." }, ...this.prompt(flow, state));
    return this.save(flow, state, { stepId: steps[index - 1]!.id, answers: state.answers }, now);
  }

  private async edit(flow: FlowDefinition, state: ConversationSnapshot, which: string | undefined, now: Date): Promise<Reply> {
    const steps = visibleSteps(flow, state.answers);
    const target = which && /^\d+$/.test(which) ? steps[Number(which) - 1] : steps.find((step) => step.id === which || step.label.toLowerCase() === which?.toLowerCase());
    if (!target) return reply({ kind: "error", text: "Which answer? Use the Edit button next to it, or type e.g. \"edit 3\"." }, this.summary(flow, state));
    return this.save(flow, state, { stepId: target.id, answers: state.answers }, now);
  }

  private async confirm(turn: Turn, flow: FlowDefinition, state: ConversationSnapshot, now: Date): Promise<Reply> {
    const answers = effectiveAnswers(flow, state.answers);
    let result;
    try {
      result = await this.options.states.complete(state, (tx) => flow.complete(answers, { tx, speaker: turn.speaker, channel: turn.channel, now }));
    } catch (error) {
      // The rules refused it (e.g. the incident moved on meanwhile): nothing was saved; the answers stay for editing.
      if (error instanceof ActionRefused) return reply({ kind: "error", text: error.message }, this.summary(flow, state));
      throw error;
    }
    if (!result) return ignored;
    this.options.logger?.info({ flow: flow.id, reference: result.reference }, "conversation completed");
    return reply({ kind: "done", flowId: flow.id, reference: result.reference, title: result.title, lines: result.lines });
  }

  /** Records the answer and moves to the next unanswered question, or to the review summary. */
  private advance(flow: FlowDefinition, state: ConversationSnapshot, answers: Answers, now: Date, note?: string): Promise<Reply> {
    const kept = withoutPending(answers);
    return this.save(flow, state, { stepId: this.nextStepId(flow, kept), answers: kept }, now, note);
  }

  private async save(flow: FlowDefinition, state: ConversationSnapshot, change: { stepId: string | null; answers: Answers }, now: Date, note?: string): Promise<Reply> {
    const saved = await this.options.states.save(state, { ...change, expiresAt: new Date(now.getTime() + this.draftTtlMs) });
    if (!saved) {
      this.options.logger?.info({ conversation: state.id }, "ignored a stale or duplicate delivery");
      return ignored;
    }
    return reply(...(note ? [{ kind: "text", text: note } as const] : []), ...this.prompt(flow, saved));
  }

  private nextStepId(flow: FlowDefinition, answers: Answers): string | null {
    return flow.steps.find((step) => isVisible(step, answers) && answers[step.id] === undefined)?.id ?? null;
  }

  // --- What the user sees -------------------------------------------------------------------

  private prompt(flow: FlowDefinition, state: ConversationSnapshot): OutgoingMessage[] {
    const step = this.stepOf(flow, state.stepId);
    return [step ? this.question(flow, state, step) : this.summary(flow, state)];
  }

  private question(flow: FlowDefinition, state: ConversationSnapshot, step: StepDefinition, choices = step.choices): Extract<OutgoingMessage, { kind: "question" }> {
    const steps = visibleSteps(flow, state.answers);
    const index = steps.findIndex((candidate) => candidate.id === step.id);
    const asked = questionsAsked(flow, state.answers, step.id);
    const previous = state.answers[step.id];
    return {
      kind: "question",
      flowId: flow.id,
      stepId: step.id,
      prompt: typeof step.prompt === "function" ? step.prompt(state.answers) : step.prompt,
      help: step.help,
      input: step.input,
      ...(choices ? { choices } : {}),
      optional: step.optional ?? false,
      ...(previous !== undefined ? { currentAnswer: describeAnswer(step, previous, this.displayLocale) } : {}),
      progress: { step: asked.findIndex((candidate) => candidate.id === step.id) + 1, of: asked.length },
      canGoBack: index > 0,
    };
  }

  private summary(flow: FlowDefinition, state: ConversationSnapshot): OutgoingMessage {
    const note = flow.summaryNote?.(state.answers);
    return {
      kind: "summary",
      flowId: flow.id,
      title: `Please check your ${flow.noun}${note ? `: ${note}` : ""}`,
      fields: visibleSteps(flow, state.answers).map((step) => ({
        stepId: step.id,
        label: step.label,
        value: describeAnswer(step, state.answers[step.id] ?? null, this.displayLocale),
      })),
    };
  }

  private flowOf(state: ConversationSnapshot): FlowDefinition {
    const flow = this.flows.get(state.flowId);
    if (!flow) throw new Error(`Unknown flow ${state.flowId}`);
    return flow;
  }

  private stepOf(flow: FlowDefinition, stepId: string | null): StepDefinition | undefined {
    return stepId === null ? undefined : flow.steps.find((step) => step.id === stepId);
  }
}
