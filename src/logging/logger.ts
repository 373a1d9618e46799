// Structured JSON logs (pino): one line per event, machine-readable, cheap on the hot path.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: "aims-assistant" } }, destination);
}
