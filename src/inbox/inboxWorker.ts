// Processes what the durable inbox holds: woken at once when a request is written, and every
// second for what another replica wrote or a restart left behind. At most `concurrency` requests
// run at a time (a bounded pool, sized to the database connections); the rest wait in the
// database, not in memory, so a burst queues instead of failing. A finished request is marked
// processed by the same statement that claims the next ones, so a busy worker spends one round
// trip per batch of requests on the inbox, not two per request.
import type { Logger } from "../logging/logger.js";
import type { Inbox, InboxRequest } from "../store/inbox.js";
import type { TurnSlots } from "./turnSlots.js";

export interface InboxWorkerOptions {
  inbox: Inbox;
  platform: string;
  concurrency: number;
  /** The turns budget shared with the other platforms' workers (at most `concurrency` of it for this one). */
  slots?: TurnSlots;
  /** Runs one request; `answer` is what its acknowledgement carries (an ephemeral reply, a form's errors). */
  process(request: InboxRequest, answer: (response: unknown) => Promise<void>): Promise<void>;
  /** An answer nobody waits for any more (the request was acknowledged already). */
  answerLater(request: InboxRequest, response: unknown): Promise<void>;
  logger: Logger;
  pollMs?: number;
  clock?: () => Date;
}

const pruneEveryPolls = 600;

export class InboxWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting = new Map<number, (response: unknown) => void>();
  /** Requests processed but not yet marked so: the next claim marks them. */
  private finished: number[] = [];
  private filling = false;
  private fillAgain = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private polls = 0;
  private readonly wakeSoon = () => this.wake();

  constructor(private readonly options: InboxWorkerOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      if (++this.polls % pruneEveryPolls === 1) void this.prune();
      this.wake();
    }, this.options.pollMs ?? 1_000);
    this.timer.unref();
    this.wake();
  }

  /** Marks what finished, and claims and starts what is due, up to the concurrency limit. */
  wake(): void {
    if (this.filling) {
      this.fillAgain = true;
      return;
    }
    if (this.stopped && this.finished.length === 0) return;
    this.filling = true;
    void this.fill().finally(() => {
      this.filling = false;
      // Something finished while the last statement was on its way and nothing else will wake us.
      if (this.fillAgain) this.wake();
    });
  }

  /**
   * Waits (at most `waitMs`) for the acknowledgement of a request just written; undefined when it
   * did not come in time, and the request is then answered later through its own means.
   */
  answerOf(id: number, waitMs: number): Promise<unknown> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(undefined);
      }, waitMs);
      this.waiting.set(id, (response) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(response ?? null);
      });
      this.wake();
    });
  }

  /** Lets the requests in hand finish and marks them processed; claims nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    while (this.inFlight.size > 0 || this.filling) await Promise.allSettled([...this.inFlight, new Promise((resolve) => setTimeout(resolve, 10))]);
    if (this.finished.length > 0) await this.fill();
  }

  private async fill(): Promise<void> {
    do {
      this.fillAgain = false;
      const done = this.finished.splice(0);
      const own = this.options.concurrency - this.inFlight.size;
      const room = this.stopped ? 0 : Math.max(0, Math.min(own, this.options.slots?.free ?? own));
      // The other platforms hold the whole budget: claim again as soon as one of them gives a turn back.
      if (room === 0 && own > 0 && !this.stopped) this.options.slots?.wakeOnRelease(this.wakeSoon);
      if (done.length === 0 && room === 0) return;
      // Held while the claim is on its way, so two workers never count the same free turn; each claimed request keeps one.
      this.options.slots?.take(room);
      let claimed: InboxRequest[];
      try {
        claimed = await this.options.inbox.settle(this.options.platform, done, this.now(), room);
      } catch (error) {
        this.options.slots?.release(room);
        // The database is away: what finished is marked next time, the rest stays in the inbox for the next poll.
        this.finished.unshift(...done);
        this.options.logger.error({ err: error }, "claiming from the inbox failed");
        return;
      }
      this.options.slots?.release(room - claimed.length);
      for (const request of claimed) this.run(request);
      if (claimed.length > 0 && claimed.length === room) this.fillAgain = true;
    } while ((this.fillAgain || this.finished.length > 0) && this.inFlight.size < this.options.concurrency && !this.stopped);
  }

  private run(request: InboxRequest): void {
    const answer = async (response: unknown) => {
      const waiter = this.waiting.get(request.id);
      if (waiter) waiter(response);
      else if (response) await this.options.answerLater(request, response);
    };
    const work = this.options
      .process(request, answer)
      .catch((error: unknown) => this.options.logger.error({ err: error, inboxId: request.id }, "processing an inbox request failed"))
      .finally(() => {
        this.inFlight.delete(work);
        this.finished.push(request.id);
        this.options.slots?.release(1);
        this.wake();
      });
    this.inFlight.add(work);
  }

  private async prune(): Promise<void> {
    try {
      const abandoned = await this.options.inbox.prune(this.now());
      if (abandoned > 0) this.options.logger.error({ abandoned, platform: this.options.platform }, "inbox requests waited too long and were given up");
    } catch (error) {
      this.options.logger.warn({ err: error }, "pruning the inbox failed");
    }
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
