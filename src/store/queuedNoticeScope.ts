// Whether the work of one request queued a notice. The delivery worker is kicked after each turn so
// notices go out at once; a turn that queued nothing (most answers) then costs no outbox queries.
// Work outside a scope (Socket Mode, the reminder scan) is not tracked, so it always kicks.
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<{ queued: boolean }>();

/** Runs `work`, and everything it starts, in a scope that remembers whether a notice was queued. */
export function trackingQueuedNotices<T>(work: () => T): T {
  return scope.run({ queued: false }, work);
}

export function noteNoticeQueued(): void {
  const current = scope.getStore();
  if (current) current.queued = true;
}

/** True or false inside a scope; undefined outside one, where nothing is known. */
export function noticesQueuedInScope(): boolean | undefined {
  return scope.getStore()?.queued;
}
