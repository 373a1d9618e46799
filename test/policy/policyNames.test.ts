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

describe("names the policy uses for its own business", () => {
  // A school's policy names its training day, its vetting checks and its exam board, none of them a
  // tool: asking about them is asking about the school's business, not its AI rules.
  const school = assistantOnPolicy(
    "ai-policy.md",
    [
      "# Millbrook Academy AI Policy",
      "",
      "## Training",
      "",
      "Every teacher completes the AI module before using Scribewise. A refresher is given each September as part of the INSET day programme.",
      "",
      "## Recruitment",
      "",
      "Shortlisting is done by people. DBS results, references and right-to-work checks are always assessed by the headteacher.",
      "",
      "## Coursework",
      "",
      "Pupils may use Scribewise to plan coursework, and must declare it. The Joint Council for Qualifications (JCQ) rules on malpractice apply.",
      "",
      "## Suspending a tool",
      "",
      "The Digital Lead may suspend any AI tool after a serious incident. Only the Headteacher may restore it to use, once the cause is fixed.",
    ].join("\n"),
  );

  it("declines a question about a name the policy never speaks of as a tool", async () => {
    expect((await school.ask("What are the dates of the INSET days in the spring term?")).answered).toBe(false);
    expect((await school.ask("How long do DBS results take to come back for a new teacher?")).answered).toBe(false);
  });

  it("answers a tool the policy names, a term it spells out, and a question about a tool that names no AI", async () => {
    const tool = await school.ask("can pupils use Scribewise for coursework?");
    expect(tool.citations[0]?.heading).toBe("Coursework");
    const term = await school.ask("what does JCQ stand for?");
    expect(term.citations[0]?.heading).toBe("Coursework");
    const restore = await school.ask("who can bring a tool back after it was pulled?");
    expect(restore.citations[0]?.heading).toBe("Suspending a tool");
  });
});
