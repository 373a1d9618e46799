// The words that select an audit or review in chat: "REV-0001", "REV-0001 results", "review inputs REV-0002".
import { parseReviewReference } from "../domain/nonconformity.js";

export type ReviewCommand = { kind: "show" | "results" | "inputs"; reference: string };

const rev = String.raw`(rev[-\s]?\d{1,6})`;
const patterns: [ReviewCommand["kind"], RegExp][] = [
  ["results", new RegExp(String.raw`^(?:(?:audit|review|rev)\s+)?${rev}\s+results$`, "i")],
  ["results", new RegExp(String.raw`^record\s+(?:the\s+)?results\s+(?:of\s+|for\s+)?${rev}$`, "i")],
  ["inputs", new RegExp(String.raw`^(?:management\s+)?review\s+inputs\s+(?:for\s+)?${rev}$`, "i")],
  ["inputs", new RegExp(String.raw`^prepare\s+(?:management\s+)?review\s+${rev}$`, "i")],
  ["inputs", new RegExp(String.raw`^${rev}\s+inputs$`, "i")],
  ["show", new RegExp(String.raw`^(?:audit\s+|review\s+)?${rev}$`, "i")],
];

export function parseReviewCommand(text: string): ReviewCommand | null {
  const typed = text.trim().replace(/^\//, "").replace(/[.!?]+$/, "");
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(typed);
    if (match) return { kind, reference: parseReviewReference(match[1]!)! };
  }
  return null;
}

