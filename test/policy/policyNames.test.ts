// The names a policy uses anchor a question in it ("is Datix down?"), but an ordinary word the policy
// happens to write in capitals ("IT") names something only when the question writes it so too.
import { describe, expect, it } from "vitest";
import { assistantOnPolicy } from "../support/policyFolder.js";

const policy = [
  "# Orchard Bank AI Standard",
  "",
  "## Installing AI tools",
  "",
  "Only IT may install an AI tool on a work laptop. Raise a ticket with the IT Service Desk, who check the tool is on the approved list first.",
  "",
  "## Shift cover and call handling",
  "",
  "Call handlers may use the Whisperline transcription assistant on customer calls. Swap a shift with a colleague only after the transcript of your last call is saved.",
].join("\n");

const assistant = assistantOnPolicy("ai-standard.md", policy);

describe("names in a policy", () => {
  it("does not take the pronoun 'it' for the IT department", async () => {
    const answer = await assistant.ask("is it ok to call a customer back from my personal mobile?");
    expect(answer).toMatchObject({ answered: false, confidence: "off-topic" });
  });

  it("answers when the question writes IT, or names a tool the policy names", async () => {
    const it1 = await assistant.ask("do I need IT to put a new tool on my laptop?");
    expect(it1.answered).toBe(true);
    expect(it1.citations[0]?.heading).toBe("Installing AI tools");
    const tool = await assistant.ask("can I keep Whisperline running while I swap a shift?");
    expect(tool.answered).toBe(true);
    expect(tool.citations.map((citation) => citation.heading)).toContain("Shift cover and call handling");
  });
});

describe("names of laws", () => {
  const utility = assistantOnPolicy(
    "standard.md",
    [
      "# Wyebank Water AI Standard",
      "",
      "## Leak detection",
      "",
      "A LeakSense ranking alone is never grounds for a notice under the New Roads and Street Works Act; a technician confirms every leak first.",
      "",
      "## Approved tools",
      "",
      "Field crews may use LeakSense and DeepL on their work tablets.",
    ].join("\n"),
  );

  it("does not take a word of a law's name for a tool", async () => {
    expect((await utility.ask("what time does the street lighting come on at the works?")).answered).toBe(false);
    expect((await utility.ask("can I park on the street by the technician's van?")).answered).toBe(false);
    expect((await utility.ask("is a LeakSense ranking enough for a street works notice?")).answered).toBe(true);
  });
});
