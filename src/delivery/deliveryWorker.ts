// Sends what the outbox holds: on a timer (reminders, retries, notices written by another replica
// or the CLI) and at once when a turn may have queued something. One pass at a time per process.
import type { OutgoingMessage } from "../conversations/messages.js";
import type { Logger } from "../logging/logger.js";
import { noticeActionsFrom } from "../conversations/noticeInput.js";
import type { DeliveryRouter, Outbox } from "./outbox.js";

/** A delivery that failed; `retryAfterMs` when the platform is rate limiting and said how long to wait (429). */
export class DeliveryFailure extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
    this.name = "DeliveryFailure";
  }
}

/** A file sent with a notice: the digest's chart, or an evidence pack. */
export interface NoticeFile {
  bytes: Uint8Array;
  name: string;
}

export interface DeliverySender {
  platform: string;
  /** Sends one notice to a target ("person:<id>" or "channel:<id>"), with its file if any; throws when it did not arrive. */
  send(target: string, notice: Extract<OutgoingMessage, { kind: "notice" }>, file?: NoticeFile): Promise<void>;
}

export interface DeliveryWorkerOptions {
  outbox: Outbox;
  route: DeliveryRouter;
  logger: Logger;
  intervalMs: number;
  batchSize?: number;
  clock?: () => Date;
}

export class DeliveryWorker {
  private readonly senders = new Map<string, DeliverySender>();
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DeliveryWorkerOptions) {}

  addSender(sender: DeliverySender): void {
    this.senders.set(sender.platform, sender);
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Runs a pass now, or once more right after the pass in progress; resolves when that pass is done. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.queued ??= this.running.then(() => {
        this.queued = undefined;
        return this.kick();
      });
      return this.queued;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.options.logger.error({ err: error }, "notification delivery pass failed"))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.queued;
    await this.running;
  }

  private async pass(): Promise<void> {
    const now = this.now();
    await this.options.outbox.fanOut(this.options.route, now);
    await Promise.all([...this.senders.values()].map((sender) => this.drain(sender)));
  }

  /**
   * Claims and sends batches for one platform until nothing is due. A 429 holds the whole platform
   * back until its Retry-After: the rest of the batch is handed back untried, spending no attempt.
   */
  private async drain(sender: DeliverySender): Promise<void> {
    for (;;) {
      const claimed = await this.options.outbox.claim(sender.platform, this.now(), this.options.batchSize ?? 20);
      if (claimed.length === 0) return;
      let rateLimitedUntil: Date | undefined;
      for (const delivery of claimed) {
        if (rateLimitedUntil) await this.options.outbox.postpone(delivery.id, rateLimitedUntil, `waiting for ${sender.platform}'s rate limit`);
        else rateLimitedUntil = await this.deliver(sender, delivery);
      }
      if (rateLimitedUntil) return;
    }
  }

  /** Sends one delivery; when the platform is rate limiting, says until when. */
  private async deliver(sender: DeliverySender, delivery: Awaited<ReturnType<Outbox["claim"]>>[number]): Promise<Date | undefined> {
    const notification = delivery.notification;
    const notice = { kind: "notice" as const, subject: notification.subject, text: notification.text, actions: noticeActionsFrom(notification.actions) };
    try {
      const file = notification.attachment ? { bytes: notification.attachment, name: notification.attachmentName ?? "ai-governance-digest.png" } : undefined;
      await sender.send(delivery.target, notice, file);
      await this.options.outbox.sent(delivery.id, this.now());
    } catch (error) {
      const failure = error instanceof DeliveryFailure ? error : new DeliveryFailure(error instanceof Error ? error.message : String(error));
      const outcome = await this.options.outbox.failed(delivery.id, failure.message, this.now(), failure.retryAfterMs);
      this.options.logger.warn({ delivery: delivery.id, platform: sender.platform, attempts: delivery.attempts, outcome, err: failure.message }, "a notification delivery failed");
      if (failure.retryAfterMs !== undefined && outcome === "retry") return new Date(this.now().getTime() + failure.retryAfterMs);
    }
    return undefined;
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
