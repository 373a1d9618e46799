// How many reports the public form takes: per client address and in total, each over a sliding hour.
// Kept in memory: a restart forgets the counts, which only ever lets a few more reports through.

export interface RateLimits {
  perAddressPerHour: number;
  totalPerHour: number;
}

export type RateDecision = { allowed: true } | { allowed: false; reason: "address" | "total"; retryAfterSeconds: number };

const hourMs = 60 * 60_000;

export class SubmissionRateLimiter {
  private readonly byAddress = new Map<string, number[]>();
  private total: number[] = [];

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Counts a submission when it is allowed; a refused one is not counted, so waiting always helps. */
  take(address: string): RateDecision {
    const now = this.clock().getTime();
    this.total = recent(this.total, now);
    const mine = recent(this.byAddress.get(address) ?? [], now);
    if (mine.length >= this.limits.perAddressPerHour) return { allowed: false, reason: "address", retryAfterSeconds: secondsUntilFree(mine, now) };
    if (this.total.length >= this.limits.totalPerHour) return { allowed: false, reason: "total", retryAfterSeconds: secondsUntilFree(this.total, now) };
    mine.push(now);
    this.total.push(now);
    this.byAddress.set(address, mine);
    this.forgetIdleAddresses(now);
    return { allowed: true };
  }

  /** Keeps the map from growing with every address ever seen. */
  private forgetIdleAddresses(now: number): void {
    if (this.byAddress.size < 10_000) return;
    for (const [address, times] of this.byAddress) if (recent(times, now).length === 0) this.byAddress.delete(address);
  }
}

const recent = (times: number[], now: number) => times.filter((time) => now - time < hourMs);
const secondsUntilFree = (times: number[], now: number) => Math.max(1, Math.ceil((times[0]! + hourMs - now) / 1000));
