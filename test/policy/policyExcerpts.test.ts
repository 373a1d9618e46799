// What an answer quotes from a section that holds a list: the sentence that introduces the list
// ("AI tools must not be used to write:") never without its items, and an item never without that
// sentence, which can turn its meaning around.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PolicyAssistant } from "../../src/policy/policyAssistant.js";
import { loadPrompt } from "../../src/policy/prompts.js";

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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-excerpts-"));
fs.writeFileSync(path.join(dir, "rules.md"), rules);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const assistant = new PolicyAssistant({ policyDir: dir, prompt: loadPrompt("policy-answer") });

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
