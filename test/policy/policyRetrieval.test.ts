// Offline policy retrieval: the everyday words, typos and phrasal verbs of chat questions still
// find the section that answers them.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPolicyCorpus } from "../../src/policy/policyCorpus.js";
import { conceptsOf, PolicyIndex } from "../../src/policy/policyIndex.js";
import { judge } from "../../src/policy/policyRelevance.js";
import { matchCurated } from "../../src/policy/curatedMatching.js";
import { PolicyAssistant } from "../../src/policy/policyAssistant.js";
import { isDefinitions } from "../../src/policy/policyDefinitions.js";
import { loadPrompt } from "../../src/policy/prompts.js";
import { splitDocument } from "../../src/policy/policySections.js";
import { assistantOnPolicy } from "../support/policyFolder.js";
import { unitsOf } from "../../src/policy/policyUnits.js";
import { oneEditApart, PolicySpeller } from "../../src/policy/policySpelling.js";
import { stem } from "../../src/policy/policyWords.js";

const index = new PolicyIndex((await loadPolicyCorpus(path.resolve("policies"))).passages);
const topSection = (question: string) => {
  const hits = index.query(question, 3);
  return hits[0] && { id: hits[0].passage.id, relevant: judge(hits) !== "off-topic" };
};

describe("policy retrieval", () => {
  it("reads everyday words as the policy's: client info and ChatGPT find the customer personal data section", () => {
    expect(topSection("can I put client info into chatgpt")).toEqual({ id: "ai-acceptable-use-policy.md#4.2", relevant: true });
  });

  it("reads something done by accident as something to report: the reporting section is among the closest", async () => {
    const hospital = new PolicyAssistant({ policyDir: path.resolve("test/fixtures/policy-corpora/harbourline-health/policies"), prompt: loadPrompt("policy-answer") });
    const answer = await hospital.ask("I accidentally put a patient's letter into a public chatbot, what now?");
    expect(answer.citations.map((citation) => citation.section)).toContain("How to report it");
  });

  it("corrects typos to the policy word one edit away", () => {
    expect(topSection("how do I reprot an incdent anonymusly")).toEqual({ id: "ai-incident-procedure.md#5.3", relevant: true });
  });

  it("matches a phrasal verb split by its object", () => {
    const suspend = stem("suspend");
    expect(conceptsOf("can we switch the claims model off").some((variants) => variants.includes(suspend))).toBe(true);
    expect(conceptsOf("can we switch to the claims model").some((variants) => variants.includes(suspend))).toBe(false);
  });
});

describe("splitting a document at its headings, whatever their style", () => {
  const sections = (text: string, plainText = false) => splitDocument("doc.md", text, { plainText }).map((passage) => [passage.section, passage.headingPath.join(" › ")]);

  it("reads a plain-text label ending with a colon as a heading, and a sentence introducing a list as text", () => {
    const text = [
      "AI CONCERNS PROCEDURE", "",
      "Reporting a concern:", "",
      "Tell the home manager the same day.", "",
      "When an incident is also a safeguarding concern:", "",
      "Call the safeguarding lead.", "",
      "Staff must:", "",
      "- stop using the tool", "- keep the screen open",
    ].join("\n");
    expect(sections(text, true).map(([section]) => section)).toEqual(["Reporting a concern", "When an incident is also a safeguarding concern"]);
  });

  it("reads a short label whose text follows on the next line as a heading, and not an example or a list's introduction", () => {
    const text = [
      "PANEL CHARTER", "",
      "Membership:",
      "The panel has seven members.",
      "  - Finance Director (Chair)", "",
      "Quorum:",
      "Four members, one of them the Chair.", "",
      "For example:",
      "A meeting of three is not quorate.", "",
      "The panel will:",
      "- review new tools",
    ].join("\n");
    expect(sections(text, true).map(([section]) => section)).toEqual(["Membership", "Quorum"]);
  });

  it("reads numbered, lettered, roman and titled headings with their text right below, as Word or a PDF exports them", () => {
    const numbered = ["AI POLICY", "", "1) Purpose", "This policy sets the rules for AI at work.", "", "2) Approved tools", "Only Copilot is approved."].join("\n");
    expect(sections(numbered, true).map(([section]) => section)).toEqual(["1", "2"]);
    const lettered = ["AI POLICY", "", "A. Purpose", "This policy sets the rules for AI at work.", "", "B. Approved tools", "Only Copilot is approved."].join("\n");
    expect(sections(lettered, true).map(([section]) => section)).toEqual(["A. Purpose", "B. Approved tools"]);
    const roman = ["AI POLICY", "", "I. Purpose", "", "This policy sets the rules for AI at work.", "", "II. Approved tools", "", "Only Copilot is approved."].join("\n");
    expect(sections(roman, true).map(([section]) => section)).toEqual(["I. Purpose", "II. Approved tools"]);
    const titled = ["AI POLICY", "", "Section 1: Purpose", "This policy sets the rules for AI at work.", "", "Approved Tools", "Only Copilot is approved for drafting."].join("\n");
    expect(sections(titled, true).map(([section]) => section)).toEqual(["Section 1", "Approved Tools"]);
    const introducingAList = ["BOARD TERMS", "", "5) Responsibilities", "The Board:", "- approves new tools", "", "6) Reporting", "The Chair reports to the Executive every quarter."].join("\n");
    expect(sections(introducingAList, true).map(([section]) => section)).toEqual(["5", "6"]);
  });

  it("keeps a list of numbered steps, levels with a dash and a version line as text", () => {
    const text = [
      "INCIDENTS", "",
      "1) Stop using the tool", "2) Tell your manager", "",
      "P1 - Critical", "Customers harmed or data lost; call the duty manager.", "",
      "Version 2 - March 2025", "Owned by the governance team.",
    ].join("\n");
    expect(sections(text, true).map(([section]) => section)).toEqual(["INCIDENTS"]);
  });

  it("cites an FAQ's question without its 'Q:'", () => {
    const text = ["STAFF FAQ", "", "Q: Can I use the chatbot for rota planning?", "A: Yes, without names.", "", "Q: Who approves new tools?", "A: The panel."].join("\n");
    expect(sections(text, true).map(([section]) => section)).toEqual(["Can I use the chatbot for rota planning?", "Who approves new tools?"]);
  });

  it("reads a plain-text line in title case or a question, between blank lines with a paragraph below, as a heading, and a list of short lines as text", () => {
    const text = [
      "CREW GUIDE TO AI", "",
      "Using AI on the Line", "",
      "Only the tablet apps are approved. These three:", "",
      "Flight Planner Pro", "",
      "Fuel Watch", "",
      "Can I Use My Own Phone's Assistant?", "",
      "Not for anything about passengers.", "",
      "Who do I tell when a tool gets something wrong?", "",
      "Tell the duty manager before the end of your shift.",
    ].join("\n");
    expect(sections(text, true).map(([section]) => section)).toEqual(["Using AI on the Line", "Can I Use My Own Phone's Assistant?", "Who do I tell when a tool gets something wrong?"]);
  });

  it("reads a numbered clause that introduces a list, and a scenario opening a section, as the section's text", () => {
    const text = [
      "PANEL TERMS", "",
      "4. MEMBERSHIP", "",
      "4.1 The Panel's members are:", "",
      "    Director of Digital (Chair)", "    Head of Housing", "",
      "IF YOU MAKE A MISTAKE", "---------------------", "",
      "Say you've pasted a tenant's details into a chatbot by accident. What now?", "",
      "Stop, and tell your manager the same day.",
    ].join("\n");
    expect(sections(text, true).map(([section]) => section)).toEqual(["4", "IF YOU MAKE A MISTAKE"]);
  });

  it("reads a short plain-text line in sentence case, between blank lines with a paragraph or list below, as a heading", () => {
    const text = [
      "QUICK GUIDE FOR TEACHERS", "",
      "Using AI to plan lessons", "",
      "You may use Copilot to draft lesson plans. Check every fact before you teach it.", "",
      "Marking with AI", "",
      "- Never paste pupil names.", "- Always review the feedback.", "",
      "Tell the class teacher, who decides.",
    ].join("\n");
    expect(sections(text, true).map(([section]) => section)).toEqual(["Using AI to plan lessons", "Marking with AI"]);
  });

  it("reads Markdown, underlined, bold-line and capitals headings, and labels such as Part A", () => {
    const text = [
      "Board Rules", "===========", "", "Version 2.2, agreed in January.", "",
      "Membership", "----------", "The board is chaired by the Chief Medical Officer.", "",
      "**Meetings**", "", "It meets monthly.", "",
      "## Part A: Approvals", "Three approvals are needed.", "",
      "### SPENDING LIMITS", "Under 5,000 pounds a budget holder approves.",
    ].join("\n");
    expect(sections(text)).toEqual([
      ["Membership", "Board Rules › Membership"],
      ["Meetings", "Board Rules › Membership › Meetings"],
      ["Part A", "Board Rules › Approvals"],
      ["SPENDING LIMITS", "Board Rules › Approvals › SPENDING LIMITS"],
    ]);
    expect(splitDocument("doc.md", text)[0]).toMatchObject({ documentTitle: "Board Rules", documentVersion: "Version 2.2" });
  });

  it("finds numbered headings in plain text and PDF, but not numbered list items in Markdown", () => {
    const text = "# Rules\n\n4 Data\n4.2 Customer data\nNever paste it into public tools.\n1. Read the output.\n";
    expect(sections(text, true)).toEqual([["4.2", "Rules › Data › Customer data"]]);
    expect(sections("# Rules\n\n## Steps\n1. Read the whole output\n2. Check the facts\n")).toEqual([["Steps", "Rules › Steps"]]);
  });

  it("keeps a plain-text list item whose sentence runs on to the next line in its section, and the capitals heading after it", () => {
    const text = [
      "INCIDENT PROCEDURE", "", "HOW TO REPORT", "",
      "  1. Post in the incidents channel.",
      "  2. Say what happened, which tool was involved, what kind of",
      "     data was involved and when it happened.",
      "  3. Do not discuss the incident in public channels until",
      "     Security has agreed what to say.", "",
      "CLOSING AN INCIDENT", "",
      "  1. The Incident Commander (or the on-call engineer for Sev 3)",
      "     confirms the incident is contained.",
      "  2. Hold a review within the deadline",
      "  3. Record follow-up actions.",
    ].join("\n");
    expect(sections(text, true)).toEqual([
      ["HOW TO REPORT", "doc › HOW TO REPORT"],
      ["CLOSING AN INCIDENT", "doc › CLOSING AN INCIDENT"],
    ]);
  });

  it("reads a FAQ in plain text: each question on its own line, its answer below, is a section", () => {
    const text = "# Quick guide\n\nCan I use my own ChatGPT account?\nNo. Use the approved assistant.\n\nWho do I ask?\nThe AI champions. Why? They know the rules.\n";
    expect(sections(text, true)).toEqual([
      ["Can I use my own ChatGPT account?", "Quick guide › Can I use my own ChatGPT account?"],
      ["Who do I ask?", "Quick guide › Who do I ask?"],
    ]);
    // In a paragraph, or without an answer below, a question is text.
    expect(sections("# Guide\n\nSome intro text.\nWhat then?\nMore text.\n", true)).toEqual([["Guide", "Guide"]]);
  });

  it("gives the same heading twice in one document two section labels", () => {
    expect(sections("# R\n\n## Scope\nOne.\n\n## Scope\nTwo.\n").map(([section]) => section)).toEqual(["Scope", "Scope (2)"]);
  });
});

describe("the pieces of a passage an answer quotes", () => {
  it("reads a table row with its column names, list items and sentences each on their own", () => {
    const units = unitsOf("What we keep:\n\n| Record | How long |\n| --- | --- |\n| Chat history | 90 days |\n\n- Audio is deleted. Always.\n\nA sentence. Another one.");
    expect(units.map(({ text, kind }) => [kind, text])).toEqual([
      ["sentence", "What we keep:"],
      ["row", "Record: Chat history; How long: 90 days"],
      ["item", "Audio is deleted. Always."],
      ["sentence", "A sentence."],
      ["sentence", "Another one."],
    ]);
  });
});

describe("what the best passages share with the question decides whether it is about the policy", () => {
  it.each([
    "how many days of annual leave do I get",
    "what's the weather going to be like in Leeds tomorrow",
    "who won the champions league last year",
  ])("declines what only shares everyday words with the policies: %s", (question) => {
    expect(topSection(question)?.relevant ?? false).toBe(false);
  });

  it.each([
    ["how long does an exception last", "ai-acceptable-use-policy.md#13.1"],
    ["is grammarly approved", "ai-acceptable-use-policy.md#3.1"],
  ])("answers a question in other words when it names a tool the policies name or shares a heading: %s", (question, id) => {
    expect(topSection(question)).toEqual({ id, relevant: true });
  });
});

describe("the policy speller", () => {
  const speller = new PolicySpeller(new Map([["severity", 4], ["model", 9], ["draft", 2]]));

  it("corrects an unknown word one edit from a policy word", () => {
    expect(speller.correct("severty")).toBe("severity");
    expect(speller.correct("sevreity")).toBe("severity");
  });

  it("leaves short words and inflections of policy words alone", () => {
    expect(speller.correct("mode")).toBe("mode");
    expect(speller.correct("drafting")).toBe("drafting");
    expect(speller.correct("parental")).toBe("parental");
  });

  it("leaves an English word of its own alone, even one edit from a policy word", () => {
    const policyWords = new PolicySpeller(new Map([["staff", 9], ["monitoring", 3], ["warned", 2]]));
    expect(policyWords.correct("stuff")).toBe("stuff");
    expect(policyWords.correct("monitors")).toBe("monitors");
    expect(policyWords.correct("stafff")).toBe("staff");
  });

  it("counts one insertion, deletion, substitution or swap as one edit", () => {
    expect(["medcal", "medicall", "medixal", "mdeical"].map((typed) => oneEditApart(typed, "medical"))).toEqual([true, true, true, true]);
    expect(oneEditApart("mdicla", "medical")).toBe(false);
  });
});

describe("matching a question to a curated answer", () => {
  const curated = [
    { id: "voice", question: "can I use an AI voice generator to read out our hold music announcements?" },
    { id: "lyrics", question: "can we use AI to write the lyrics for the company song?" },
  ];
  const match = (question: string) => matchCurated(question, curated, (word) => index.idf(word), (word) => index.correct(word))?.id ?? null;

  it("finds the same question in other words, with a typo", () => {
    expect(match("is an AI voice generater ok for the on-hold announcements?")).toBe("voice");
    expect(match("could AI write lyrics for our company song")).toBe("lyrics");
  });

  it("does not match a question that shares only the everyday words", () => {
    expect(match("can I use AI to write a customer complaint reply?")).toBeNull();
    expect(match("which AI tools are approved?")).toBeNull();
  });
});

describe("documents without the usual title", () => {
  it("reads a numbered first heading as a section, and a document of one paragraph as one passage", () => {
    expect(splitDocument("rules.md", "# 1 Purpose\nWhy we have rules.\n\n# 2 Scope\nEveryone.\n").map((passage) => [passage.section, passage.heading])).toEqual([["1", "Purpose"], ["2", "Scope"]]);
    expect(splitDocument("note.md", "# AI note\n\nOnly LabGPT may be used.\n").map((passage) => [passage.section, passage.text])).toEqual([["AI note", "Only LabGPT may be used."]]);
  });
});

describe("sections that define words and sections that state rules", () => {
  const clinic = [
    "# Clinic AI Standard",
    "",
    "## Key terms",
    "",
    "- **Patient-identifiable information**: a patient's name, NHS number, date of birth or address.",
    "- **Public AI tool**: a chatbot anyone can use on the internet, such as ChatGPT.",
    "- **Clinical AI**: an AI tool whose output may influence a patient's care.",
    "",
    "## The basic rule",
    "",
    "Never enter a patient's details, such as their name or NHS number, into ChatGPT or any other public AI tool. Use the Clinic's approved assistant instead.",
    "",
    "## Approved tools",
    "",
    "- **ClinicWriter**: drafts letters to patients.",
    "- **ScanFlag**: flags urgent scans for a radiologist.",
    "- **RotaHelper**: suggests staff rotas.",
  ].join("\n");
  const clinicIndex = new PolicyIndex(splitDocument("clinic.md", clinic));
  const first = (question: string) => clinicIndex.query(question, 3)[0]?.passage.section;

  it("quotes the rule with the definition that names the same words, when asked what may be done", async () => {
    const hospital = path.resolve("test/fixtures/policy-corpora/harbourline-health/policies");
    const answer = await new PolicyAssistant({ policyDir: hospital, prompt: loadPrompt("policy-answer") }).ask("Can I put a patient's name and NHS number into Copilot?");
    expect(answer.citations.map((citation) => citation.section)).toContain("The basic rule");
  });

  it("answers what a word means from the definitions", () => {
    expect(first("what does clinical AI mean here?")).toBe("Key terms");
  });

  it("does not take a list of tools written as 'Name: what it is for' for a glossary", () => {
    const [keyTerms, , tools] = splitDocument("clinic.md", clinic);
    expect([isDefinitions(keyTerms!), isDefinitions(tools!)]).toEqual([true, false]);
    const glossary = splitDocument("terms.md", "# Terms\n\n## In short\n\nIn this standard the following terms are used:\n\n- **Scribe**: a tool that writes notes.\n- **Triage tool**: a tool that ranks referrals.\n- **Model**: software trained on data.\n")[0]!;
    expect(isDefinitions(glossary)).toBe(true);
    expect(first("which tools can I use to draft letters to patients?")).toBe("Approved tools");
  });
});

describe("saying it is not certain", () => {
  it("is not sure of a section when a close runner-up shares more of the question", () => {
    const hits = index.query("saw the marketing team using some random AI image thing nobody signed off, who do i tell", 5);
    expect(judge(hits)).toBe("uncertain");
  });

  it("is sure of a section that stands out and says what was asked", () => {
    expect(judge(index.query("Can I report an AI incident anonymously?", 5))).toBe("confident");
  });
});

describe("the names people give a rule's exceptions, appeals and breaches", () => {
  const rules = [
    "# Harwood Labs AI Rules",
    "",
    "## Approved tools",
    "",
    "Staff may use Harwood Assist for drafting. Public chatbots are not approved for company information.",
    "",
    "## Exceptions",
    "",
    "A team that needs to depart from these rules for a project asks the AI Board for a time-limited exception, stating the reason and the end date.",
    "",
    "## Appeals",
    "",
    "Anyone may appeal an AI Board decision within 10 working days by writing to the Chief Risk Officer.",
    "",
    "## Breaches",
    "",
    "A deliberate or repeated breach of these rules is handled under the disciplinary procedure.",
  ].join("\n");
  const assistant = assistantOnPolicy("rules.md", rules);

  it.each([
    ["can my team get a waiver from the rules for a six-month project?", "Exceptions"],
    ["how do I contest what the board decided about my tool?", "Appeals"],
    ["what happens if someone keeps flouting the AI rules?", "Breaches"],
    ["what happens if staff ignore the AI rules?", "Breaches"],
  ])("%s → %s", async (question, section) => {
    const answer = await assistant.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe(section);
  });
});

describe("what happens to someone who breaks the rules", () => {
  const assistant = assistantOnPolicy(
    "rules.md",
    ["# Teller Bank AI Standard", "", "## Approved tools", "", "Staff may use Teller Chat for drafting.", "", "## Incidents", "", "Report an AI incident to the service desk the same day.", "", "## Consequences", "", "Misusing AI tools, or any breach of this standard, may lead to disciplinary action, up to dismissal."].join("\n"),
  );

  it("answers a question in other words that points at the rules themselves ('these rules')", async () => {
    const answer = await assistant.ask("what happens to anyone who knowingly and repeatedly flouts these rules?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe("Consequences");
  });

  it("reads 'what happens to someone who…' as a question about consequences", async () => {
    const answer = await assistant.ask("what happens to someone who knowingly misuses these tools?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe("Consequences");
  });
});

describe("chat shorthand", () => {
  const words = (question: string) => conceptsOf(question).flat();

  it("reads chat shorthand for work words ('mgr', 'perf', 'dept', 'diff') as the words policies use", () => {
    expect(words("can my mgr use ai to write my perf review lol")).toEqual(expect.arrayContaining([stem("manager"), stem("performance")]));
    expect(words("which dept signs off on it")).toContain(stem("department"));
  });

  it("does not count the words of a comparison ('between', 'vs') as what a question asks about", () => {
    expect(words("whats the diff between sev 2 and sev 3")).not.toContain("between");
    expect(words("copilot vs chatgpt for drafting")).not.toContain("vs");
    expect(words("whats the diff between sev 2 and sev 3")).toContain(stem("difference"));
  });
});

describe("words made from one another", () => {
  const assistant = assistantOnPolicy(
    "panel.md",
    [
      "# AI Panel Terms",
      "",
      "## Membership",
      "",
      "The panel has five members: the CTO (chair), the DPO, two engineers and a member of the People team.",
      "",
      "## Decisions",
      "",
      "Every decision of the panel is recorded in the AI register with its reasons within two working days.",
      "",
      "## Notification",
      "",
      "Customers receive notification of a new AI feature 30 days before release.",
    ].join("\n"),
  );

  it.each([
    ["where is what the panel decided about AI tools kept?", "Decisions"],
  ])("reads '%s' with the noun the policy uses", async (question, section) => {
    const answer = await assistant.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe(section);
  });
});

describe("everyday work words for what policies name formally", () => {
  const assistant = assistantOnPolicy(
    "product.md",
    [
      "# Product AI Standard",
      "",
      "## Release sign-off",
      "",
      "No AI feature is released to customers until the product owner and the head of security have approved its evaluation results.",
      "",
      "## Evaluation",
      "",
      "Each AI feature is evaluated on at least 500 labelled examples drawn from consented customer data before release.",
      "",
      "## Hiring and recruitment",
      "",
      "AI may help draft job adverts, but a recruiter reviews every advert and no AI tool screens candidates.",
      "",
      "## Responsibility for outputs",
      "",
      "You are responsible for any AI output you use in your work, including figures you copy into reports.",
    ].join("\n"),
  );

  it.each([
    ["how do we benchmark a new ai feature?", "Evaluation"],
    ["a bot for our vacancy ads, ok?", "Hiring and recruitment"],
    ["am I on the hook if the ai gives me wrong numbers?", "Responsibility for outputs"],
  ])("%s → %s", async (question, section) => {
    const answer = await assistant.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe(section);
  });

  it("answers sure which section a release question means when it says 'ship'", async () => {
    expect(await assistant.ask("when can we ship the ai summary feature to customers?")).toMatchObject({ answered: true, confidence: "confident", citations: [{ section: "Release sign-off" }] });
  });
});

describe("AI as 'smart features', and reporting without being known", () => {
  const assistant = assistantOnPolicy(
    "rules.md",
    [
      "# Brightline AI Rules",
      "",
      "## Reporting misuse",
      "",
      "Report misuse of AI tools to your manager or the AI lead. You can also report anonymously through the ethics line; your name is never shared with the person you report.",
      "",
      "## Release sign-off",
      "",
      "The product owner signs the evaluation results of every AI feature before it is released.",
      "",
      "## Prohibited uses",
      "",
      "We do not build AI features that score employees, detect emotions or identify people from their faces.",
      "",
      "## Approved tools",
      "",
      "Staff may use Brightline Assist for drafting.",
    ].join("\n"),
  );

  it.each([
    ["which smart features will we never build?", "Prohibited uses"],
    ["a colleague keeps pasting client data into chatgpt, I don't want them to know it was me who said something, how?", "Reporting misuse"],
  ])("%s → %s", async (question, section) => {
    const answer = await assistant.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe(section);
  });
});

describe("how quickly, and how serious", () => {
  const assistant = assistantOnPolicy(
    "incidents.md",
    [
      "# AI Incident Procedure",
      "",
      "## Severity levels",
      "",
      "Sev 1: customer data exposed or a customer harmed. Sev 2: a customer-facing AI feature misbehaves. Sev 3: an internal AI tool misbehaves.",
      "",
      "## Response deadlines",
      "",
      "Security acknowledges a Sev 1 within 15 minutes and contains it within 4 hours; a Sev 2 within 1 hour and 1 day.",
      "",
      "## Reporting",
      "",
      "Report an AI incident in the incidents channel as soon as you notice it.",
      "",
      "## Lessons learned",
      "",
      "Every Sev 1 gets a review within 10 working days.",
    ].join("\n"),
  );

  it.each(["how fast do they have to stop the damage when an ai tool leaks data?", "how soon will someone look at a high priority ai incident?"])(
    "reads '%s' as a question about deadlines",
    async (question) => {
      const answer = await assistant.ask(question);
      expect(answer.answered).toBe(true);
      expect(answer.citations.map((citation) => citation.section)).toContain("Response deadlines");
    },
  );
});

describe("what a machine produced, for the buyers of a product", () => {
  const assistant = assistantOnPolicy(
    "product.md",
    [
      "# Lumen Software AI in the Product",
      "",
      "## Telling customers",
      "",
      "Customers are told, next to the content, whenever text or images in the platform are AI-generated.",
      "",
      "## Evaluation datasets",
      "",
      "Evaluation datasets for AI features are kept apart from production data and reviewed every quarter.",
      "",
      "## Scope",
      "",
      "This standard covers every AI feature of the platform and the teams that build them.",
    ].join("\n"),
  );

  it("finds the rule on AI-generated content for a question about buyers and what a machine produced", async () => {
    const answer = await assistant.ask("Do we let buyers of our platform know when something on their screen was produced by a machine?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe("Telling customers");
  });
});

describe("a shop's words: shoppers, a rulebook, temps, getting together, a challenge, a short form learned from two words", () => {
  const assistant = assistantOnPolicy(
    "shop.md",
    [
      "# Hollin Stores AI Policy",
      "",
      "## Who this policy covers",
      "",
      "Everyone who works for Hollin Stores: permanent colleagues, temporary and agency workers, and contractors.",
      "",
      "## Pricing",
      "",
      "We never use AI to set a price for each customer from their personal data. Loyalty prices are the same for every customer.",
      "",
      "## Meeting frequency",
      "",
      "The AI Board meets every six weeks.",
      "",
      "## Appeals",
      "",
      "A colleague whose request for a tool is refused by the AI Board may appeal to the Chief Operating Officer within 20 working days.",
      "",
      "## CCTV and store security",
      "",
      "Loss Prevention may use AI to search CCTV footage for a reported theft; face recognition is never used. The AI Board reviews every search each quarter.",
    ].join("\n"),
  );

  it.each([
    ["does this rulebook apply to agency temps?", "Who this policy covers"],
    ["are we allowed to charge shoppers different amounts using ai?", "Pricing"],
    ["how often does the AI Board get together?", "Meeting frequency"],
    ["my tool request got turned down, can I challenge that?", "Appeals"],
    ["can LP use ai to go through the cctv after a theft", "CCTV and store security"],
  ])("%s → %s", async (question, section) => {
    const answer = await assistant.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe(section);
  });
});

describe("a mistake just realised, and a review by someone else", () => {
  const assistant = assistantOnPolicy(
    "rules.md",
    [
      "# Marlow Utilities AI Rules",
      "",
      "## Personal accounts",
      "",
      "Never use a personal ChatGPT or Gemini account for work.",
      "",
      "## Data put into the wrong tool",
      "",
      "Report it to the service desk within one hour, delete the conversation if you can, and do not paste anything more.",
      "",
      "## Human review of decisions",
      "",
      "A named team leader approves every decision to refuse a payment plan that AI suggested.",
      "",
      "## Explaining decisions to customers",
      "",
      "Customers may ask for a fresh review by a different team member, completed within 10 working days.",
    ].join("\n"),
  );

  it.each([
    ["What should I do if I realise I pasted customer names and addresses into my personal ChatGPT account yesterday?", "Data put into the wrong tool"],
    ["a customer wants someone else to look at our decision to refuse their payment plan, what do I do?", "Explaining decisions to customers"],
  ])("%s → %s", async (question, section) => {
    const answer = await assistant.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations.map((citation) => citation.section)).toContain(section);
  });
});

describe("everyday words for a policy's people, steps and outcomes", () => {
  const assistant = assistantOnPolicy(
    "care.md",
    [
      "# Alderwood Care AI Policy",
      "",
      "## Who to contact",
      "",
      "Questions about this policy go to the Digital Lead on extension 2210.",
      "",
      "## Exceptions",
      "",
      "A tool that is not approved may be used only with a written exemption from the Digital Lead.",
      "",
      "## Breaking the rules",
      "",
      "Breaches may lead to disciplinary action and the loss of access to AI tools.",
      "",
      "## Complaints",
      "",
      "Families can complain about how AI is used in care through the home manager, then the Registered Manager.",
      "",
      "## Quorum",
      "",
      "The Oversight Group is quorate when four voting members are present.",
      "",
      "## Who oversees AI",
      "",
      "The Digital Lead and two nurses oversee every AI tool in use and report to the board each quarter.",
    ].join("\n"),
  );

  it.each([
    ["who do i even ring about AI stuff", "Who to contact"],
    ["there's an AI tool i need that isn't approved, any way round that?", "Exceptions"],
    ["what penalty could I get for ignoring the AI rules?", "Breaking the rules"],
    ["my family is unhappy with how AI is used in dad's care, where do they go?", "Complaints"],
    ["how many members have to be there for the oversight group's decisions to count?", "Quorum"],
    ["is a departure from the AI rules ever allowed?", "Exceptions"],
    ["which people keep watch on the AI here?", "Who oversees AI"],
  ])("%s → %s", async (question, section) => {
    const answer = await assistant.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe(section);
  });
});
