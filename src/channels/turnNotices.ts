/**
 * Called as a turn begins; what it returns is called once the turn has answered, and sends at once
 * the notices the turn queued (a report for governance, an acknowledgement for its reporter).
 */
export type BeginTurn = () => () => void;
