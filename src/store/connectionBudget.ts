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

/** Connections of the main pool left to what is not a turn: the inbox's claims, the outbox, the reminder scan. */
const keptFromTurns = 3;

/**
 * Turns running at once, all platforms together. A turn holds one connection at a time: inside a
 * transaction every query goes through the transaction's own connection, never through the pool
 * (keep it so). Then turns can wait for the pool but never on each other while holding one, and the
 * three connections left over serve the claims, the outbox and the reminder scan. A turn
 * spends most of its time waiting on a round trip (the database, Slack's Web API), not on the
 * event loop: with half the pool (8 turns, 6 for Slack beside Teams) a Slack DM step finished
 * 765–808 times a second; with 14 (12 for Slack), 876–895 on the same two cores, acknowledgements
 * still within 30 ms at the 99th percentile (`npx tsx bench/chatSteps.ts --slack-only`).
 */
export const turnBudget = connectionPoolSize - priorityConnections - keptFromTurns;

/** With two platforms configured, each keeps this many turns for itself when the other is busy. */
const keptForEachPlatform = 2;

/** The most turns one platform may run at once: the whole budget alone, less the other's share when both run. */
export function turnsPerPlatform(platforms: number): number {
  return platforms > 1 ? turnBudget - keptForEachPlatform * (platforms - 1) : turnBudget;
}
