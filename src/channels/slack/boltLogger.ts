// Bolt and the Web API client log through our pino logger, so their lines are structured too. At
// debug the Web API client writes every request and response body (a confidential incident's
// description in a DM, what people typed), and other SDK lines may quote payloads: so the SDK's
// debug lines are never passed on, and what is passed on is cut before any payload and capped.
import { LogLevel, type Logger as SlackLogger } from "@slack/logger";
import type { Logger } from "../../logging/logger.js";

/** Longer than any of the SDK's own sentences ("API Call failed due to rate limiting. Will retry in 2 seconds."). */
const maxLineLength = 200;

export function boltLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: "slack" });
  let level = LogLevel.INFO;
  return {
    debug: () => {},
    info: (...msg) => child.info(withoutPayload(msg)),
    warn: (...msg) => child.warn(withoutPayload(msg)),
    error: (...msg) => child.error(withoutPayload(msg)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** The SDK's own words only: objects are named by their type, text stops where a payload starts. */
export function withoutPayload(parts: unknown[]): string {
  const words = parts.map((part) => (typeof part === "string" ? part : part instanceof Error ? part.message : `[${typeof part}]`)).join(" ");
  const payloadStart = words.search(/[{[]/);
  const kept = payloadStart >= 0 ? `${words.slice(0, payloadStart)}[payload omitted]` : words;
  return kept.length > maxLineLength ? `${kept.slice(0, maxLineLength)}…` : kept;
}
