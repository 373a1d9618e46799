// A short id shown to the user when something fails on our side, and logged with the error,
// so a support request can be matched to its log line.
import { randomBytes } from "node:crypto";

export function newErrorReference(): string {
  return `E-${randomBytes(3).toString("hex").toUpperCase()}`;
}
