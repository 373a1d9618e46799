// How one service process shares its database connections. Acknowledgements (the inbox's write)
// and /healthz have connections of their own, so a backlog of turns never delays them; the turns
// of every platform together draw on one budget, so configuring Slack and Teams both does not
// double what they take from the pool.

/** Connections each service process keeps to the database, all pools together. */
export const connectionPoolSize = 20;

/**
 * Kept apart for the inbox's writes (what an acknowledgement waits for: one INSERT for all that
 * arrive together, per platform) and /healthz.
 */
export const priorityConnections = 3;

/**
 * Turns running at once, all platforms together. Each holds at most one connection at a time (a
 * report's confirmation holds one for its transaction), so the main pool keeps as many again for
 * the inbox's claims, the outbox, the reminder scan and a turn's occasional second query. More at
 * once would not finish more on two cores; it would only slow every turn and the acknowledgements,
 * which share the event loop with them.
 */
export const turnBudget = Math.floor((connectionPoolSize - priorityConnections) / 2);

/** With two platforms configured, each keeps this many turns for itself when the other is busy. */
const keptForEachPlatform = 2;

/** The most turns one platform may run at once: the whole budget alone, less the other's share when both run. */
export function turnsPerPlatform(platforms: number): number {
  return platforms > 1 ? turnBudget - keptForEachPlatform * (platforms - 1) : turnBudget;
}
