// `npm run eval:routing`: how often the offline rules send a first message where a person expects.
// Prints accuracy per route, a confusion table (expected row × chosen column) and every miss.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { routeName, understandFirstMessage } from "../src/conversations/understanding/firstMessage.js";
import { chatCommands } from "../src/commands/commandRegistry.js";

export interface RoutingCase {
  text: string;
  route: string;
}

export interface RoutingScore {
  total: number;
  correct: number;
  perRoute: Map<string, { correct: number; total: number }>;
  confusion: Map<string, Map<string, number>>;
  misses: { text: string; expected: string; got: string }[];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const routingEvalFile = path.join(root, "test", "fixtures", "routing-eval.json");
/** Written after the rules were tuned and scored untouched first (29/32); three general fixes followed. */
export const routingHeldOutFile = path.join(root, "test", "fixtures", "routing-eval-heldout.json");
/** A third set, written later in other words, and scored before any change it might prompt. */
export const routingFreshFile = path.join(root, "test", "fixtures", "routing-eval-fresh.json");
/** A fourth, written by someone who had not read the routing rules; the rules were changed after its first score. */
export const routingFourthFile = path.join(root, "test", "fixtures", "routing-eval-fourth.json");
/** A fifth, written the same way after the rules had been changed for the third and fourth; changed for after its first score. */
export const routingFifthFile = path.join(root, "test", "fixtures", "routing-eval-fifth.json");
/** A sixth, written the same way after the rules had been changed for the fifth. */
export const routingSixthFile = path.join(root, "test", "fixtures", "routing-eval-sixth.json");

/** Commands are scored by their exact name; the confusion table groups them as "command". */
const family = (route: string) => (route.startsWith("command:") ? "command" : route);

export function scoreRouting(cases: RoutingCase[], route: (text: string) => string = (text) => routeName(understandFirstMessage(text, chatCommands))): RoutingScore {
  const score: RoutingScore = { total: cases.length, correct: 0, perRoute: new Map(), confusion: new Map(), misses: [] };
  for (const item of cases) {
    const got = route(item.text);
    const right = got === item.route;
    const bucket = score.perRoute.get(family(item.route)) ?? { correct: 0, total: 0 };
    bucket.total++;
    if (right) bucket.correct++;
    else score.misses.push({ text: item.text, expected: item.route, got });
    if (right) score.correct++;
    score.perRoute.set(family(item.route), bucket);
    const row = score.confusion.get(family(item.route)) ?? new Map<string, number>();
    const column = right ? family(got) : got.startsWith("command:") && family(item.route) === "command" ? "command (other)" : family(got);
    row.set(column, (row.get(column) ?? 0) + 1);
    score.confusion.set(family(item.route), row);
  }
  return score;
}

const percent = (correct: number, total: number) => `${((100 * correct) / Math.max(total, 1)).toFixed(1)} %`;

export function formatScore(score: RoutingScore): string {
  const lines = [`Routing: ${score.correct}/${score.total} right (${percent(score.correct, score.total)})`, "", "| route | right | accuracy |", "| --- | --- | --- |"];
  for (const [route, bucket] of [...score.perRoute].sort()) lines.push(`| ${route} | ${bucket.correct}/${bucket.total} | ${percent(bucket.correct, bucket.total)} |`);
  const columns = [...new Set([...score.confusion.values()].flatMap((row) => [...row.keys()]))].sort();
  lines.push("", `| expected \\ chosen | ${columns.join(" | ")} |`, `| --- | ${columns.map(() => "---").join(" | ")} |`);
  for (const [expected, row] of [...score.confusion].sort()) lines.push(`| ${expected} | ${columns.map((column) => row.get(column) ?? 0).join(" | ")} |`);
  if (score.misses.length > 0) lines.push("", "Misses:", ...score.misses.map((miss) => `  ${miss.expected} → ${miss.got}: ${miss.text}`));
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, file] of [["main set", routingEvalFile], ["second set", routingHeldOutFile], ["third set", routingFreshFile], ["fourth set", routingFourthFile], ["fifth set", routingFifthFile], ["sixth set", routingSixthFile]] as const) {
    const cases = JSON.parse(fs.readFileSync(file, "utf8")) as RoutingCase[];
    console.log(`## ${name} (${path.relative(root, file)})\n\n${formatScore(scoreRouting(cases))}\n`);
  }
}
