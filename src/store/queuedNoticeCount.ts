// Whether notices were queued while a turn ran. After each turn the delivery worker is kicked only
// then, so the notices a turn queued (a report for governance, an acknowledgement for its reporter)
// go out at once while most answers cost no outbox queries.
//
// A flag per request would need AsyncLocalStorage, and on Node 20 and 22 its promise hooks tax every
// promise of every request. A count is enough: a turn notes the count as it begins and kicks when the
// count has moved by its end. Its own notice is committed by then; a turn that ran beside another's
// notice kicks too, at one outbox query.
let queued = 0;

export function noteNoticeQueued(): void {
  queued++;
}

/** Notices queued in this process so far: what a turn notes as it begins. */
export function noticesQueuedSoFar(): number {
  return queued;
}

export function noticesQueuedSince(mark: number): boolean {
  return queued > mark;
}
