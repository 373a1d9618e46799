// What a platform's inbox worker gets from the service's connection budget (src/store/connectionBudget.ts).
import type { DriverQueries } from "../store/driverQueries.js";
import type { TurnSlots } from "./turnSlots.js";

export interface InboxBudget {
  /** The most requests this platform runs at once. */
  concurrency: number;
  /** The turns budget shared with the other platforms. */
  slots?: TurnSlots;
  /** The connections kept for the inbox's writes (acknowledgements). */
  priority?: DriverQueries;
  /** The turns' connections straight through the driver, for the claims. */
  direct?: DriverQueries;
}

/** Without a service around it (a test, a tool): eight at once, alone. */
export const standaloneInboxBudget: InboxBudget = { concurrency: 8 };
