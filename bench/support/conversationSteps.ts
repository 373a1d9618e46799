// Conversation steps under load. A step is one message from a person and the bot's reply to it;
// it is complete when the reply reaches the (fake) platform, not when the request is acknowledged.
// Each person has at most one step in flight, as in a real chat (and as the engine expects: two
// concurrent answers in one conversation make the second a no-op). People come from a bounded
// pool, as in a real workspace: the first message of each is a newcomer's (the bot looks them up
// in Slack and adds them to the directory), and once the whole pool is waiting for replies the
// next message waits for one (`nextSenderWhenReady`). Without a bound (`nextSender`, autocannon),
// a newcomer writes whenever everyone else is waiting.
import { percentile } from "./statistics.js";

export interface ChatUser {
  index: number;
  /** Where the bot replies: the Slack DM channel or the Teams conversation id. */
  conversation: string;
  turns: number;
}

/**
 * What each person types: first "register a new AI system", then round and round
 * help (the name question again), a name (on to the description question), back (the name again).
 * Every message is a real step with a reply, and the registration never finishes.
 */
export function nextText(user: ChatUser): string {
  if (user.turns === 0) return "register a new AI system";
  const cycle = ["help", `Bench system ${user.index}-${user.turns}`, "back"];
  return cycle[(user.turns - 1) % cycle.length]!;
}

interface InFlight {
  user: ChatUser;
  sentAt: number;
  acknowledged: boolean;
}

export interface StepFigures {
  stepsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Acknowledged steps whose reply never came (within the drain time). */
  unanswered: number;
  /** People who joined because everyone else was waiting for a reply. */
  newcomers: number;
}

export class StepTracker {
  private readonly users: ChatUser[] = [];
  private readonly idle: ChatUser[] = [];
  private readonly inFlight = new Map<string, InFlight>();
  private readonly waiters: ((user: ChatUser | undefined) => void)[] = [];
  private waitingStopped = false;
  private latencies: number[] = [];
  private replyTimes: number[] = [];
  private newcomers = 0;
  private countingNewcomers = false;

  /** `people`: how many people the workspace has (unbounded when not given). */
  constructor(
    private readonly conversationOf: (index: number) => string,
    private readonly people = Number.POSITIVE_INFINITY,
  ) {}

  /** The person who has waited longest for their turn, or a newcomer when everyone is mid-step. */
  nextSender(): ChatUser {
    return this.idle.shift() ?? this.newcomer();
  }

  /**
   * The person who has waited longest for their turn, a newcomer while the pool is not full, or
   * else the next person the bot answers; undefined once `stopWaiting` was called.
   */
  nextSenderWhenReady(): Promise<ChatUser | undefined> {
    if (this.waitingStopped) return Promise.resolve(undefined);
    const ready = this.idle.shift() ?? (this.users.length < this.people ? this.newcomer() : undefined);
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Someone from the pool who has not written yet; undefined once everyone has. */
  nextNewcomer(): ChatUser | undefined {
    return this.users.length < this.people ? this.newcomer() : undefined;
  }

  /** A sender handed out when the load was already over: first in line next time. */
  notSent(user: ChatUser): void {
    this.idle.unshift(user);
  }

  /** The load is over: whoever waits for a sender gets none. */
  stopWaiting(): void {
    this.waitingStopped = true;
    for (const waiter of this.waiters.splice(0)) waiter(undefined);
  }

  resumeWaiting(): void {
    this.waitingStopped = false;
  }

  private newcomer(): ChatUser {
    if (this.countingNewcomers) this.newcomers++;
    const user: ChatUser = { index: this.users.length, conversation: this.conversationOf(this.users.length), turns: 0 };
    this.users.push(user);
    return user;
  }

  sent(user: ChatUser): void {
    this.inFlight.set(user.conversation, { user, sentAt: performance.now(), acknowledged: false });
    user.turns++;
  }

  acknowledged(user: ChatUser, status: number): void {
    const step = this.inFlight.get(user.conversation);
    if (step && status >= 200 && status < 300) step.acknowledged = true;
  }

  replied(conversation: string, arrivedAt: number): void {
    const step = this.inFlight.get(conversation);
    if (!step) return; // not a reply to a step we timed (e.g. one cut off when the load stopped)
    this.inFlight.delete(conversation);
    this.latencies.push(arrivedAt - step.sentAt);
    this.replyTimes.push(arrivedAt);
    const waiter = this.waiters.shift();
    if (waiter) waiter(step.user);
    else this.idle.push(step.user);
  }

  /** Steps answered since the last reset. */
  get answered(): number {
    return this.latencies.length;
  }

  get waiting(): number {
    return this.inFlight.size;
  }

  /** Forget what was timed so far (the warm-up); newcomers from now on are counted. */
  reset(): void {
    this.latencies = [];
    this.replyTimes = [];
    this.newcomers = 0;
    this.countingNewcomers = true;
  }

  async drained(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.acknowledgedInFlight() > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Throughput counts replies inside the load window; latencies count every step, answered late or not at all. */
  figures(window: { startedAt: number; endedAt: number }): StepFigures {
    const unanswered = this.acknowledgedInFlight();
    const inWindow = this.replyTimes.filter((at) => at >= window.startedAt && at <= window.endedAt).length;
    const withUnanswered = [...this.latencies, ...Array<number>(unanswered).fill(Number.POSITIVE_INFINITY)];
    return {
      stepsPerSecond: inWindow / ((window.endedAt - window.startedAt) / 1000),
      p50Ms: percentile(withUnanswered, 0.5),
      p99Ms: percentile(withUnanswered, 0.99),
      unanswered,
      newcomers: this.newcomers,
    };
  }

  private acknowledgedInFlight(): number {
    return [...this.inFlight.values()].filter((step) => step.acknowledged).length;
  }
}
