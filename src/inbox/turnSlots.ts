// One budget of turns shared by every platform's inbox worker: a worker takes a slot per request it
// claims (held from the claim on) and gives it back when the request is done. A worker that found no free slot while it had
// work in hand is woken when one frees, so the other platform's backlog never waits for its poll.

export class TurnSlots {
  private taken = 0;
  private readonly starved = new Set<() => void>();

  constructor(readonly total: number) {}

  get free(): number {
    return this.total - this.taken;
  }

  take(count: number): void {
    this.taken += count;
  }

  release(count: number): void {
    if (count <= 0) return;
    this.taken -= count;
    const waiting = [...this.starved];
    this.starved.clear();
    for (const wake of waiting) wake();
  }

  /** `wake` runs at the next release (once). */
  wakeOnRelease(wake: () => void): void {
    this.starved.add(wake);
  }
}
