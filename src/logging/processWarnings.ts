// Node's process warnings as log entries, JSON like every other line, instead of bare text on
// stderr that a log collector cannot read.
//
// One is known and harmless: inside a transaction the Prisma client runs an include's queries side
// by side on the transaction's one connection, and pg 8 queues them in order (as it always has) while
// warning that pg 9 will refuse it. It is noted once, at debug level, so that operators' logs do not
// show an alarming line at every start; the pinned pg 8 is what makes it harmless.
import type { Logger } from "./logger.js";

const queuedOnOneConnection = /already executing a query/;

export function logProcessWarnings(logger: Logger): void {
  // Node's own printer is the only listener at start; without it nothing goes to stderr.
  process.removeAllListeners("warning");
  let notedQueuedQueries = false;
  process.on("warning", (warning) => {
    if (warning.name === "DeprecationWarning" && queuedOnOneConnection.test(warning.message)) {
      if (!notedQueuedQueries) logger.debug({ warning: warning.message }, "the database driver queued queries sent together on one connection (harmless with pg 8)");
      notedQueuedQueries = true;
      return;
    }
    logger.warn({ warning: { name: warning.name, message: warning.message } }, "process warning");
  });
}
