// Commands asked for in sentences, and statements followed by a question: the later evaluation sets
// (npm run eval:routing) as tests, and the table of what sentences ask for checked against the registry.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { chatCommands } from "../../src/commands/commandRegistry.js";
import { commandAskedFor, commandsAskedForInSentences } from "../../src/conversations/understanding/commandRequests.js";
import { formatScore, routingFifthFile, routingFourthFile, routingFreshFile, routingSixthFile, scoreRouting, type RoutingCase } from "../../scripts/evalRouting.js";

describe("commands asked for in sentences", () => {
  it("names only commands the registry has", () => {
    const names = new Set(chatCommands.map((command) => command.name));
    for (const name of commandsAskedForInSentences) expect(names, name).toContain(name);
  });

  it.each([
    ["could you show me all the AI systems I own?", "my systems"],
    ["what's the status of inc-31?", "incident INC-0031"],
    ["send me this week's governance digest", "digest"],
    ["i need to schedule the management review for next quarter", "schedule"],
  ])("reads %j as %j", (text, command) => {
    expect(commandAskedFor(text.toLowerCase().replace(/[^a-z0-9'?\s-]/g, " "))?.text).toBe(command);
  });

  it.each(["what is a statement of applicability?", "do we need a risk register?", "people in procurement use an ai tool that is not on any list"])("leaves %j to the other rules", (text) => {
    expect(commandAskedFor(text)).toBeNull();
  });
});

describe("the later routing evaluation sets", () => {
  it.each([routingFreshFile, routingFourthFile, routingFifthFile, routingSixthFile])("routes at least 80 %% of %s right", (file) => {
    const cases = JSON.parse(fs.readFileSync(file, "utf8")) as RoutingCase[];
    const score = scoreRouting(cases);
    expect(score.correct / score.total, formatScore(score)).toBeGreaterThanOrEqual(0.8);
  });
});
