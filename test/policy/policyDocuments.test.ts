// The documents organisations keep their policies in: Word, PDF, HTML and plain text answer with
// the right section and the document's title and version; a file that cannot be read, or a
// POLICY_DIR that does not exist, is named rather than silently ignored.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PolicyAssistant } from "../../src/policy/policyAssistant.js";
import { loadPrompt } from "../../src/policy/prompts.js";
import { assistantOnPolicy } from "../support/policyFolder.js";
import { runAims } from "../support/processes.js";
import { odtDocument, pdfDocument, wordDocument } from "./policyDocumentFixtures.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-policy-formats-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

fs.writeFileSync(
  path.join(dir, "lab-ai-rules.docx"),
  wordDocument([
    { text: "Laboratory AI Rules", style: "Title" },
    { text: "Owner: Head of Science. Version 1.2." },
    { text: "1 Approved tools", style: "Heading1" },
    { text: "Only LabGPT and the Trust's Copilot licence are approved for drafting method summaries." },
    { text: "2 Samples and results", style: "Heading1" },
    { text: "2.1 Patient samples", style: "Heading2" },
    { text: "Results from patient samples must never be pasted into any AI tool, including LabGPT." },
  ]),
);
fs.writeFileSync(
  path.join(dir, "fleet-telematics.pdf"),
  pdfDocument([
    "Fleet Telematics AI Standard",
    "Edition 4",
    "1 Scope",
    "This standard covers the in-cab cameras and the route optimiser.",
    "2 Camera footage",
    "Camera footage of safety events is kept for 30 days and then deleted.",
    "3 Overriding routes",
    "Drivers may override an unsafe route and must log the reason in the planner app.",
  ]),
);
fs.writeFileSync(
  path.join(dir, "chatbot-standard.html"),
  "<html><head><title>x</title><style>p{}</style></head><body><h1>Website Chatbot Standard</h1><p>Version 2.0</p><h2>Disclosure</h2><p>The website chatbot says in its first message that it is an automated assistant.</p><h2>Escalation</h2><ul><li>Complaints go to a person.</li><li>Refund requests go to a person.</li></ul></body></html>",
);
fs.writeFileSync(path.join(dir, "training.txt"), "AI Training Rules\nVersion 5\n\n1 Mandatory course\nEveryone completes the AI awareness course within 30 days of joining.\n");
fs.writeFileSync(
  path.join(dir, "steering-group.txt"),
  "NORTHGATE SCHOOLS\nDIGITAL STEERING GROUP\nTERMS OF REFERENCE\n\nVersion 3\n\nMEMBERSHIP\n\nThe Chief Executive appoints these members:\n- Chief Operating Officer (Chair)\n- Director of IT\n- Data Protection Officer\n\nMEETINGS\n\nThe group meets every half-term.\n",
);
// Headings as people often type them: bold paragraphs in Word and on a web page, plain lines in a Markdown file.
fs.writeFileSync(
  path.join(dir, "drone-survey-rules.docx"),
  wordDocument([
    { text: "Drone Survey AI Rules", style: "Title" },
    { text: "Flight planning", bold: true },
    { text: "Survey routes are planned by the SkyPath optimiser and checked by the pilot in command." },
    { text: "Image analysis", bold: true },
    { text: "Defect detections from survey images are confirmed by a chartered engineer before any report is issued." },
  ]),
);
// Headings Word numbers itself (outline numbering): "2.1" is in the list, not in the heading's text.
fs.writeFileSync(
  path.join(dir, "vendor-ai-rules.docx"),
  wordDocument(
    [
      { text: "Vendor AI Rules", style: "Title" },
      { text: "Scope", style: "Heading1" },
      { text: "These rules apply to every supplier that uses AI on our data." },
      { text: "Contracts", style: "Heading1" },
      { text: "Training on our data", style: "Heading2" },
      { text: "Suppliers may not train their models on our data unless the Procurement Board agrees in writing." },
      { text: "Audits", style: "Heading2" },
      { text: "We audit each AI supplier once a year." },
      // The template's own heading style, based on Heading 1: a heading, numbered with the rest.
      { text: "Exits", style: "VendorHeading" },
      { text: "When a supplier contract ends, the supplier deletes our data within 30 days and confirms it in writing." },
    ],
    { numberedHeadings: true, ownStyles: [{ id: "VendorHeading", name: "Vendor Heading 1", basedOn: "Heading1" }] },
  ),
);
// Headings typed as bold numbered list items, with the clauses under them numbered by the same list.
fs.writeFileSync(
  path.join(dir, "meeting-notes-rules.docx"),
  wordDocument([
    { text: "Meeting Notes AI Rules", style: "Title" },
    { text: "Recording meetings", bold: true, listLevel: 0 },
    { text: "Everyone in the meeting is told before the note-taker starts recording.", listLevel: 1 },
    { text: "Board meetings are never recorded by an AI note-taker.", listLevel: 1 },
    { text: "Keeping notes", bold: true, listLevel: 0 },
    { text: "AI meeting notes are kept for 90 days and then deleted.", listLevel: 1 },
  ]),
);
fs.writeFileSync(
  path.join(dir, "kiosk-standard.html"),
  "<html><body><h1>Self-Service Kiosk Standard</h1><p><strong>Voice prompts</strong></p><p>The kiosk speaks its prompts with a synthetic voice and says so at the start.</p><p><strong>Card payments</strong></p><p>Card numbers spoken to the kiosk are never kept in its recordings.</p></body></html>",
);
fs.writeFileSync(
  path.join(dir, "hiring-note.md"),
  "Hiring With AI\n\n1) Screening\nCV screening by the MatchRank tool is always checked by a recruiter before anyone is rejected.\n\n2) Interviews\nInterview notes may be transcribed by the approved transcription tool with the candidate's consent.\n",
);
fs.writeFileSync(
  path.join(dir, "warehouse-robots.pdf"),
  pdfDocument([
    { text: "Warehouse Robotics AI Standard", size: 18 },
    "Owned by the operations director.",
    { text: "Picking robots", size: 14 },
    "Picking robots pause when a person enters the aisle and restart only after a supervisor clears it.",
    // A table's header row in bold, over its rows: part of the section, not a heading.
    { text: "Zone Top speed", size: 10, bold: true },
    "Aisles 1 metre a second",
    "Loading dock 2 metres a second",
    { text: "Demand forecasts", size: 14 },
    "Stock orders drafted by the forecasting model are approved by a planner before they are sent.",
    // A heading typed in bold in the text's own size, as office suites print a bold paragraph.
    { text: "Charging bays", size: 10, bold: true },
    "Robots recharge in the marked bays only, and nobody stands inside a bay while a robot docks.",
    // An FAQ's question in bold, longer than a heading usually is.
    { text: "A visitor has walked into a robot aisle without a hi-vis vest on. What should the supervisor do?", size: 10, bold: true },
    "Stop the robots in that aisle from the control tablet, walk the visitor out, and log it as a near miss.",
  ]),
);
fs.writeFileSync(path.join(dir, "broken.docx"), "this is not a zip file");
fs.writeFileSync(path.join(dir, "org-chart.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

const assistant = new PolicyAssistant({ policyDir: dir, prompt: loadPrompt("policy-answer") });

/** A document's sections as a reader sees its outline: "Title > Section > Subsection" each. */
const outlineOf = (passages: { document: string; headingPath: string[] }[], document: string) =>
  passages.filter((passage) => passage.document === document).map((passage) => passage.headingPath.join(" > "));

describe("policies in Word, PDF, HTML and plain text", () => {
  it.each([
    ["can I paste patient sample results into LabGPT?", "lab-ai-rules.docx", "2.1", "Laboratory AI Rules", "Version 1.2", /never be pasted/],
    ["how long is in-cab camera footage kept?", "fleet-telematics.pdf", "2", "Fleet Telematics AI Standard", "Edition 4", /kept for 30 days/],
    ["does the website chatbot have to say it's a bot?", "chatbot-standard.html", "Disclosure", "Website Chatbot Standard", "Version 2.0", /automated assistant/],
    ["when do I need to finish the AI awareness course?", "training.txt", "1", "AI Training Rules", "Version 5", /within 30 days/],
    // A block of title lines is the title: what the document is about is in it, and found by it.
    ["who are the members of the digital steering group?", "steering-group.txt", "MEMBERSHIP", "NORTHGATE SCHOOLS – DIGITAL STEERING GROUP – TERMS OF REFERENCE", "Version 3", /Director of IT/],
  ])("%s → %s §%s", async (question, document, section, documentTitle, documentVersion, quote) => {
    const answer = await assistant.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]).toMatchObject({ document, section, documentTitle, documentVersion });
    expect(answer.citations[0]!.excerpt).toMatch(quote);
    expect(answer.answer).toContain(`[${document} §${section}]`);
  });

  it.each([
    ["who confirms a defect the drone images show?", "drone-survey-rules.docx", "Image analysis", /chartered engineer/],
    ["are card numbers kept in the kiosk's recordings?", "kiosk-standard.html", "Card payments", /never kept/],
    ["does a recruiter check the MatchRank screening?", "hiring-note.md", "1", /checked by a recruiter/],
    ["who approves the stock orders the forecasting model drafts?", "warehouse-robots.pdf", "Demand forecasts", /approved by a planner/],
    ["where are the warehouse robots allowed to recharge?", "warehouse-robots.pdf", "Charging bays", /marked bays only/],
    ["how fast may a picking robot go on the loading dock?", "warehouse-robots.pdf", "Picking robots", /2 metres a second/],
    ["may a supplier train its models on our data?", "vendor-ai-rules.docx", "2.1", /Procurement Board agrees/],
    ["what happens to our data when a supplier's contract ends?", "vendor-ai-rules.docx", "3", /within 30 days/],
    ["how long are the AI meeting notes kept?", "meeting-notes-rules.docx", "2", /2\.1 AI meeting notes are kept for 90 days/],
    ["someone without hi-vis got into the robot aisle, what now?", "warehouse-robots.pdf", "A visitor has walked into a robot aisle without a hi-vis vest on. What should the supervisor do?", /control tablet/],
  ])("splits at headings typed as bold paragraphs, plain lines, larger print or bold print: %s → %s §%s", async (question, document, section, quote) => {
    const answer = await assistant.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]).toMatchObject({ document, section });
    expect(answer.citations[0]!.excerpt).toMatch(quote);
  });

  it("names every file it could not use, and why", async () => {
    const { problems, documents } = await assistant.diagnostics();
    expect(problems).toEqual([
      { file: "broken.docx", problem: expect.stringMatching(/^could not be read/) },
      { file: "org-chart.png", problem: expect.stringMatching(/^skipped: not a format/) },
    ]);
    expect(documents.map((document) => document.file).sort()).toEqual(["chatbot-standard.html", "drone-survey-rules.docx", "fleet-telematics.pdf", "hiring-note.md", "kiosk-standard.html", "lab-ai-rules.docx", "meeting-notes-rules.docx", "steering-group.txt", "training.txt", "vendor-ai-rules.docx", "warehouse-robots.pdf"]);
  });
});

describe("a policy kept as Word and as the PDF published from it", () => {
  // LibreOffice exports of one standard, side by side as organisations keep them.
  const vets = new PolicyAssistant({ policyDir: path.resolve("test/fixtures/policy-corpora/fernbrook-vets/policies"), prompt: loadPrompt("policy-answer") });

  it("answers from one copy, so that a section is neither cited twice nor kept from standing out by its copy", async () => {
    const answer = await vets.ask("what happens if I disagree with RadiAssist?");
    expect(answer).toMatchObject({ answered: true, confidence: "confident" });
    expect(answer.citations.map((citation) => `${citation.document} §${citation.section}`)).toEqual(["clinical-ai-standard.docx §4.3"]);
  });

  it("names the copy it leaves out and the file it answers from", async () => {
    const { copies, documents, problems } = await vets.diagnostics();
    expect(copies).toEqual([{ file: "clinical-ai-standard.pdf", sameAs: "clinical-ai-standard.docx" }]);
    expect(documents.map((document) => document.file)).not.toContain("clinical-ai-standard.pdf");
    expect(problems).toEqual([]);
  });
});

describe("an intranet page saved as HTML", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-html-page-"));
  fs.writeFileSync(
    path.join(folder, "ai-policy.html"),
    [
      "<html><head><title>AI Policy | Intranet</title><script>var tracking = 1;</script></head><body>",
      '<header><div class="site-name">Acme Intranet</div><nav><a href="/">Home</a> <a href="/it">IT Service Desk</a></nav></header>',
      '<div class="breadcrumb">Home &gt; Policies &gt; AI Policy</div>',
      "<h1>Acme AI Acceptable Use Policy</h1>",
      "<main><p>Version 3. Owner: Chief Information Officer.</p>",
      "<h2>Approved tools</h2><p>Only Acme Copilot may be used for drafting letters.</p>",
      "<h2>Reporting incidents</h2><p>Report any AI incident to the service desk within 24 hours.</p>",
      "<h2>Training</h2><ul><li><p>Complete the AI course</p><p>within 30 days of joining.</p></li></ul></main>",
      '<aside><h3>Related pages</h3><ul><li><a href="/hr/leave">Annual leave</a></li><li><a href="/it/password">Password reset</a></li></ul></aside>',
      '<footer><p>© Acme Ltd. Contact the intranet team.</p></footer><div id="cookie-notice"><p>We use cookies. Accept all cookies?</p></div>',
      "</body></html>",
    ].join("\n"),
  );
  const page = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("reads the document, not the site around it: no menu, sidebar, footer or cookie notice becomes a section", async () => {
    const { passages } = await page.policyIndex();
    expect(passages.map((passage) => passage.heading)).toEqual(["Approved tools", "Reporting incidents", "Training"]);
    // Paragraphs inside a list item are one line, with a space between them.
    expect(passages.at(-1)!.text).toContain("- Complete the AI course within 30 days of joining.");
    expect(passages.map((passage) => passage.text).join(" ")).not.toMatch(/cookies|Annual leave|intranet team/);
    const answer = await page.ask("who do I tell about an AI incident?");
    expect(answer.citations[0]).toMatchObject({ heading: "Reporting incidents", documentTitle: "Acme AI Acceptable Use Policy", documentVersion: "Version 3" });
  });
});

describe("a PDF with a running footer and a subtitle", () => {
  // Two pages of 45 lines, each ending with the same footer but its page number.
  const footer = (page: number) => ({ text: `Kestrel Haulage | Route Planning AI Standard v2.4 | Internal | Page ${page} of 2`, size: 8 });
  const header = { text: "KH-OPS-12 Route Planning AI Standard", size: 8 };
  const filler = (count: number, topic: string) => Array.from({ length: count }, (_, i) => `${topic} rule ${i + 1}: planners record every change to a suggested route in the planning log.`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-pdf-footer-"));
  fs.writeFileSync(
    path.join(folder, "route-planning.pdf"),
    pdfDocument([
      // A small running header above the title, and a title too long for one line.
      header,
      { text: "Route Planning AI", size: 20 },
      { text: "standard", size: 20 },
      { text: "How the route optimiser is used in daily planning", size: 13 },
      "Version 2.4. Owner: Head of Transport Planning.",
      { text: "Route suggestions", size: 14 },
      ...filler(37, "Suggestion"),
      "Drivers may refuse a suggested route that takes them under a bridge lower than their vehicle.",
      footer(1),
      header,
      { text: "Driver hours", size: 14 },
      ...filler(41, "Hours"),
      "The optimiser never plans a shift longer than the driver's legal hours allow.",
      footer(2),
    ]),
  );
  const footed = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("leaves the footer out of the section each page ends in, and reads the line under the title as its subtitle", async () => {
    const answer = await footed.ask("can a driver refuse a suggested route under a low bridge?");
    expect(answer.citations[0]).toMatchObject({ document: "route-planning.pdf", heading: "Route suggestions", documentTitle: "Route Planning AI standard – How the route optimiser is used in daily planning", documentVersion: "Version 2.4" });
    const { passages } = await footed.policyIndex();
    expect(passages.find((passage) => passage.heading === "Route suggestions")!.text).not.toContain("Page 1 of 2");
    expect(passages.find((passage) => passage.heading === "Driver hours")!.text).not.toContain("Page 2 of 2");
    expect(passages.map((passage) => passage.text).join(" ")).not.toContain("KH-OPS-12");
  });
});

describe("a PDF with bookmarks", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-pdf-bookmarks-"));
  // Headings in the body's own print, neither larger nor bold nor numbered: only the bookmarks say which they are.
  fs.writeFileSync(
    path.join(folder, "forklift-ai.pdf"),
    pdfDocument([
      { text: "Forklift Telematics AI Rules", size: 18 },
      "Owner: Head of Warehouse Operations.",
      { text: "Speed coaching", size: 10, bookmark: 0 },
      "The telematics model suggests speed coaching to a driver's supervisor, never to the driver directly.",
      { text: "Impact alerts", size: 10, bookmark: 0 },
      { text: "Night shifts", size: 10, bookmark: 1 },
      "At night an impact alert locks the truck until the shift manager has checked it.",
    ]),
  );
  const marked = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("takes its headings, and their levels, from the bookmarks", async () => {
    const { passages } = await marked.policyIndex();
    expect(passages.map((passage) => passage.headingPath.join(" > "))).toEqual([
      "Forklift Telematics AI Rules > Speed coaching",
      "Forklift Telematics AI Rules > Impact alerts > Night shifts",
    ]);
    expect((await marked.ask("what happens after an impact alert on a night shift?")).citations[0]).toMatchObject({ heading: "Night shifts" });
  });
});

describe("a table of contents", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-contents-"));
  fs.writeFileSync(
    path.join(folder, "policy.docx"),
    wordDocument(
      [
        { text: "Acme AI Policy", style: "Title" },
        { text: "Contents", style: "TOCHeading" },
        { text: "1 Purpose\t2", style: "TOC1" },
        { text: "2 Approved tools\t2", style: "TOC1" },
        { text: "Purpose", style: "Heading1" },
        { text: "This policy explains how staff may use AI tools." },
        { text: "Approved tools", style: "Heading1" },
        { text: "Only Acme Copilot may be used for drafting letters." },
      ],
      { ownStyles: [{ id: "TOC1", name: "toc 1", basedOn: "Normal" }, { id: "TOCHeading", name: "TOC Heading", basedOn: "Heading1" }] },
    ),
  );
  fs.writeFileSync(
    path.join(folder, "guide.pdf"),
    pdfDocument([
      { text: "Acme AI Guide", size: 18 },
      { text: "Contents", size: 14 },
      "1. Purpose .................................... 2",
      "2. Retention .................................. 2",
      { text: "1. Purpose", size: 14 },
      "This guide explains the AI rules for field staff.",
      { text: "2. Retention", size: 14 },
      "Chat logs are kept for 30 days.",
      // One dotted line on its own is not a table of contents.
      "Data protection officer ........ 214",
    ]),
  );
  const contents = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("is left out, in Word (its styles) and in PDF (its dot leaders), so it answers nothing", async () => {
    const { passages } = await contents.policyIndex();
    expect(passages.map((passage) => `${passage.document} ${passage.heading}`)).toEqual(["guide.pdf Purpose", "guide.pdf Retention", "policy.docx Purpose", "policy.docx Approved tools"]);
    expect(passages.find((passage) => passage.heading === "Retention")!.text).toContain("Data protection officer ........ 214");
    const answer = await contents.ask("which tools are approved?");
    expect(answer).toMatchObject({ confidence: "confident", citations: [expect.objectContaining({ heading: "Approved tools" })] });
  });
});

describe("titles written without title markup", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-titles-"));
  // A terms of reference whose title block in capitals has a blank line in it.
  fs.writeFileSync(path.join(folder, "terms.txt"), "KESTREL HAULAGE LTD\n\nDATA AND AI BOARD\nTERMS OF REFERENCE\n\nVersion: 2\n\nQUORUM\n\nThree members, one of them the Chief Data Officer.\n");
  // A Word standard typed without the Title style: its first line is a bold paragraph.
  fs.writeFileSync(
    path.join(folder, "telematics.docx"),
    wordDocument([
      { text: "Telematics AI Standard", bold: true },
      { text: "Camera alerts", bold: true },
      { text: "Fatigue alerts from the cab camera are reviewed by a transport manager within one shift." },
    ]),
  );
  const titled = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("takes a capitals title block across a blank line, and a Word document's first bold line, for the title", async () => {
    expect((await titled.ask("how many members make a quorum on the data and AI board?")).citations[0]).toMatchObject({ heading: "QUORUM", documentTitle: "KESTREL HAULAGE LTD – DATA AND AI BOARD – TERMS OF REFERENCE" });
    expect((await titled.ask("who reviews the cab camera fatigue alerts?")).citations[0]).toMatchObject({ heading: "Camera alerts", documentTitle: "Telematics AI Standard" });
  });
});

describe("titles as organisations head their documents", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-letterheads-"));
  const write = (name: string, lines: string[]) => fs.writeFileSync(path.join(folder, name), lines.join("\n"));
  // The organisation's name, then after blank lines what the document is.
  write("forum-terms.txt", ["NORTHFIELD TELECOM LIMITED", "", "AI GOVERNANCE FORUM", "", "TERMS OF REFERENCE", "", "Approved by the Executive Committee.", "", "1. QUORUM", "", "Four members, one of them the Chair."]);
  write("crew-guide.txt", ["PENROSE AIR", "", "Quick guide for cabin crew: using AI safely", "Version 2 - May 2025", "", "Which tools can I use", "", "Only CrewAssist on your company tablet."]);
  // A title underlined as a heading, and a document-control field under a title block.
  write("ops-guide.txt", ["PENROSE AIR: AI GUIDE FOR GROUND OPERATIONS", "============================================", "", "Version 1.3", "", "Baggage Systems", "--------------", "", "The bag-routing model is checked by the duty manager each morning."]);
  write("concerns.txt", ["PENROSE CARE", "AI CONCERNS PROCEDURE", "Owner: Head of Clinical Governance", "Version 1.4", "", "Out of hours:", "", "Phone the on-call manager on 0800 000 111."]);
  // Markdown: two "#" lines (the organisation, then the policy); a bold line under the title; a bold line as the title.
  write("ai-policy.md", ["# Riverbend Learning Trust", "", "# Artificial Intelligence Policy", "", "## Marking", "", "Teachers check every mark an AI tool suggests."]);
  write("use-policy.md", ["# Acceptable Use of AI Policy", "", "**Pennant Mutual Limited**", "", "Version 2.3 – approved by the Executive Risk Committee", "Policy owner: Head of Data", "", "## Approved tools", "", "Only PennantAssist is approved for member data."]);
  write("society-policy.md", ["# Thornfield Building Society", "", "**Artificial Intelligence Policy**", "", "Version 2.1 | Owner: Chief Risk Officer", "", "## Purpose", "", "This policy covers every use of AI in mortgage underwriting."]);
  write("complaints-procedure.md", ["PENROSE RECRUITMENT LTD — AI COMPLAINT HANDLING PROCEDURE", "", "Version 1.4 · Owner: AI Governance Lead", "", "**Who investigates**", "", "The AI Governance Lead investigates every complaint about a match score."]);
  // A Word policy typed from a template: its name and the organisation's as plain paragraphs over its control table.
  fs.writeFileSync(
    path.join(folder, "bakery-policy.docx"),
    wordDocument([
      { text: "Penrose Bakeries Ltd" },
      { text: "Artificial Intelligence (AI) Acceptable Use Policy" },
      { text: "", table: [["Version", "2.1"], ["Owner", "Head of Digital"]] },
      { text: "1. Oven scheduling", style: "Heading1" },
      { text: "BakePlan proposes each night's oven schedule and the shift manager confirms it." },
    ]),
  );
  fs.writeFileSync(
    path.join(folder, "fleet-standard.docx"),
    wordDocument([
      { text: "Penrose Fleet" },
      { text: "Telematics Standard" },
      { text: "This standard applies to every driver and transport manager." },
      { text: "1. Camera alerts", style: "Heading1" },
      { text: "Fatigue alerts are reviewed by a transport manager within one shift." },
    ]),
  );
  write("imagery-standard.md", ["**Design Standard S-07: Generative Imagery**", "", "Version 1.3 – September 2024", "", "**Labelling**", "", "Label every issued image \"AI-assisted image\"."]);
  const headed = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("cites each by the title a reader sees at its top, with its version, and keeps its sections", async () => {
    const { passages } = await headed.policyIndex();
    const titleOf = (document: string) => passages.find((passage) => passage.document === document);
    expect(titleOf("forum-terms.txt")).toMatchObject({ documentTitle: "NORTHFIELD TELECOM LIMITED – AI GOVERNANCE FORUM – TERMS OF REFERENCE", heading: "QUORUM" });
    expect(titleOf("crew-guide.txt")).toMatchObject({ documentTitle: "PENROSE AIR – Quick guide for cabin crew: using AI safely", documentVersion: "Version 2" });
    expect(titleOf("ops-guide.txt")).toMatchObject({ documentTitle: "PENROSE AIR: AI GUIDE FOR GROUND OPERATIONS", heading: "Baggage Systems" });
    expect(titleOf("concerns.txt")).toMatchObject({ documentTitle: "PENROSE CARE – AI CONCERNS PROCEDURE", documentVersion: "Version 1.4" });
    expect(outlineOf(passages, "ai-policy.md")).toEqual(["Riverbend Learning Trust – Artificial Intelligence Policy > Marking"]);
    expect(titleOf("use-policy.md")).toMatchObject({ documentTitle: "Acceptable Use of AI Policy", documentVersion: "Version 2.3" });
    expect(outlineOf(passages, "society-policy.md")).toEqual(["Thornfield Building Society – Artificial Intelligence Policy > Purpose"]);
    expect(titleOf("society-policy.md")?.documentVersion).toBe("Version 2.1");
    expect(outlineOf(passages, "imagery-standard.md")).toEqual(["Design Standard S-07: Generative Imagery > Labelling"]);
    expect(titleOf("imagery-standard.md")?.documentVersion).toBe("Version 1.3");
    expect(outlineOf(passages, "complaints-procedure.md")).toEqual(["PENROSE RECRUITMENT LTD — AI COMPLAINT HANDLING PROCEDURE > Who investigates"]);
    expect(titleOf("complaints-procedure.md")?.documentVersion).toBe("Version 1.4");
    expect(titleOf("fleet-standard.docx")).toMatchObject({ documentTitle: "Penrose Fleet – Telematics Standard", heading: "Camera alerts" });
    expect(titleOf("bakery-policy.docx")).toMatchObject({ documentTitle: "Penrose Bakeries Ltd – Artificial Intelligence (AI) Acceptable Use Policy", documentVersion: "Version 2.1", heading: "Oven scheduling" });
  });

  it("answers from them with the title and version in the citation", async () => {
    expect((await headed.ask("who checks the bag routing model?")).citations[0]).toMatchObject({ document: "ops-guide.txt", documentTitle: "PENROSE AIR: AI GUIDE FOR GROUND OPERATIONS", documentVersion: "Version 1.3" });
    expect((await headed.ask("how should I label an AI image I send out?")).citations[0]).toMatchObject({ document: "imagery-standard.md", heading: "Labelling", documentTitle: "Design Standard S-07: Generative Imagery" });
  });
});

describe("numbered clauses typed with their lines wrapped at the margin", () => {
  const terms = assistantOnPolicy("committee-terms.txt", [
    "PENROSE MUTUAL – AI OVERSIGHT COMMITTEE – TERMS OF REFERENCE", "",
    "2. AUTHORITY", "",
    "2.1 The Committee is established by, and reports to, the Executive Risk", "Committee.", "",
    "2.2 The Committee may suspend any AI tool that puts members at risk.", "",
    "9. SECRETARIAT AND PAPERS", "",
    "9.1 The Trustee Secretariat provides the secretary to the Committee", "(currently the Governance Officer).", "",
    "9.2 Papers are circulated five working days before each meeting.", "",
    "9.3 The register of approved AI uses is published on the intranet page", "\"AI tools we use\" and kept up to date by the Board Secretary.",
  ].join("\n"));

  it("reads a clause whose sentence ends on the next line as text of its section, not as a heading", async () => {
    const { passages } = await terms.policyIndex();
    expect(passages.map((passage) => passage.headingPath.slice(1).join(" > "))).toEqual(["AUTHORITY", "SECRETARIAT AND PAPERS"]);
    expect((await terms.ask("who does the AI oversight committee report to?")).citations[0]).toMatchObject({ section: "2", heading: "AUTHORITY" });
  });
});

describe("documents as wikis, notes apps, templates and e-mail keep them", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-exports-"));
  // A Word template's document-control table holds the version; the title has none.
  fs.writeFileSync(
    path.join(folder, "ai-policy.docx"),
    wordDocument([
      { text: "Museum AI Policy", style: "Title" },
      { text: "", table: [["Document reference", "RM-POL-14"], ["Version", "2.1"], ["Owner", "Head of Digital"]] },
      { text: "Approved tools", style: "Heading1" },
      { text: "Only the museum's Copilot licence may be used to draft gallery labels." },
    ]),
  );
  // A wiki page exported as HTML: the page's title above its content, a contents list of links to its headings, attachments below.
  fs.writeFileSync(
    path.join(folder, "collections-ai.html"),
    [
      "<html><head><title>Collections : Digitisation and AI</title></head><body>",
      '<div id="main-header"><ol id="breadcrumbs"><li><a href="index.html">Collections</a></li></ol>',
      '<h1 id="title-heading" class="pagetitle"><span id="title-text">Collections : Digitisation and AI</span></h1></div>',
      '<div class="page-metadata">Created by A. Curator, last modified on Mar 14, 2025</div>',
      '<div id="main-content" class="wiki-content">',
      '<div class="toc-macro"><ul><li><a href="#Tagging">Tagging</a></li><li><a href="#Transcription">Transcription</a></li></ul></div>',
      '<h1 id="Tagging">Tagging</h1><p>Suggested keywords below a confidence of 0.6 are never published.</p>',
      '<h1 id="Transcription">Transcription</h1><p>Closed archive records are never uploaded for handwriting recognition.</p>',
      "</div>",
      '<div class="pageSection"><h2 id="attachments" class="pageSectionTitle">Attachments:</h2><p>tagger-contract.pdf (application/pdf)</p></div>',
      '<div id="footer"><p>Document generated by the wiki on Mar 17, 2025</p></div>',
      "</body></html>",
    ].join("\n"),
  );
  // A notes app's Markdown export: a linked contents list, properties, a callout wrapped in HTML.
  fs.writeFileSync(
    path.join(folder, "visitor-ai.md"),
    ["# Visitor-facing AI", "", "Owner: Visitor Services", "", "- [Chatbot](#chatbot)", "- [Portrait kiosk](#portrait-kiosk)", "", "## Chatbot", "", "<aside>", "⚠️ A wrong answer about evacuation is an incident: phone the service desk within 1 hour.", "</aside>", "", "## Portrait kiosk", "", "Selfies taken at the kiosk are deleted after 24 hours."].join("\n"),
  );
  // Terms of reference pasted into an e-mail; the version is only in the file's name.
  fs.writeFileSync(
    path.join(folder, "ethics-committee-terms_v1.2.txt"),
    ["From: Governance Officer <governance@example.org>", "Sent: 05 February 2025 11:47", "To: Committee members", "Subject: FW: Ethics committee terms of reference", "", "Dear all,", "", "The final terms are below.", "", "QUORUM", "", "Five voting members, including the Chair or the Vice-chair."].join("\n"),
  );
  const exported = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("cites each with its title and version, and reads no contents list, callout tag, attachment list or sender as policy", async () => {
    const { passages } = await exported.policyIndex();
    const text = passages.map((passage) => passage.text).join("\n");
    expect(text).not.toMatch(/<\/?aside>|\[Chatbot\]|tagger-contract|Created by|generated by the wiki/);
    expect(passages.filter((passage) => passage.document === "collections-ai.html").map((passage) => passage.headingPath.join(" > "))).toEqual(["Collections : Digitisation and AI > Tagging", "Collections : Digitisation and AI > Transcription"]);
    expect((await exported.ask("which tool may draft gallery labels?")).citations[0]).toMatchObject({ heading: "Approved tools", documentTitle: "Museum AI Policy", documentVersion: "Version 2.1" });
    expect((await exported.ask("how many members make the ethics committee quorate?")).citations[0]).toMatchObject({ heading: "QUORUM", documentTitle: "Ethics committee terms of reference", documentVersion: "Version 1.2" });
    expect((await exported.ask("when are kiosk selfies deleted?")).citations[0]).toMatchObject({ heading: "Portrait kiosk", documentTitle: "Visitor-facing AI" });
  });
});

describe("documents whose headings are only printed as headings", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-printed-headings-"));
  // A procedure typed in a template without heading styles: a cover of bold lines over its control table,
  // headings in bold or only larger, a bold caption over a table.
  fs.writeFileSync(
    path.join(folder, "procedure.docx"),
    wordDocument([
      { text: "NORTHSHIRE POLICE", bold: true, size: 16 },
      { text: "Use of AI Tools", bold: true, size: 22 },
      { text: "Procedure", bold: true, size: 14 },
      { text: "", table: [["Version", "1.2"], ["Classification", "OFFICIAL"]] },
      { text: "5. Approved AI tools", bold: true, size: 14 },
      { text: "5.1 Only the tools in Table 1 may be used on force devices." },
      { text: "Table 1 – Approved tools", bold: true },
      { text: "", table: [["Tool", "Highest classification"], ["Copilot Chat", "OFFICIAL"]] },
      { text: "Appendix B – Contacts", size: 14 },
      { text: "The AI Assurance Lead answers questions about this procedure on extension 4410." },
    ]),
  );
  // An intranet page from a page builder: its title a div with a heading role, its headings styled spans, comments below.
  fs.writeFileSync(
    path.join(folder, "frontline.html"),
    [
      '<html><body><main role="main"><div role="heading" aria-level="1" style="font-size:32px">Using AI on the frontline</div>',
      '<p><span style="font-size:18px;font-weight:600">Translation at a scene</span></p><p><span style="font-size:14px">Use Language Line, never a translation app, to speak to a witness.</span></p>',
      '<p><span style="font-size:18px;font-weight:600">Made a mistake?</span></p><p>Ring the Service Desk within one hour.</p>',
      '<div class="sp-comments"><div style="font-weight:600">Comments (1)</div><div>Any chance of a translation app soon?</div></div>',
      "</main></body></html>",
    ].join("\n"),
  );
  // Markdown as a word processor exports it: escaped punctuation, anchors after headings, a contents list of links, images as data.
  fs.writeFileSync(
    path.join(folder, "custody.md"),
    ["![][image1]", "", "# **Custody AI Standard**", "", "**Contents**", "", "[1\\. Interpreters\t1](#1.-interpreters)", "", "[2\\. Cell monitoring\t2](#2.-cell-monitoring)", "", "## **1\\. Interpreters** {#1.-interpreters}", "", "Detainees get a face\\-to\\-face or telephone interpreter; machine translation is never used for their rights.", "", "## **2\\. Cell monitoring** {#2.-cell-monitoring}", "", "A CellSense alert is answered in person within 2 minutes.", "", "[image1]: <data:image/png;base64,iVBORw0KGgoAAAANSUhEUg>"].join("\n"),
  );
  // A typed card: a protective marking above its title, headings that are labels over lists of "o" and "-" items.
  fs.writeFileSync(
    path.join(folder, "card.txt"),
    ["OFFICIAL", "CONTACT CENTRE AI CARD", "", "What you can use:", " o STORM CallScribe - transcripts of 999 calls", " o Nothing else on a call", "", "Before you save a summary:", " - Read it against what you heard", " - Delete anything the caller did not say", "", "If info goes into the wrong tool:", " - Ring the Service Desk within one hour", "", "OFFICIAL"].join("\n"),
  );
  // Terms typed with a centred title in blocks of capitals.
  fs.writeFileSync(
    path.join(folder, "ethics-terms.txt"),
    ["OFFICIAL", "", "                 NORTHSHIRE POLICE", "", "          DATA AND TECHNOLOGY ETHICS COMMITTEE", "", "                 TERMS OF REFERENCE", "", "Version:   3.0", "", "6. QUORUM", "---------", "", "6.1   A meeting is quorate when four independent members are present."].join("\n"),
  );
  // A data class named like a marking ("RESTRICTED") is a heading when it stands after a blank line.
  fs.writeFileSync(path.join(folder, "data-classes.txt"), "ACME DATA RULES\n\nPUBLIC\n\nPress releases may go into any tool.\n\nRESTRICTED\n\nHealth records never go into any AI tool.\n\nEnd of rules.\n");
  const printed = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("finds their headings and titles as a reader sees them, and leaves out what is not the policy", async () => {
    const { passages } = await printed.policyIndex();
    const outline = (document: string) => outlineOf(passages, document);
    expect(outline("procedure.docx")).toEqual(["NORTHSHIRE POLICE – Use of AI Tools – Procedure > Approved AI tools", "NORTHSHIRE POLICE – Use of AI Tools – Procedure > Contacts"]);
    expect(outline("frontline.html")).toEqual(["Using AI on the frontline > Translation at a scene", "Using AI on the frontline > Made a mistake?"]);
    expect(outline("custody.md")).toEqual(["Custody AI Standard > Interpreters", "Custody AI Standard > Cell monitoring"]);
    expect(outline("card.txt")).toEqual(["CONTACT CENTRE AI CARD > What you can use", "CONTACT CENTRE AI CARD > Before you save a summary", "CONTACT CENTRE AI CARD > If info goes into the wrong tool"]);
    expect(outline("data-classes.txt")).toEqual(["ACME DATA RULES > PUBLIC", "ACME DATA RULES > RESTRICTED"]);
    expect(outline("ethics-terms.txt")).toEqual(["NORTHSHIRE POLICE – DATA AND TECHNOLOGY ETHICS COMMITTEE – TERMS OF REFERENCE > QUORUM"]);
    const text = passages.map((passage) => passage.text).join("\n");
    expect(text).not.toMatch(/Comments|translation app soon|base64|\]\(#|\\-/);
    expect(text).toContain("face-to-face");
  });

  it("answers from them with the section a reader would cite", async () => {
    expect((await printed.ask("which tools may be used on force devices?")).citations[0]).toMatchObject({ document: "procedure.docx", section: "5", heading: "Approved AI tools" });
    expect((await printed.ask("how fast must a CellSense alert be answered?")).citations[0]).toMatchObject({ document: "custody.md", section: "2", heading: "Cell monitoring" });
    expect((await printed.ask("what should I check before I save a call summary?")).citations[0]).toMatchObject({ document: "card.txt", heading: "Before you save a summary" });
  });
});

describe("text files in the encodings Windows editors save", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-encodings-"));
  // Notepad's "Unicode" (UTF-16 with its mark), an older editor's Windows-1252, and UTF-8 with its mark.
  fs.writeFileSync(path.join(folder, "training.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ACME AI NOTE\r\n\r\nTRAINING\r\n\r\nEveryone completes the AI course within 30 days.\r\n", "utf16le")]));
  fs.writeFileSync(path.join(folder, "retention.txt"), Buffer.from([...Buffer.from("ACME AI RULES\n\nRETENTION\n\nChat logs are kept for 30 days "), 0x96, ...Buffer.from(" then deleted by the Caf"), 0xe9, ...Buffer.from(" team.\n")]));
  fs.writeFileSync(path.join(folder, "tools.md"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("# Acme AI Policy\n\n## Approved tools\n\nOnly Copilot is approved.\n")]));
  const encoded = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("reads each as it was written", async () => {
    const { passages } = await encoded.policyIndex();
    expect(passages.map((passage) => `${passage.documentTitle} > ${passage.heading}: ${passage.text}`).sort()).toEqual([
      "ACME AI NOTE > TRAINING: Everyone completes the AI course within 30 days.",
      "ACME AI RULES > RETENTION: Chat logs are kept for 30 days – then deleted by the Café team.",
      "Acme AI Policy > Approved tools: Only Copilot is approved.",
    ]);
  });
});

describe("an OpenDocument text, as LibreOffice saves", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-odt-"));
  fs.writeFileSync(
    path.join(folder, "depot-ai-rules.odt"),
    odtDocument(
      [
        { title: "Depot AI Rules" },
        { text: "Version 1.4. Owner: Head of Fleet Engineering." },
        { heading: "Approved tools", level: 1 },
        { text: "Only FleetSense and the company's Copilot licence may be used at the depots." },
        { heading: "Fault predictions", level: 1 },
        { heading: "Acting on an alert", level: 2 },
        { text: "A FleetSense alert is checked by a qualified fitter before any train is withdrawn." },
        { table: [["Record", "Kept for"], ["FleetSense alerts", "7 years"]] },
        { heading: "Contacts", level: 1, unnumbered: true },
        { items: ["Fleet Engineering Manager – ext. 5100", "Service Desk – ext. 2000"] },
      ],
      { numbered: true },
    ),
  );
  const odt = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("is read with its title, version, outline numbers, lists and tables", async () => {
    const { passages } = await odt.policyIndex();
    expect(passages.map((passage) => `${passage.section} ${passage.heading}`)).toEqual(["1 Approved tools", "2.1 Acting on an alert", "Contacts Contacts"]);
    expect(passages.find((passage) => passage.heading === "Contacts")!.text).toContain("- Service Desk – ext. 2000");
    const answer = await odt.ask("who checks a fleetsense alert before a train is withdrawn?");
    expect(answer.citations[0]).toMatchObject({ document: "depot-ai-rules.odt", section: "2.1", heading: "Acting on an alert", documentTitle: "Depot AI Rules", documentVersion: "Version 1.4" });
    expect((await odt.ask("how long are fleetsense alerts kept?")).answer).toContain("7 years");
  });
});

describe("documents written in a wiki's, a docs site's or a newsletter's markup", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-markup-"));
  const write = (name: string, lines: string[]) => fs.writeFileSync(path.join(folder, name), lines.join("\n"));
  // A MediaWiki page saved as text: an infobox template, a magic word, a wiki table and a numbered list.
  write("digital-wiki.txt", [
    "{{Infobox policy", "| owner = Digital Services", "| version = 2.3", "}}", "__TOC__",
    "Guidance for all staff on '''generative AI''' tools. See [[Information Security Policy|the security policy]].", "",
    "== Approved tools ==", '{| class="wikitable"', "! Tool !! Data allowed", "|-", "| Microsoft Copilot || Internal and confidential", "|-", "| Public chatbots || Public information only", "|}", "",
    "== Reporting a problem ==", "# Stop using the tool.", "# Phone the service desk on 2222 within one hour.",
  ]);
  // AsciiDoc: its version and a value in attributes, a NOTE block, a table whose first row is its header.
  write("cctv-standard.adoc", [
    "= CCTV and Passenger Data Standard", ":revnumber: 1.4", ":retention: 31", ":toc:", "",
    "== Retention", "", "[NOTE]", "====", "Footage used by the crowd-counting model is kept for {retention} days, then overwritten.", "====", "",
    "== Data classes", "", '[cols="1,2",options="header"]', "|===", "|Class |Examples", "", "|BR-1", "|Timetables and published fares", "", "|BR-2", "|Passenger names and CCTV stills", "|===",
  ]);
  // reStructuredText: the title over- and underlined, sections underlined with "=" then "-".
  write("trading-desk.txt", [
    "========================", "Trading Desk AI Standard", "========================", "", ":Version: 2.0", "",
    "Forecast models", "===============", "", "Day-ahead forecasts from the model are checked by a trader before any bid is placed.", "",
    "Overrides", "---------", "", "A trader may override a forecast; the reason is logged in the trading journal.",
  ]);
  // Docs-as-code Markdown: front matter, a code block holding a "# comment", MkDocs and Docusaurus callouts.
  write("engineering.md", [
    "---", "title: AI Engineering Guidelines", "version: 1.4.0", "owner: Platform Team", "tags:", "  - ai", "---", "",
    "## Registering a model", "", "Every model is registered in the model inventory before it is deployed.", "", "```yaml", "# models/AIR-0193/model-card.yaml", "owner: pricing", "```", "",
    '!!! warning "Suggestions are your code"', "    You are responsible for every line a coding assistant suggests: review it as your own.", "",
    "## Logging", "", ":::note", "Prompts sent to hosted models are logged for 30 days.", ":::",
  ]);
  // An e-mail newsletter: tables for layout, its headings from h2, questions in bold each over its answer.
  write("newsletter.html", [
    "<html><head><title>Station Matters – AI briefing</title></head><body>",
    '<table role="presentation" width="600"><tr><td>', '<table><tr><td><img alt="Brightline"></td><td>Issue 42</td></tr></table>',
    "<h2>Ask Brightline is live</h2>", "<p>Passengers can now ask the website's assistant about delays and refunds.</p>", "</td></tr><tr><td>",
    "<h2>Your questions</h2>", "<b>Can I use ChatGPT for a customer reply?</b><br>", "Only with no names or booking references in it.<br>",
    "<b>Who checks the assistant's answers?</b><br>", "The Customer Relations team reviews a <i>sample</i> of its answers every week.<br>", "</td></tr></table></body></html>",
  ]);
  // Word's "Web Page, Filtered": the Title style as a class, bullets typed out in the Symbol font.
  write("customer-operations.htm", [
    '<html><head><meta name=Generator content="Microsoft Word 15 (filtered)"><title>Customer Operations</title></head><body lang=EN-GB><div class=WordSection1>',
    "<p class=MsoTitle>Customer Operations AI Guidance</p>", "<h1>Using AI with customers</h1>", "<p class=MsoNormal>Follow these rules on every call.</p>",
    "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'>·<span>&nbsp;&nbsp;&nbsp; </span></span>Never paste a meter reading together with an account number.</p>",
    "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'>·<span>&nbsp;&nbsp;&nbsp; </span></span>Check a drafted letter against the account before it is sent.</p>",
    "</div></body></html>",
  ]);
  // A service desk's knowledge-base article: "Step N — …" headings, each over its owner.
  write("kb-incident.txt", [
    "KB0041 - AI incident procedure", "==============================", "", "Version:   3.0", "",
    "Step 1 — Stop and make safe", "Owner: The person who spots the problem", "", " - Stop relying on the output and go back to the standard procedure.", "",
    "Step 2 — Report it within the hour to the IT Service Desk", "Owner: The person who spots the problem", "", ' - Phone 2222, or raise "Report an AI incident" in the portal.',
  ]);
  const marked = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  const outline = async (document: string) => outlineOf((await marked.policyIndex()).passages, document);

  it("finds each one's headings, and reads no markup as text", async () => {
    expect(await outline("digital-wiki.txt")).toEqual(["digital-wiki > Approved tools", "digital-wiki > Reporting a problem"]);
    expect(await outline("cctv-standard.adoc")).toEqual(["CCTV and Passenger Data Standard > Retention", "CCTV and Passenger Data Standard > Data classes"]);
    expect(await outline("trading-desk.txt")).toEqual(["Trading Desk AI Standard > Forecast models", "Trading Desk AI Standard > Forecast models > Overrides"]);
    expect(await outline("engineering.md")).toEqual(["AI Engineering Guidelines > Registering a model", "AI Engineering Guidelines > Logging"]);
    expect(await outline("newsletter.html")).toEqual([
      "Station Matters – AI briefing > Ask Brightline is live",
      "Station Matters – AI briefing > Your questions > Can I use ChatGPT for a customer reply?",
      "Station Matters – AI briefing > Your questions > Who checks the assistant's answers?",
    ]);
    expect(await outline("customer-operations.htm")).toEqual(["Customer Operations AI Guidance > Using AI with customers"]);
    expect(await outline("kb-incident.txt")).toEqual(["KB0041 - AI incident procedure > Stop and make safe", "KB0041 - AI incident procedure > Report it within the hour to the IT Service Desk"]);
    const text = (await marked.policyIndex()).passages.map((passage) => passage.text).join("\n");
    expect(text).not.toMatch(/\{\{|\}\}|'''|\[\[|__TOC__|\{\||\|===|:revnumber:|\{retention\}|^====$|!!!|:::|\[NOTE\]/m);
    expect(text).toContain("You are responsible for every line a coding assistant suggests");
    expect(text).toContain("- Never paste a meter reading together with an account number.");
  });

  it("answers from them with the section, the title and the version a reader would cite", async () => {
    const wiki = await marked.ask("what data can go into public chatbots?");
    expect(wiki.citations[0]).toMatchObject({ document: "digital-wiki.txt", heading: "Approved tools", documentVersion: "Version 2.3" });
    expect(wiki.answer).toContain("Public chatbots; Data allowed: Public information only");
    const cctv = await marked.ask("how long is crowd-counting footage kept?");
    expect(cctv.citations[0]).toMatchObject({ heading: "Retention", documentTitle: "CCTV and Passenger Data Standard", documentVersion: "Version 1.4" });
    expect(cctv.answer).toContain("kept for 31 days");
    expect((await marked.ask("can a trader override the forecast?")).citations[0]).toMatchObject({ heading: "Overrides", documentTitle: "Trading Desk AI Standard", documentVersion: "Version 2.0" });
    expect((await marked.ask("how long are prompts logged?")).citations[0]).toMatchObject({ heading: "Logging", documentTitle: "AI Engineering Guidelines", documentVersion: "Version 1.4.0" });
    expect((await marked.ask("who reviews the assistant's answers?")).citations[0]).toMatchObject({ heading: "Who checks the assistant's answers?", documentTitle: "Station Matters – AI briefing" });
    expect((await marked.ask("how do I report an AI incident to the service desk?")).citations[0]).toMatchObject({ section: "Step 2", documentVersion: "Version 3.0" });
  });
});

describe("documents exported from Google Docs, Notion and Obsidian", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-exports-apps-"));
  const write = (name: string, lines: string[]) => fs.writeFileSync(path.join(folder, name), lines.join("\n"));
  // Google Docs' "Web page" download: bold and sizes given by class in a <style> block, the Title and Subtitle styles as classes.
  write("acme-ai-policy.html", [
    '<html><head><style type="text/css">.c1{font-weight:700}.c2{font-weight:400;font-size:11pt}.title{font-size:26pt}.subtitle{font-size:15pt;color:#666666}</style></head><body class="c5 doc-content">',
    '<p class="title"><span class="c2">Acme AI Policy</span></p>', '<p class="subtitle"><span>Policy reference IG-9 · Version 4.2</span></p>',
    '<h1 id="h.abc"><span>1. Approved tools</span></h1>', '<p><span class="c1">Copilot only.</span><span class="c2"> No other AI tool is approved for work.</span></p>',
    '<p><span class="c1">Meeting notes</span></p>', '<p><span class="c2">Copilot may summarise a Teams meeting when everyone in it agrees.</span></p>',
    "</body></html>",
  ]);
  // Notion's HTML export: the page's title and properties in the article's header, an icon, a callout with its emoji.
  write("data-board-terms.html", [
    "<html><head><title>Data Board – Terms</title><style>.page-title { font-size: 2.5rem; font-weight: 700; }</style></head><body>",
    '<article class="page sans"><header><div class="page-header-icon"><span class="icon">⚖️</span></div><h1 class="page-title">Data Board – Terms</h1>',
    '<table class="properties"><tbody><tr><th>Owner</th><td>Chief Data Officer</td></tr><tr><th>Version</th><td>3.0</td></tr></tbody></table></header>',
    '<div class="page-body"><figure class="callout"><div style="font-size:1.5em"><span class="icon">💡</span></div><div>Agreed by the Executive Board in January.</div></figure>',
    "<h2>Quorum</h2><p>Four voting members, one of them the Chair or the Vice-chair.</p></div></article></body></html>",
  ]);
  // An Obsidian note: links to other notes, tags, a callout with its title.
  write("incident-note.md", [
    "---", "version: 1.4", "tags: [ai]", "---", "# AI Incident Procedure", "", "Read alongside [[AI Acceptable Use Policy|the AUP]]. #policy", "",
    "## Reporting", "", "> [!warning] Don't delete anything", "> Keep the chat open and take a screenshot of it.", "",
    "Check [[Clinical AI Standard#6.2 Performance thresholds]] first. Ask in #ai-help if unsure. #near-miss",
  ]);
  // An intranet page whose news cards' titles have the class "title": not the document's title, nor headings.
  write("news.html", ['<html><body><h1>AI at Acme</h1><p class="title">Copilot rollout</p><p>Copilot arrives in May for all staff.</p>', '<p class="title">Chatbot pilot</p><p>The chatbot pilot ends in June.</p></body></html>']);
  const apps = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("reads their titles, versions and headings as the apps show them", async () => {
    const { passages } = await apps.policyIndex();
    const outline = (document: string) => outlineOf(passages, document);
    expect(outline("acme-ai-policy.html")).toEqual(["Acme AI Policy > Approved tools", "Acme AI Policy > Approved tools > Meeting notes"]);
    expect(outline("data-board-terms.html")).toEqual(["Data Board – Terms > Quorum"]);
    expect(outline("news.html")).toEqual(["AI at Acme"]);
    expect((await apps.ask("can copilot summarise a teams meeting?")).citations[0]).toMatchObject({ heading: "Meeting notes", documentTitle: "Acme AI Policy", documentVersion: "Version 4.2" });
    expect((await apps.ask("how many members make the data board quorate?")).citations[0]).toMatchObject({ heading: "Quorum", documentTitle: "Data Board – Terms", documentVersion: "Version 3.0" });
  });

  it("reads a note's links as their words and its callouts as text, leaving out its tags and the apps' icons", async () => {
    const text = (await apps.policyIndex()).passages.map((passage) => passage.text).join("\n");
    expect(text).toContain("Warning: Don't delete anything");
    expect(text).toContain("Check Clinical AI Standard, 6.2 Performance thresholds first. Ask in #ai-help if unsure.");
    expect(text).not.toMatch(/\[\[|\[!warning\]|#policy|#near-miss|💡|⚖️/);
    expect((await apps.ask("should I delete the chat after an AI incident?")).citations[0]).toMatchObject({ heading: "Reporting", documentTitle: "AI Incident Procedure", documentVersion: "Version 1.4" });
  });
});

describe("a Confluence page's wiki markup, a GitBook page and a procedure quoted in an e-mail reply", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aims-exports-wiki-mail-"));
  const write = (name: string, lines: string[]) => fs.writeFileSync(path.join(folder, name), lines.join("\n"));
  // Confluence's (and Jira's) wiki markup saved as text: "h2." headings, a "||" header row, macros, bold fields.
  write("steering-terms.txt", [
    "h1. AI Steering Group – Terms of Reference", "", "{panel:title=Document control}", "*Version:* 2.0 | *Owner:* Head of Digital", "{panel}", "",
    "h2. Membership", "", "||Role||Votes||", "|Chief Operating Officer (Chair)|Yes|", "|Head of Quality|Yes|", "|[~jsmith] from IT|No|", "",
    "h2. Quorum", "", "{info}", "Four voting members, including the Chair or the Head of Quality.", "{info}", "", "# Papers go out five working days before.", "* See [the AI policy|https://intranet/ai-policy].",
  ]);
  // A GitBook page: a hint block, tabs whose titles head their text.
  write("handbook.md", [
    "---", "description: How we use AI at work", "---", "", "# AI Handbook", "", "## Forecasting", "", '{% hint style="warning" %}', "Never override the demand forecast without the planner's sign-off.", "{% endhint %}", "",
    "{% tabs %}", '{% tab title="Factories" %}', "Line managers check the production plan against the forecast every morning.", "{% endtab %}", '{% tab title="Offices" %}', "Sales check the forecast each Monday.", "{% endtab %}", "{% endtabs %}",
  ]);
  // The procedure a colleague sent, quoted in the reply that passes it on.
  write("incident-email.txt", [
    "From: Quality Manager <qm@example.com>", "Sent: 10 March 2025 09:12", "To: All line leaders", "Subject: RE: AI incident reporting procedure", "",
    "All - see below, this is the final version. Please print it.", "", "-----Original Message-----", "From: Head of Food Safety", "Sent: 07 March 2025 16:40", "Subject: AI incident reporting procedure", "",
    "> REPORTING AN AI INCIDENT", ">", "> 1. Stop the line if the vision system has passed a faulty seal.", "> 2. Phone the shift food safety lead on ext 2200.", ">", "> WHO DECIDES ON A RECALL", ">", "> The Technical Director decides within 4 hours.",
  ]);
  // A Word policy whose contents list was typed, without page numbers, under a bold "Contents".
  write("ai-policy.html", [
    "<html><body><p><b>Hartwell AI Policy</b></p><p><b>Contents</b></p><p>1. Purpose and scope</p><p>2. Approved tools</p>",
    "<h1>1. Purpose and scope</h1><p>This policy covers every AI tool used at the three factories.</p><h1>2. Approved tools</h1><p>Only Copilot and ForecastIQ are approved.</p></body></html>",
  ]);
  // A controlled document's cover as its converted text keeps it: the company's name as the title, the title itself in capitals under it, its issue below.
  write("food-safety-standard.md", [
    "# HARTWELL FOODS LTD", "FOOD SAFETY AI STANDARD", "", "Issue: 3.0 Effective from: 1 July 2024 Owner: Technical Director", "",
    "## 1. LINE VISION SYSTEMS", "", "SealSight rejects every tray whose seal fails the camera check, and the line leader checks the reject bin hourly.",
  ]);
  const sent = new PolicyAssistant({ policyDir: folder, prompt: loadPrompt("policy-answer") });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("finds their headings and versions, and reads their markup and quote marks as nobody sees them", async () => {
    const { passages } = await sent.policyIndex();
    const outline = (document: string) => outlineOf(passages, document);
    expect(outline("steering-terms.txt")).toEqual(["AI Steering Group – Terms of Reference > Membership", "AI Steering Group – Terms of Reference > Quorum"]);
    expect(outline("handbook.md")).toEqual(["AI Handbook > Forecasting", "AI Handbook > Forecasting > Factories", "AI Handbook > Forecasting > Offices"]);
    expect(outline("incident-email.txt")).toEqual(["AI incident reporting procedure > REPORTING AN AI INCIDENT", "AI incident reporting procedure > WHO DECIDES ON A RECALL"]);
    expect(passages.find((passage) => passage.document === "steering-terms.txt")?.documentVersion).toBe("Version 2.0");
    expect(outline("ai-policy.html")).toEqual(["Hartwell AI Policy > Purpose and scope", "Hartwell AI Policy > Approved tools"]);
    const text = passages.map((passage) => passage.text).join("\n");
    expect(text).not.toMatch(/\{%|\{info\}|\{panel|\[~|\|\||^>|Original Message|Sent: 07 March/m);
    expect(text).toContain("| Head of Quality | Yes |");
    expect(text).toContain("Warning:\nNever override the demand forecast");
  });

  it("answers from them with the section a reader would cite", async () => {
    expect((await sent.ask("how many members make the AI steering group quorate?")).citations[0]).toMatchObject({ heading: "Quorum", documentVersion: "Version 2.0" });
    expect((await sent.ask("who checks the production plan against the forecast in the factories?")).citations[0]).toMatchObject({ document: "handbook.md", heading: "Factories" });
    expect((await sent.ask("who decides on a recall after an AI incident?")).citations[0]).toMatchObject({ document: "incident-email.txt", heading: "WHO DECIDES ON A RECALL" });
    expect((await sent.ask("how often is the sealsight reject bin checked?")).citations[0]).toMatchObject({ documentTitle: "HARTWELL FOODS LTD – FOOD SAFETY AI STANDARD", documentVersion: "Issue 3.0" });
  });
});

describe("npx aims ask with the documents people have", () => {
  it("answers from a PDF and lists the files it could not read in its JSON", async () => {
    const result = await runAims(["ask", "how long is in-cab camera footage kept?", "--json"], { POLICY_DIR: dir, LOCAL_CHAT: "off" });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ answered: true, citations: [expect.objectContaining({ document: "fleet-telematics.pdf", section: "2" })] });
    expect(printed.unreadableDocuments.map((entry: { file: string }) => entry.file)).toEqual(["broken.docx", "org-chart.png"]);
  });

  it("aims doctor lists each document read and names the files it could not use, failing until they are fixed", async () => {
    const result = await runAims(["doctor"], { POLICY_DIR: dir, LOCAL_CHAT: "off" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Policy documents in ${dir}: 11 read`);
    expect(result.stdout).toMatch(/ok {3}lab-ai-rules\.docx \(\d+ sections\)/);
    expect(result.stdout).toMatch(/not used {2}broken\.docx: could not be read as a DOCX file/);
    expect(result.stdout).toMatch(/not used {2}org-chart\.png: skipped/);
  });

  it("stops with a clear message when POLICY_DIR does not exist", async () => {
    const missing = path.join(dir, "no-such-folder");
    const result = await runAims(["ask", "which AI tools are approved?", "--json"], { POLICY_DIR: missing, LOCAL_CHAT: "off" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`POLICY_DIR ${missing} does not exist`);
    expect(result.stdout).toBe("");
  });
});
