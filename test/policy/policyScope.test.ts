// Questions that name AI and share the policy's words but ask about what lies outside it: another
// body's rules, AI in the asker's private life, which product is best or what AI can do in general.
// Each is declined, unless the policy itself speaks of that body or that part of life. Each goes
// through PolicyAssistant.ask on a policy folder.
import { describe, expect, it } from "vitest";
import { assistantOnPolicy } from "../support/policyFolder.js";

const policy = [
  "# Oakfield Press AI Policy",
  "",
  "## Approved tools",
  "",
  "| Tool | Use it for |",
  "| --- | --- |",
  "| Microsoft Copilot | Drafting, summaries and research papers |",
  "| Otter | Transcribing interviews |",
  "",
  "## Approvals",
  "",
  "The Ethics Board must approve any new AI tool before staff use it. The board requires a Data Protection Impact Assessment (DPIA).",
  "",
  "## Personal images",
  "",
  "Do not upload photos of your family or colleagues to AI image generators on work devices.",
  "",
  "## Publishing",
  "",
  "Papers written with AI help must say which tool was used and how. Authors remain responsible for every claim in their papers.",
  "",
  "## Code and models",
  "",
  "Developers may use Copilot to write Python code; every suggestion is reviewed before it is merged. We do not fine-tune models on readers' data.",
  "",
  "## Data classes",
  "",
  "Confidential data means unpublished stories, sources' identities and readers' personal details. It never goes into an AI tool outside the approved list.",
  "",
  "## Checking AI drafts",
  "",
  "A sub-editor checks the facts in every AI draft before it is published. Paying for a transcription app needs the Ethics Board's approval.",
].join("\n");

const assistant = assistantOnPolicy("ai-policy.md", policy);
const answered = async (question: string) => (await assistant.ask(question)).answered;

describe("another body's rules", () => {
  it("declines what a publisher, a regulator or a law the policy never names says about AI", async () => {
    expect(await answered("What are Elsevier's rules on authors using AI to write papers?")).toBe(false);
    expect(await answered("What does the ICO require before a chatbot can use personal data?")).toBe(false);
    expect(await answered("What does the EU AI Act say about transcribing interviews?")).toBe(false);
  });

  it("says which body the policies do not mention, and offers to pass the question on", async () => {
    expect((await assistant.ask("What are the ICO's rules on AI?")).answer).toContain("don't mention the ICO");
    const answer = await assistant.ask("What does the EU AI Act say about transcribing interviews?");
    expect(answer.answer).toContain("don't mention the EU AI Act");
    expect(answer.answer).toContain("pass your question to the governance team");
    expect(answer.citations).toEqual([]);
  });

  it("answers what a body the policy names requires", async () => {
    const answer = await assistant.ask("What does the Ethics Board require before we use a new AI tool?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe("Approvals");
  });

  it("answers a question about the organisation's own rules, in its name", async () => {
    expect(await answered("What are Oakfield Press's rules on papers written with AI?")).toBe(true);
  });
});

describe("another body's rules, named by a pronoun", () => {
  it.each([
    "the transcription vendor updated its terms last month, what do they say now about training on audio?",
    "new rules for generative AI services in Asia: do they require labelling of AI output?",
  ])("declines what another organisation's terms or rules say: %s", async (question) => {
    const answer = await assistant.ask(question);
    expect(answer).toMatchObject({ answered: false, confidence: "off-topic" });
    expect(answer.answer).toContain("another organisation's terms or rules");
  });

  it("leaves a team of ours, and a role of ours, to the policy", async () => {
    for (const question of ["I'm joining the data team; what do their rules say about Copilot?", "Contractors: do they require training before using Copilot?"]) {
      expect((await assistant.ask(question)).answer).not.toContain("another organisation's terms or rules");
    }
  });

  it("still answers what the policies say, and whether a tool whose terms changed is still approved here", async () => {
    expect(await answered("I read the AI rules, what do they say about checking AI drafts before publishing?")).toBe(true);
    expect(await answered("Otter changed its terms. what do they say about recordings now, and is Otter still approved for transcribing interviews?")).toBe(true);
  });
});

describe("AI in the asker's private life", () => {
  it("declines AI for one's own family, holidays and birthdays", async () => {
    expect(await answered("what's a good AI app to help my kid with his homework?")).toBe(false);
    expect(await answered("can chatgpt plan my holiday to Spain this summer?")).toBe(false);
    expect(await answered("Is there an AI that can make a playlist for my birthday?")).toBe(false);
  });

  it("declines AI for the wider family: grandparents, nephews, aunts, cousins", async () => {
    expect(await answered("is there an AI that can colour in my grandparents' wedding photos?")).toBe(false);
    expect(await answered("can Copilot help my nephew revise for his maths exam?")).toBe(false);
  });

  it("says the policy is about AI at work", async () => {
    expect((await assistant.ask("can chatgpt plan my holiday to Spain this summer?")).answer).toMatch(/using AI for work, not in your own time/);
  });

  it("answers when the policy speaks of that part of life", async () => {
    const answer = await assistant.ask("can I put a photo of my family into an AI image generator on my work laptop?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe("Personal images");
  });

  it("answers 'my' work questions", async () => {
    expect(await answered("can I use Copilot to summarise my research papers?")).toBe(true);
  });

  it("declines AI used for oneself without 'my': at home for recipes, a holiday for me, for personal use", async () => {
    expect(await answered("is it safe to use Copilot at home for recipes")).toBe(false);
    expect(await answered("can Copilot plan a 5 day holiday in Portugal for me and a friend")).toBe(false);
    expect(await answered("Should I pay for Copilot Pro for my own personal use?")).toBe(false);
  });

  it("answers work done from home", async () => {
    expect(await answered("can I use Copilot at home to draft research papers?")).toBe(true);
  });

  it("declines a relative's own AI, one's own pastimes, and the occasions of a family named", async () => {
    expect(await answered("Dad's care home has started using AI sensors at night, should we be worried?")).toBe(false);
    expect(await answered("Can an AI coach app plan the training for my first marathon?")).toBe(false);
    expect(await answered("My family want an AI to plan our Christmas dinner this year")).toBe(false);
    expect(await answered("the dating app says its AI picks who I see first, can I find out how?")).toBe(false);
    expect(await answered("which AI recipe generator copes with a vegetarian household?")).toBe(false);
    // "My own": one's own, even where the policy speaks of it (its family photos are on work devices).
    expect(await answered("Is it OK to let an AI app sort my own family photos at home?")).toBe(false);
  });

  it("declines a pastime's AI even where the policy uses its word for something else", async () => {
    const dated = assistantOnPolicy("ai-dates.md", "# Dates AI Policy\n\n## Review dates\n\nThe AI register is reviewed on fixed dates each year, and every AI tool is dated when it is approved.\n");
    expect((await dated.ask("the dating app's AI keeps choosing the same matches for me, how does it decide?")).answered).toBe(false);
    expect((await dated.ask("on what dates is the AI register reviewed?")).answered).toBe(true);
  });

  it("answers someone else's relative at work", async () => {
    expect(await answered("An author's wife sent us her husband's unpublished story; can I paste it into Copilot to summarise it?")).toBe(true);
  });
});

describe("questions about AI rather than the rules", () => {
  it("declines which product is best, what it is worth and whether AI can really do a person's job", async () => {
    expect(await answered("Which AI is best at writing Python code at the moment?")).toBe(false);
    expect(await answered("Which AI transcription app is actually worth paying for?")).toBe(false);
    expect(await answered("Can AI really check facts as reliably as a sub-editor?")).toBe(false);
    expect(await answered("What does fine-tuning a model actually mean?")).toBe(false);
  });

  it("declines the meaning of a term the policy never uses, saying so, and explains one it does", async () => {
    const gpt = await assistant.ask("what does GPT stand for?");
    expect(gpt).toMatchObject({ answered: false, citations: [] });
    expect(gpt.answer).toContain(`don't use the term "GPT"`);
    const dpia = await assistant.ask("what does DPIA stand for?");
    expect(dpia.answered).toBe(true);
    expect(dpia.citations[0]?.section).toBe("Approvals");
    const confidential = await assistant.ask("what does 'confidential data' actually mean?");
    expect(confidential.answered).toBe(true);
    expect(confidential.citations[0]?.section).toBe("Data classes");
  });

  it("answers which approved tool is best for a task", async () => {
    const answer = await assistant.ask("which approved tool is best for transcribing interviews?");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.section).toBe("Approved tools");
  });
});

describe("terms, bodies and children named in other ways", () => {
  it("declines 'what is X' and 'the difference between X and Y' when the policy never uses the term, and answers a term it uses", async () => {
    const rag = await assistant.ask("what is RAG and how is it different from fine-tuning");
    expect(rag).toMatchObject({ answered: false, citations: [] });
    expect(rag.answer).toContain(`don't use the term "RAG"`);
    expect(await answered("what's the difference between machine learning and deep learning")).toBe(false);
    expect(await answered("what is a DPIA?")).toBe(true);
    expect(await answered("what's the difference between confidential data and personal details?")).toBe(true);
    expect(await answered("what's the difference between Copilot and Otter?")).toBe(true);
    // A list of terms the policy uses, each on its own ("Copilot, Otter" are never written together).
    expect(await answered("what's the difference between Copilot, Otter and the approved list?")).toBe(true);
    expect(await answered("what's the difference between Copilot, Llama and Otter?")).toBe(false);
  });

  it("declines what a supplier's own terms say, even one the policy lists, and answers for the organisation's own policy", async () => {
    const theirs = await assistant.ask("What do Otter's terms of service say about who owns my recordings?");
    expect(theirs).toMatchObject({ answered: false, citations: [] });
    expect(theirs.answer).toContain("Otter's own terms or policies, so I can't tell you what they say");
    expect(await answered("what does the Microsoft Copilot acceptable use policy say about research papers?")).toBe(false);
    expect(await answered("Does Otter's IP indemnity cover us if a transcript is used in a paper?")).toBe(false);
    expect(await answered("what does the Oakfield Press AI usage policy say about transcribing interviews?")).toBe(true);
    expect(await answered("can I use Otter for transcribing interviews?")).toBe(true);
  });

  it("declines a body named by a common noun the policy never uses, and answers for the asker's own organisation", async () => {
    expect(await answered("Does my bank's AI policy let them train models on my transactions?")).toBe(false);
    expect(await answered("What does the union say about AI transcribing interviews?")).toBe(false);
    expect(await answered("what does ISO/IEC 42001 require for transcription tools?")).toBe(false);
    expect(await answered("what are the company's rules on AI transcription?")).toBe(true);
  });

  it("declines AI for the asker's child, however the age is written", async () => {
    expect(await answered("is it safe to let my 12 year old use AI chatbots on her phone?")).toBe(false);
    expect(await answered("should my 9-yr-old use chatgpt for homework")).toBe(false);
  });
});

describe("rules of other bodies, however they are named", () => {
  it("declines a law, a regulator's guidance, a body's statement and another organisation's guidelines the policy never names", async () => {
    expect(await answered("under the Online Safety Act 2023, do we have to label AI-generated images?")).toBe(false);
    expect(await answered("ofcom guidance on synthetic voices - what does it cover?")).toBe(false);
    expect(await answered("What has the Press Recognition Panel actually said about AI-made photos?")).toBe(false);
    expect(await answered("which regulator enforces the AI Act in Spain")).toBe(false);
    expect(await answered("Reuters' guidelines on AI: do they let journalists use Copilot?")).toBe(false);
  });

  it("names what it does not cover", async () => {
    const answer = await assistant.ask("ofcom guidance on synthetic voices - what does it cover?");
    expect(answer.answer).toContain("don't mention ofcom guidance");
  });

  it("answers the same shapes about the policy's own body and rules, and source code that is not a code of rules", async () => {
    expect(await answered("What do the Ethics Board's guidelines say about paying for a transcription app?")).toBe(true);
    expect(await answered("can devs paste our Python code into Copilot?")).toBe(true);
    expect(await answered("does the new guidance let me use Otter for interviews?")).toBe(true);
  });
});

describe("named things the policy never mentions", () => {
  it("declines a question naming no AI about a body the policy never names, when no section clearly answers it", async () => {
    const answer = await assistant.ask("when does the Editorial Council review papers before they are published?");
    expect(answer.answered).toBe(false);
    expect(answer.answer).toContain("don't mention \"Editorial Council\"");
    expect(answer.answer).toContain("pass your question to the governance team");
  });

  it("answers when a section clearly answers the question, whatever else it names", async () => {
    expect(await answered("who checks the facts in a Guardian story before it is published?")).toBe(true);
  });

  it("answers about a name the policy uses, about using a tool it does not name, and about AI in a system named by its acronym", async () => {
    expect(await answered("which assessment does the Ethics Board require?")).toBe(true);
    expect(await answered("can I use Riverside to transcribe my interviews?")).toBe(true);
    expect(await answered("does the Ethics Board approve AI image generators from Canva?")).toBe(true);
    expect(await answered("does the AI summariser in our CRM keep readers' details?")).toBe(true);
  });
});

describe("a policy that names machine learning and the ICO", () => {
  const named = assistantOnPolicy(
    "ai-terms.md",
    "# Harlow AI Policy\n\n## What we mean by AI\n\nAI here means machine learning and generative AI tools such as Copilot.\n\n## Regulators\n\nWe report serious AI incidents to the ICO within 72 hours.\n",
  );

  it("declines what AI is in simple terms and what a regulator looks for, and answers what the policy means by AI", async () => {
    expect((await named.ask("What is machine learning, in simple terms?")).answered).toBe(false);
    expect((await named.ask("What does the ICO look for when it inspects an organisation's AI?")).answered).toBe(false);
    expect((await named.ask("what does our policy mean by AI?")).answered).toBe(true);
  });
});

describe("someone else's AI", () => {
  it("declines what a company or body the policy never names does with AI, naming it", async () => {
    const terms = await assistant.ask("Has Figma changed how it trains its AI on uploaded files this year?");
    expect(terms.answered).toBe(false);
    expect(terms.answer).toContain("don't mention \"Figma\"");
    expect(await answered("at what point does the MHRA treat AI software as a medical device?")).toBe(false);
  });

  it("answers whether that company's AI may be used, and a question naming a body of ours", async () => {
    expect(await answered("is the AI in Figma allowed for mock-ups?")).toBe(true);
    expect(await answered("does the Ethics Board approve AI image generators from Canva?")).toBe(true);
  });
});


describe("the organisation's own business in the policy's words", () => {
  const records = assistantOnPolicy(
    "ai-records.md",
    [
      "# Northfield AI Records Standard",
      "",
      "## The AI Steering Group",
      "",
      "The AI Steering Group meets on the first Tuesday of every month. Its members are the Chief Data Officer, the Head of Legal and two clinicians. AI incidents are reported to IT through the Service Desk.",
      "",
      "## How long we keep AI records",
      "",
      "| Record | Kept for |",
      "| --- | --- |",
      "| Chat history with the assistant | 30 days |",
      "| AI incident records | 6 years after the incident is closed |",
      "| Prompts sent to approved tools | 90 days |",
      "",
      "## Checks before release",
      "",
      "QA signs off every release of an AI feature.",
      "",
      "## Reporting an AI incident",
      "",
      "Report a security incident involving an AI tool to IT within 24 hours, saying which tool and what data was involved. Serious AI incidents are also reported to the Quality Committee.",
    ].join("\n"),
  );
  const answeredHere = async (question: string) => (await records.ask(question)).answered;

  it("declines how long records the policy never names are kept, saying which, and answers for the records it keeps", async () => {
    const payroll = await records.ask("How long must we keep payroll records after an employee leaves?");
    expect(payroll.answered).toBe(false);
    expect(payroll.answer).toContain("don't mention payroll records");
    expect(await answeredHere("how long do we keep AI incident records?")).toBe(true);
    expect(await answeredHere("how long is my chat history kept?")).toBe(true);
  });

  it("takes a body the policy names in passing for the organisation's own business, and its AI body for the policy's", async () => {
    expect(await answeredHere("Does the Quality Committee have to sign off the new car parking charges?")).toBe(false);
    expect(await answeredHere("When does the steering group meet?")).toBe(true);
  });

  it("declines how a body the policy is not about works, saying so, and answers who sits on its own", async () => {
    const quality = await records.ask("When does the Quality Committee meet and who sits on it?");
    expect(quality.answered).toBe(false);
    expect(quality.answer).toContain("don't say how the Quality Committee works");
    const steering = await records.ask("Who sits on the AI Steering Group?");
    expect(steering.answered).toBe(true);
    expect(steering.citations[0]?.section).toBe("The AI Steering Group");
    const seat = await records.ask("do clinicians get a seat at the table on the steering group");
    expect(seat.citations[0]?.section).toBe("The AI Steering Group");
  });

  it("takes IT and QA for departments, and a heading in capitals for no name", async () => {
    expect(await answeredHere("Left my work phone on the train. Is that something I report, or do I just tell IT?")).toBe(false);
    expect(await answeredHere("The batch sheet is missing a signature before the QA check on Monday, who countersigns it?")).toBe(false);
    expect(await answeredHere("a security incident with Copilot, who do I tell and by when?")).toBe(true);
  });

  it("declines how a body named in lower case works, when the policy knows its words but not the body", async () => {
    // Its words need not be the policy's, so long as none is a misspelling of one of theirs.
    expect((await records.ask("what's the quorum for the pension trustees meeting on tuesday?")).answer).toContain("don't say how the pension trustees works");
    const board = await records.ask("when does the incident and security committee meet, and who takes the minutes?");
    expect(board.answered).toBe(false);
    expect(board.answer).toContain("don't say how the incident and security committee works");
    expect(await answeredHere("who sits on the ai steering group?")).toBe(true);
  });

  it("declines a mishap that happened without AI, saying where it goes, and answers one with an AI tool in it", async () => {
    const letter = await records.ask("I posted a letter with a patient's results to the wrong address this morning. Who do I tell?");
    expect(letter.answered).toBe(false);
    expect(letter.answer).toContain("doesn't sound as if AI was involved");
    expect(await answeredHere("a porter slipped on the wet floor by the lifts, do I have to report it?")).toBe(false);
    const spreadsheet = await records.ask("i sent a spreadsheet of staff phone numbers to the wrong outside email address, what's the security incident process?");
    expect(spreadsheet.answer).toContain("doesn't sound as if AI was involved");
    expect(await answeredHere("I pasted a patient's letter into the wrong chatbot this morning, who do I tell?")).toBe(true);
  });

  it("declines AI for one's own money", async () => {
    expect(await answeredHere("Is it safe to let an AI tool read my bank statements and keep them for 30 days?")).toBe(false);
  });
});

describe("training the policy does not cover", () => {
  const training = assistantOnPolicy(
    "ai-training.md",
    [
      "# Westmoor AI Standard",
      "",
      "## Training",
      "",
      "Everyone completes the online AI essentials course in their first month, and a refresher every year.",
      "",
      "## Building models",
      "",
      "Training a model on customer data needs a DPIA signed off by the Data Protection Officer, and a safety review where it affects customers.",
    ].join("\n"),
  );

  it("declines training on a subject the policy never names, saying which, and answers its own course", async () => {
    const warden = await training.ask("When is my fire warden training due and who books it?");
    expect(warden.answered).toBe(false);
    expect(warden.answer).toContain("don't mention fire warden training");
    // "Safety" is a word the policy uses, but not of a course.
    const fireSafety = await training.ask("is the mandatory fire safety training online this year, and when's the deadline?");
    expect(fireSafety.answer).toContain("don't mention fire safety training");
    const essentials = await training.ask("When do I have to do the online essentials training as a new starter?");
    expect(essentials.answered).toBe(true);
    expect(essentials.citations[0]?.section).toBe("Training");
  });

  it("reads training a model as building one, typos and all", async () => {
    const dpia = await training.ask("do i need a DPIA befor training a modle on custmer data?");
    expect(dpia.answered).toBe(true);
    expect(dpia.citations[0]?.section).toBe("Building models");
  });
});

describe("a regulator the policy names in passing", () => {
  const assistant = assistantOnPolicy(
    "breaches.md",
    [
      "# Tarn Bank AI Standard",
      "",
      "## Personal data breaches",
      "",
      "If an AI tool exposes customers' personal data, the Data Protection Officer decides within 24 hours whether to report it to the ICO.",
      "",
      "## Automated decisions",
      "",
      "Customers may ask for a person to review any decision made by AI about their loan.",
    ].join("\n"),
  );

  it("declines what the regulator's own rules say, and answers what the policy says about reporting to it", async () => {
    const rules = await assistant.ask("What are the ICO's rules on using AI for automated decisions?");
    expect(rules.answered).toBe(false);
    expect(rules.answer).toContain("mention the ICO but don't set out its rules");
    const reporting = await assistant.ask("who decides whether an AI data breach is reported to the ICO?");
    expect(reporting.answered).toBe(true);
    expect(reporting.citations[0]?.section).toBe("Personal data breaches");
    expect((await assistant.ask("What does the DPO's guidance say about AI data breaches?")).answered).toBe(true);
  });
});

describe("other bodies' rules, however they are asked about", () => {
  const assistant = assistantOnPolicy(
    "standard.md",
    [
      "# Hartwell Council AI Standard",
      "",
      "## Risk assessment",
      "",
      "Every AI system gets a risk assessment before use, following ISO/IEC 42001. The union is told about any AI that monitors staff.",
      "",
      "## Data protection",
      "",
      "A DPIA is completed before any AI processes personal data; breaches are reported to the ICO within 72 hours.",
      "",
      "## Facial recognition",
      "",
      "The council does not use facial recognition.",
    ].join("\n"),
  );
  const answeredHere = async (question: string) => (await assistant.ask(question)).answered;

  it("declines a union's position asked in lower case, what a regulator would expect and a body named at the start", async () => {
    expect(await answeredHere("what is unison's position on AI being used to monitor staff")).toBe(false);
    expect(await answeredHere("Would the ICO expect a DPIA before deploying facial recognition?")).toBe(false);
    expect(await answeredHere("Bar Council guidance on barristers using ChatGPT — what does it say?")).toBe(false);
  });

  it("answers the policy's own rules on the same things", async () => {
    expect(await answeredHere("do we need a DPIA before an AI tool uses personal data?")).toBe(true);
    expect(await answeredHere("is the union told when AI monitors staff?")).toBe(true);
    expect(await answeredHere("what standard do our AI risk assessments follow?")).toBe(true);
  });
});

describe("work of one's own, family named as one's own, and other bodies' doings", () => {
  it("declines AI for a business of one's own, for one's own family and for a book of one's own", async () => {
    expect(await answered("I sell handmade soap at craft fairs as a side hustle - can Copilot write my labels?")).toBe(false);
    expect(await answered("could ChatGPT do the bookkeeping for my little dog-walking business?")).toBe(false);
    expect(await answered("can I get an AI tool to tidy up photos of my daughter for a card?")).toBe(false);
    expect(await answered("Is it fine to have AI design the cover of my self-published crime novel?")).toBe(false);
    expect(await answered("Please pretend to be my old maths teacher and explain how AI detectors work")).toBe(false);
    expect(await answered("could I use an AI image generator for the prints I sell in my market shop on weekends?")).toBe(false);
    expect(await answered("is it OK to get ChatGPT to fill in my personal tax return?")).toBe(false);
  });

  it("answers the same people and tools at work", async () => {
    expect(await answered("can I use Copilot to draft a research paper?")).toBe(true);
    expect(await answered("can I upload photos of colleagues to an AI image generator?")).toBe(true);
  });

  it("declines what another company does with AI, whether a law bans something, and whether a body has published guidance", async () => {
    expect((await assistant.ask("How does Reuters use AI to check facts before publishing?")).answer).toContain("Reuters");
    expect(await answered("Does the EU AI Act ban AI that reads employees' emotions?")).toBe(false);
    expect(await answered("Has the Press Complaints Office put out any guidance on AI-written stories?")).toBe(false);
    expect(await answered("what are zoomcast's terms of service on keeping recordings for training?")).toBe(false);
    // Even a supplier the policy names: its own rules for its own staff are not ours.
    expect(await answered("Does Microsoft have its own rules about staff using Copilot internally?")).toBe(false);
    // "Our competitor" and "their staff" are theirs, not ours.
    expect(await answered("our main competitor just put out their AI policy - do they let their staff use Copilot?")).toBe(false);
  });

  it("answers how the organisation's own board works and what it does with AI", async () => {
    expect(await answered("does the Ethics Board approve new AI tools?")).toBe(true);
    expect(await answered("how do we use Otter for interviews?")).toBe(true);
  });
});

describe("the organisation's other policies and mishaps without AI", () => {
  it("declines another policy the AI policy never names, naming it", async () => {
    const answer = await assistant.ask("who approves changes to the hybrid working policy?");
    expect(answer.answered).toBe(false);
    expect(answer.answer).toContain("hybrid working policy");
  });

  it("declines a document sent to the wrong person with other words between, and a committee named with 'and'", async () => {
    expect(await answered("I forwarded the payroll file to the wrong outside email address, is that a breach and who do I tell?")).toBe(false);
    expect(await answered("When does the Finance and Investment Board meet next, and who sits on it?")).toBe(false);
  });

  it("still answers a policy it names and the data rules for AI", async () => {
    expect(await answered("who must approve a new AI tool under the policy?")).toBe(true);
    expect(await answered("can confidential data go into an AI tool outside the approved list?")).toBe(true);
  });
});
