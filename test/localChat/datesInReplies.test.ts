// Every date a person reads in the newer registers' replies is written out in the organisation's
// locale ("15 January 2027"), never as ISO "2027-01-15": life-cycle records, datasets, objective
// measurements, the audit programme, context, customer obligations and the incident timeline, each
// tried through the local chat's HTTP API over the demo organisation.
import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

const isoDate = /\d{4}-\d{2}-\d{2}/;
const writtenDate = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;

/** Everything a person reads in a reply: texts, titles, lines, list items, summaries, timelines. */
function readable(messages: OutgoingMessage[]): string {
  const parts: string[] = [];
  for (const message of messages) {
    const record = message as Record<string, unknown>;
    for (const key of ["text", "title", "subject", "prompt", "help", "note"]) if (typeof record[key] === "string") parts.push(record[key] as string);
    if (Array.isArray(record.lines)) parts.push(...(record.lines as string[]));
    for (const list of ["items", "fields", "timeline"]) {
      if (Array.isArray(record[list])) parts.push(...(record[list] as Record<string, unknown>[]).map((entry) => Object.values(entry).filter((value) => typeof value === "string").join(" · ")));
    }
  }
  return parts.join("\n");
}

/** Written-out dates, and no ISO date anywhere in what is read. */
function expectPeoplesDates(messages: OutgoingMessage[]): string {
  const text = readable(messages);
  expect(text, text).toMatch(writtenDate);
  expect(text, text).not.toMatch(isoDate);
  return text;
}

describe("dates in the replies of the registers", () => {
  const chat = useLocalChat();

  const { say } = chat;
  const question = (messages: OutgoingMessage[]) => messages.findLast((message) => message.kind === "question") as Extract<OutgoingMessage, { kind: "question" }> | undefined;

  /** Answers a flow's questions by step id until it is saved; each reply along the way is collected. */
  async function answerAndConfirm(person: string, reply: OutgoingMessage[], answers: Record<string, string>): Promise<OutgoingMessage[]> {
    const seen = [...reply];
    for (let guard = 0; guard < 30 && question(reply); guard++) {
      const asked = question(reply)!;
      const answer = answers[asked.stepId];
      if (answer === undefined) throw new Error(`No answer for ${asked.stepId}: ${JSON.stringify(reply)}`);
      reply = await say(person, answer);
      seen.push(...reply);
    }
    expect(firstOfKind(reply, "summary"), JSON.stringify(reply)).toBeDefined();
    const done = await say(person, "confirm");
    expect(firstOfKind(done, "done"), JSON.stringify(done)).toBeDefined();
    return [...seen, ...done];
  }

  it("life-cycle records: the test result recorded, the system's records and the record's versions", async () => {
    const recorded = await answerAndConfirm("sofia", await say("sofia", "add verification AIS-0001"), {
      metric: "Recall on fraudulent claims",
      threshold: ">= 0.85",
      result: "0.93",
      summary: "Hold-out set of Q3 2026 claims",
      link: "skip",
    });
    const reference = firstOfKind(recorded, "done")!.reference;
    await say("amara", `accept ${reference}`);
    const lifecycle = expectPeoplesDates(await say("amara", "lifecycle AIS-0001"));
    expect(lifecycle).toMatch(new RegExp(`${reference} v1: Recall on fraudulent claims: 0\\.93 against ≥ 0\\.85, passed, accepted ${writtenDate.source}`));
    expect(expectPeoplesDates(await say("amara", `lifecycle ${reference}`))).toMatch(new RegExp(`Accepted by Amara Okafor on ${writtenDate.source}\\.`));
    const again = await say("lukas", `accept ${reference}`);
    expect(readable(again)).toMatch(new RegExp(`was already accepted on ${writtenDate.source}\\.`));
    expect(readable(again)).not.toMatch(isoDate);
  });

  it("datasets: the one added, the register, the entry with its history, and its review", async () => {
    const added = await answerAndConfirm("sofia", await say("sofia", "add dataset"), {
      name: "Claims photos 2026",
      systems: "AIS-0001",
      source: "Photos customers upload with a claim",
      lawfulBasis: "contract",
      provenance: "Exported weekly from ClaimsHub",
      qualityCriteria: "Every photo readable",
      qualityResults: "skip",
      preparation: "Faces and number plates blurred",
      retention: "Two years after the claim closes",
      owner: "me",
      reviewOn: "15/01/2027",
    });
    expect(firstOfKind(added, "done")!.lines).toContain("Next review: 15 January 2027.");
    const reference = firstOfKind(added, "done")!.reference;
    expect(expectPeoplesDates(await say("sofia", "datasets AIS-0001"))).toContain("review 15 January 2027");
    expect(expectPeoplesDates(await say("sofia", `dataset ${reference}`))).toContain("Next review: 15 January 2027");
    expect(expectPeoplesDates(await say("sofia", `${reference} reviewed`))).toMatch(new RegExp(`The next one is due on ${writtenDate.source}\\.`));
    expect(expectPeoplesDates(await say("sofia", `dataset ${reference}`))).toMatch(/changed next review date, last review date|changed last review date, next review date/);
  });

  it("objective measurements: the result recorded, the next one due, and the objective's results and history", async () => {
    const measured = await say("amara", "measure OBJ-0001 87%");
    const text = expectPeoplesDates(measured);
    expect(text).toMatch(new RegExp(`OBJ-0001 measured 87% on ${writtenDate.source}`));
    expect(expectPeoplesDates(await say("amara", "objective OBJ-0001"))).toMatch(new RegExp(`next result due ${writtenDate.source}`));
  });

  it("the audit programme: the audit scheduled, and the schedule", async () => {
    const scheduled = await answerAndConfirm("amara", await say("amara", "schedule audit"), {
      scheduledOn: "15/01/2027",
      scope: "Claims models: risk and impact assessment",
      criteria: "ISO/IEC 42001 clauses 6.1 and 8.2",
      systems: "skip",
      areaOwner: "skip",
      lead: "Daniel Mensah",
      secondAuditor: "skip",
      independence: "Daniel does not work on the claims models",
    });
    expect(firstOfKind(scheduled, "done")!.title).toMatch(/is scheduled for 15 January 2027: Claims models/);
    expect(readable(scheduled)).not.toMatch(isoDate);
    expect(expectPeoplesDates(await say("amara", "schedule"))).toContain("15 January 2027");
  });

  it("context and interested parties: the register after an edit", async () => {
    const edited = await answerAndConfirm("amara", await say("amara", "edit IP-0001"), { reviewOn: "15/03/2027" });
    expect(firstOfKind(edited, "done")!.lines).toContain("Next review by 15 March 2027; the change is in its history.");
    expectPeoplesDates(edited);
    expect(expectPeoplesDates(await say("amara", "context"))).toContain("review 15 March 2027");
  });

  it("customer obligations: the register and a review recorded", async () => {
    expect(expectPeoplesDates(await say("amara", "customer obligations"))).toMatch(new RegExp(`review ${writtenDate.source}`));
    expect(expectPeoplesDates(await say("kenji", "COB-0002 reviewed"))).toMatch(new RegExp(`The next one is due on ${writtenDate.source}\\.`));
  });

  it("an incident's timeline gives each moment as a date and time people read", async () => {
    const view = firstOfKind(await say("amara", "incident INC-0001"), "incident")!;
    for (const entry of view.timeline) {
      expect(entry.at).toMatch(writtenDate);
      expect(entry.at).not.toMatch(isoDate);
    }
  });
});
