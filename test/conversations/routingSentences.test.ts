// Commands asked for in sentences, and statements followed by a question: the later evaluation sets
// (npm run eval:routing) as tests, and the commands' own sentence names (`askedFor`) checked against each other.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { chatCommands, findChatCommand } from "../../src/commands/commandRegistry.js";
import { commandAskedFor } from "../../src/conversations/understanding/commandRequests.js";
import { formatScore, routingFifthFile, routingFourthFile, routingFreshFile, routingSixthFile, scoreRouting, type RoutingCase } from "../../scripts/evalRouting.js";

describe("commands asked for in sentences", () => {
  const sentenceNames = chatCommands.flatMap((command) => (command.askedFor ?? []).map((subject) => ({ command: command.name, subject })));
  // A reference's number, for names built from it ("7" → "INC-0007"); fixed names ignore it.
  const sample = Object.assign(["ref-7", "7"], { index: 0, input: "ref-7" }) as RegExpExecArray;

  it("gives each command's sentence words to that command alone, and an order among them", () => {
    const words = sentenceNames.map(({ subject }) => subject.names.source);
    expect(words.filter((source, index) => words.indexOf(source) !== index)).toEqual([]);
    const precedences = sentenceNames.map(({ subject }) => subject.precedence);
    expect(precedences.filter((precedence, index) => precedences.indexOf(precedence) !== index)).toEqual([]);
  });

  it("turns each sentence name into text that, typed, is the same command", () => {
    expect(sentenceNames.length).toBeGreaterThan(10);
    for (const { command, subject } of sentenceNames) expect(findChatCommand(subject.text(sample))?.command.name, subject.text(sample)).toBe(command);
  });

  it.each([
    ["could you show me all the AI systems I own?", "my systems"],
    ["what's the status of inc-31?", "incident INC-0031"],
    ["send me this week's governance digest", "digest"],
    ["i need to schedule the management review for next quarter", "schedule"],
  ])("reads %j as %j", (text, command) => {
    expect(commandAskedFor(text.toLowerCase().replace(/[^a-z0-9'?\s-]/g, " "), chatCommands)?.text).toBe(command);
  });

  it.each(["what is a statement of applicability?", "do we need a risk register?", "people in procurement use an ai tool that is not on any list"])("leaves %j to the other rules", (text) => {
    expect(commandAskedFor(text, chatCommands)).toBeNull();
  });
});

describe("the later routing evaluation sets", () => {
  it.each([routingFreshFile, routingFourthFile, routingFifthFile, routingSixthFile])("routes at least 80 %% of %s right", (file) => {
    const cases = JSON.parse(fs.readFileSync(file, "utf8")) as RoutingCase[];
    const score = scoreRouting(cases);
    expect(score.correct / score.total, formatScore(score)).toBeGreaterThanOrEqual(0.8);
  });
});
