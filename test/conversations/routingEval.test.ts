// The routing evaluation as a test: the offline rules send at least 95 % of each route's first
// messages where a person expects (npm run eval:routing prints the table and every miss).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { formatScore, routingEvalFile, scoreRouting, type RoutingCase } from "../../scripts/evalRouting.js";

const cases = JSON.parse(fs.readFileSync(routingEvalFile, "utf8")) as RoutingCase[];

describe("understanding the first message", () => {
  it("has an evaluation set of at least 120 messages covering every route", () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    const routes = new Set(cases.map((item) => (item.route.startsWith("command:") ? "command" : item.route)));
    expect(routes).toEqual(new Set(["ask_policy", "report_incident", "register_system", "report_shadow_ai", "capabilities", "clarify", "command"]));
  });

  it("routes at least 95 % of each route right", () => {
    const score = scoreRouting(cases);
    for (const [route, bucket] of score.perRoute) expect(bucket.correct / bucket.total, `${route}\n${formatScore(score)}`).toBeGreaterThanOrEqual(0.95);
  });
});
