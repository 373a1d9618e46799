// Node's process warnings: the service logs them as JSON like every other line, instead of bare
// text on stderr that a log collector cannot read; the command line prints them as Node would.
//
// One is known and harmless: inside a transaction the Prisma client runs an include's queries side
// by side on the transaction's one connection, and pg 8 queues them in order (as it always has) while
// warning that pg 9 will refuse it. It is noted once, at debug level, so that operators' logs do not
// show an alarming line at every start; the pinned pg 8 is what makes it harmless.
import type { Logger } from "./logger.js";

const queuedOnOneConnection = /already executing a query/;

const queuedQueries = (warning: Error) => warning.name === "DeprecationWarning" && queuedOnOneConnection.test(warning.message);

export function logProcessWarnings(logger: Logger): void {
  let notedQueuedQueries = false;
  replaceWarningPrinter((warning) => {
    if (queuedQueries(warning)) {
      if (!notedQueuedQueries) logger.debug({ warning: warning.message }, "the database driver queued queries sent together on one connection (harmless with pg 8)");
      notedQueuedQueries = true;
      return;
    }
    logger.warn({ warning: { name: warning.name, message: warning.message } }, "process warning");
  });
}

/** For the command line: every warning on stderr as Node prints it, but the known harmless one. */
export function printProcessWarnings(): void {
  replaceWarningPrinter((warning) => {
    if (!queuedQueries(warning)) console.error(`(node:${process.pid}) ${warning.name}: ${warning.message}`);
  });
}

function replaceWarningPrinter(handle: (warning: Error) => void): void {
  // Node's own printer is the only listener at start; without it nothing goes to stderr.
  process.removeAllListeners("warning");
  process.on("warning", handle);
}
