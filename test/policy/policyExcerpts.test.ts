// What an answer quotes from a section that holds a list: the sentence that introduces the list
// ("AI tools must not be used to write:") never without its items, and an item never without that
// sentence, which can turn its meaning around.
import { describe, expect, it } from "vitest";
import { extractiveAnswer } from "../../src/policy/policyExtracts.js";
import { PolicyIndex } from "../../src/policy/policyIndex.js";
import { splitDocument } from "../../src/policy/policySections.js";
import { unitsOf } from "../../src/policy/policyUnits.js";
import { assistantOnPolicy } from "../support/policyFolder.js";

const rules = [
  "# Harbour Press AI Rules",
  "",
  "Version 1.0",
  "",
  "## Writing with AI",
  "",
  "AI tools must not be used to write:",
  "",
  "- obituaries and tributes;",
  "- court reports;",
  "- corrections and clarifications.",
  "",
  "Anything else an AI tool drafts is checked by an editor before it is published.",
  "",
  "## Images",
  "",
  "AI images are labelled \"AI-generated\" in their caption, and never show a real person.",
].join("\n");

const assistant = assistantOnPolicy("rules.md", rules);

describe("quoting a section that holds a list", () => {
  it("quotes the sentence introducing a list with the list", async () => {
    const answer = await assistant.ask("what must AI never be used to write?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe("Writing with AI");
    expect(answer.answer).toContain("AI tools must not be used to write:");
    for (const item of ["obituaries and tributes", "court reports", "corrections and clarifications"]) expect(answer.answer).toContain(item);
  });

  it("quotes the whole list when the sentence introducing it is what the question matches", async () => {
    const answer = await assistant.ask("can I use AI to write court reports?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe("Writing with AI");
    expect(answer.answer).toContain("court reports");
    expect(answer.answer.indexOf("AI tools must not be used to write:")).toBeLessThan(answer.answer.indexOf("court reports"));
  });

  it("quotes a list item with the sentence that introduces it, so a ban does not read as a permission", async () => {
    const answer = await assistant.ask("are obituaries ok to do with chatgpt");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/AI tools must not be used to write:\n- obituaries and tributes;/);
  });
});

describe("quoting a list item that runs onto more lines", () => {
  // A typed procedure wraps its bullets under their text; a PDF's text wraps them at the margin.
  const procedure = [
    "INCIDENT PROCEDURE",
    "",
    "TELLING THE REGULATOR",
    "",
    "  - Personal data breaches that are likely to result in a risk to",
    "    people must be reported to the Information Commissioner's Office",
    "    within 72 hours of becoming aware of them. The DPO makes the report.",
    "  - Customers wrongly refused credit are contacted within 5 working days.",
    "",
    "STOPPING A TOOL",
    "",
    "- Any team leader may switch the chatbot off with the pause switch on the",
    "dashboard; the duty manager is told at once.",
    "Switching it back on needs the Head of Service.",
  ].join("\n");
  const typed = assistantOnPolicy("incident-procedure.txt", procedure);

  it("quotes the whole item, with who makes the report, not its first line", async () => {
    const answer = await typed.ask("who reports a personal data breach to the ICO, and how quickly?");
    expect(answer.citations[0]?.section).toBe("TELLING THE REGULATOR");
    expect(answer.answer).toContain("Personal data breaches that are likely to result in a risk to people must be reported to the Information Commissioner's Office within 72 hours");
    expect(answer.answer).toContain("The DPO makes the report.");
  });

  it("joins a line that carries an item on at the margin, and leaves the paragraph below the list its own", () => {
    const passage = splitDocument("incident-procedure.txt", procedure, { plainText: true }).find((section) => section.heading === "STOPPING A TOOL")!;
    const units = unitsOf(passage.text).map(({ kind, text }) => [kind, text]);
    expect(units).toEqual([
      ["item", "Any team leader may switch the chatbot off with the pause switch on the dashboard; the duty manager is told at once."],
      ["sentence", "Switching it back on needs the Head of Service."],
    ]);
  });
});

describe("saying it is not certain", () => {
  it("opens each closest section with its heading and does not name a heading-named section twice", () => {
    const question = "are AI images checked by an editor before they are published?";
    const hits = new PolicyIndex(splitDocument("rules.md", rules)).query(question, 3);
    const [opening, ...sections] = extractiveAnswer(question, hits, "uncertain").answer.split("\n").filter((line) => !line.startsWith("- "));
    expect(opening).toBe("I'm not certain; these sections look closest:");
    expect(sections.length).toBeGreaterThanOrEqual(2);
    for (const line of sections) expect(line).toMatch(/^• (Writing with AI|Images) \[rules\.md\]: \S/);
  });
});

describe("quoting a sentence from a quoted paragraph", () => {
  const wording = assistantOnPolicy("proposals.md", [
    "# Client Proposals and AI",
    "",
    "## Standard wording for fee proposals",
    "",
    "Every fee proposal includes this paragraph.",
    "",
    "\"We use a small number of approved tools for drafting and early visualisation. We will tell you before we use AI-generated imagery in anything prepared for you, and we will respect any restrictions you set.\"",
  ].join("\n"));

  it("quotes the sentence without the paragraph's quote mark left alone at its end", async () => {
    const answer = await wording.ask("do we tell the client before we use AI-generated imagery?");
    expect(answer.citations[0]?.section).toBe("Standard wording for fee proposals");
    expect(answer.answer).toContain("any restrictions you set.");
    expect(answer.answer).not.toMatch(/restrictions you set\."/);
  });
});
