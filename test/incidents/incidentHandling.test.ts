import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowIds } from "../../src/conversations/intents.js";
import type { Reply } from "../../src/conversations/messages.js";
import { buildTable, renderTable } from "../../src/export/recordExport.js";
import { renderPlainText } from "../../src/channels/terminal/plainText.js";
import { incidentEntity } from "../../src/store/incidents.js";
import { personAudience } from "../../src/store/notifications.js";
import { createHarness, findMessage, lastQuestion, type ChatUser, type Harness } from "../support/conversationHarness.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const day = 24 * 60 * 60 * 1000;

async function report(reporter: ChatUser, answers: string[]): Promise<string> {
  await reporter.start(flowIds.reportIncident);
  await reporter.answerAll(answers);
  return findMessage(await reporter.say("confirm"), "done")!.reference;
}

const incidentOf = (reply: Reply) => findMessage(reply, "incident");
const errorText = (reply: Reply) => findMessage(reply, "error")?.text;

describe.each(backends)("handling an incident after the report (%s database)", (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await createHarness(database);
  });
  afterAll(() => database.dispose());

  it("takes an incident from report to closed, with corrective action and lessons learned, one history entry per step", async () => {
    const [tom, amara, sofia] = [harness.user("tom"), harness.user("amara"), harness.user("sofia")];
    const reference = await report(tom, ["skip", "The CV screener rejected every applicant over 50 this week", "bias", "yesterday", "job applicants over 50", "yes", "2", "skip", "no", "no"]);

    const list = findMessage(await amara.say("incidents sev2"), "record_list")!;
    expect(list.items.map((item) => item.reference)).toContain(reference);

    // Someone without the role is refused, with the reason; nothing changes.
    expect(errorText(await tom.say(`incident ${reference} acknowledge`))).toBe(`Only the governance team can acknowledge ${reference}.`);

    const acknowledged = incidentOf(await amara.turn({ kind: "incident_action", reference, action: "acknowledge" }))!;
    expect(acknowledged.title).toMatch(/triaged/);
    expect(acknowledged.lines).toContain("Handled by: Amara Okafor.");
    const toTom = await harness.store.notifications.forAudiences([personAudience(tom.speaker.personId)]);
    expect(toTom.map((notice) => notice.text)).toContain(`The governance team has acknowledged ${reference}. Amara Okafor handles it.`);

    const assign = await amara.turn({ kind: "incident_action", reference, action: "assign" });
    expect(lastQuestion(assign)).toMatchObject({ flowId: "incident_assign", stepId: "assignee" });
    await amara.say("Sofia");
    expect(findMessage(await amara.say("confirm"), "done")!.lines).toContain("Status: Triaged.");

    // The assignee works the incident; a closed action stays out of reach of the handler.
    expect(incidentOf(await sofia.turn({ kind: "incident_action", reference, action: "start_investigation" }))!.title).toMatch(/investigating/);
    const noted = incidentOf(await sofia.say(`note ${reference} Compared rejection rates by age band: https://tickets.example/AI-42`))!;
    expect(noted.timeline.at(-1)).toEqual({ at: expect.any(String), who: "Sofia Alvarez", text: "Compared rejection rates by age band:", link: "https://tickets.example/AI-42" });
    await sofia.turn({ kind: "incident_action", reference, action: "contain" });
    await sofia.say("Switched the screener to advisory mode; a recruiter reviews every rejection");
    await sofia.say("confirm");
    await sofia.turn({ kind: "incident_action", reference, action: "resolve" });
    await sofia.answerAll(["Training data under-represented applicants over 50", "Rejected applications re-reviewed by recruiters"]);
    await sofia.say("skip"); // no corrective action yet, so resolving must be refused at the summary
    const refused = await sofia.say("confirm");
    expect(errorText(refused)).toBe(`${reference} needs at least one corrective action (what stops it happening again) before it can be resolved.`);
    expect(findMessage(refused, "summary")).toBeDefined(); // the answers are kept for editing
    await sofia.say("edit 4");
    await sofia.answerAll(["Retrain with a balanced data set and add an age-parity test to the release checklist", "me", "2026-12-18"]);
    expect(findMessage(await sofia.say("confirm"), "done")!.lines).toContain("Status: Resolved.");
    expect(errorText(await sofia.turn({ kind: "incident_action", reference, action: "close" }))).toBe(`Only the governance team can close ${reference}.`);
    // Its corrective action done first, so closing does not ask why it is carried over.
    const raised = await database.prisma.correctiveAction.findFirstOrThrow({ where: { incident: { reference } } });
    await sofia.say(`${raised.reference} done`);

    const close = await amara.turn({ kind: "incident_action", reference, action: "close" });
    expect(lastQuestion(close)).toMatchObject({ stepId: "effectivenessCheck" });
    // SEV2: the lessons-learned review is not optional, so it is not offered as a choice.
    const afterCheck = await amara.say("Re-ran the parity test on 2,000 applications: no gap above 2 %");
    expect(lastQuestion(afterCheck)).toMatchObject({ stepId: "lessonsWhatHappened" });
    await amara.answerAll(["The screener rejected older applicants", "Unbalanced training data and no parity test", "Parity test is now a release gate"]);
    expect(findMessage(await amara.say("confirm"), "done")!.lines).toContain("Status: Closed.");

    const incident = (await harness.store.incidents.byReference(reference))!;
    expect(incident).toMatchObject({ status: "closed", rootCause: "Training data under-represented applicants over 50", lessonsChanges: "Parity test is now a release gate" });
    const history = await harness.store.history.of(incidentEntity, incident.id);
    expect(history.map((entry) => [entry.actorLabel, (entry.changes as Record<string, { to: unknown }>).status?.to ?? "(no status change)"])).toEqual([
      ["Tom Gallagher", "reported"],
      ["Amara Okafor", "triaged"],
      ["Amara Okafor", "(no status change)"], // assigned to Sofia
      ["Sofia Alvarez", "investigating"],
      ["Sofia Alvarez", "contained"],
      ["Sofia Alvarez", "resolved"],
      ["Amara Okafor", "closed"],
    ]);
    const action = await database.prisma.correctiveAction.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect(action).toMatchObject({ status: "done", ownerId: sofia.speaker.personId });
    expect((await harness.store.notifications.forAudiences([personAudience(tom.speaker.personId)])).map((notice) => notice.subject)).toEqual(
      expect.arrayContaining([`Your report ${reference} was acknowledged`, `Your report ${reference} is resolved`, `Your report ${reference} is closed`]),
    );
    const view = incidentOf(await tom.say(reference))!;
    expect(view.timeline.map((entry) => entry.who)).toEqual(["Tom Gallagher", "Amara Okafor", "Amara Okafor", "Sofia Alvarez", "Sofia Alvarez", "Sofia Alvarez", "Sofia Alvarez", "Sofia Alvarez", "Amara Okafor"]);
    expect(view.actions).toEqual([]); // the reporter may read, not act
  });

  it("refuses illegal transitions with what is possible instead, and lets a low-severity incident close without the review", async () => {
    const [leila, lukas] = [harness.user("leila"), harness.user("lukas")];
    const reference = await report(leila, ["skip", "The meeting summariser invented an action item nobody agreed", "inaccurate_output", "today", "the project team", "no", "4", "skip", "no", "no"]);
    expect(errorText(await lukas.say(`incident ${reference} close`))).toMatch(new RegExp(`^${reference} is reported, so "Close" is not possible now. From here you can: Acknowledge, Assign to`));
    await lukas.turn({ kind: "incident_action", reference, action: "acknowledge" });
    await lukas.turn({ kind: "incident_action", reference, action: "start_investigation" });
    await lukas.turn({ kind: "incident_action", reference, action: "raise_action" });
    await lukas.answerAll(["Add a reminder to check summaries before sending", "me", "in 2 weeks"]);
    await lukas.say("confirm");
    await lukas.turn({ kind: "incident_action", reference, action: "resolve" });
    await lukas.answerAll(["Summariser hallucinates when the transcript is short", "Action item removed from the minutes", "skip"]);
    await lukas.say("confirm");
    await lukas.turn({ kind: "incident_action", reference, action: "close" });
    await lukas.say("The reminder goes into the next release of the meeting template; the minutes are already corrected");
    const offered = await lukas.say("Checked the next ten summaries: no invented items");
    expect(lastQuestion(offered)).toMatchObject({ stepId: "recordLessons" });
    await lukas.say("no");
    expect(findMessage(await lukas.say("confirm"), "done")!.lines).toContain("Status: Closed.");
    // Closed is final for everyone but a governance reopen.
    expect(errorText(await lukas.say(`incident ${reference} contain`))).toMatch(/is closed, so "Contained" is not possible now. From here you can: Reopen\.$/);
  });

  it("marks duplicates and declines with a reason the reporter is told, and checks the original exists", async () => {
    const [tom, amara] = [harness.user("tom"), harness.user("amara")];
    const first = await report(tom, ["skip", "The chatbot quoted a refund policy that does not exist", "inaccurate_output", "today", "one customer", "no", "3", "skip", "no", "no"]);
    const second = await report(tom, ["skip", "Chatbot made up a refund rule again for a customer", "inaccurate_output", "today", "one customer", "no", "3", "skip", "no", "no"]);
    const third = await report(tom, ["skip", "The printer in room 4 jams whenever it prints PDFs", "other", "today", "our team", "no", "4", "skip", "no", "no"]);
    await amara.turn({ kind: "incident_action", reference: second, action: "mark_duplicate" });
    await amara.say("INC-9999");
    expect(errorText(await amara.say("confirm"))).toBe("INC-9999 is not another incident; which incident does " + second + " repeat?");
    await amara.say("edit 2");
    await amara.say(first);
    expect(findMessage(await amara.say("confirm"), "done")!.lines).toContain("Status: Duplicate.");
    await amara.turn({ kind: "incident_action", reference: third, action: "decline" });
    await amara.say("A printer fault, not an AI system");
    await amara.say("confirm");
    const told = await harness.store.notifications.forAudiences([personAudience(tom.speaker.personId)]);
    expect(told.map((notice) => notice.text)).toEqual(
      expect.arrayContaining([
        `${second} describes the same incident as ${first}, which the governance team is handling. Thank you for reporting it.`,
        `The governance team reviewed ${third} and does not treat it as an AI incident: A printer fault, not an AI system`,
      ]),
    );
    const open = findMessage(await amara.say("incidents"), "record_list")!;
    expect(open.items.map((item) => item.reference)).toContain(first);
    expect(open.items.map((item) => item.reference)).not.toEqual(expect.arrayContaining([second]));
    expect(findMessage(await amara.say("incidents declined"), "record_list")!.items.map((item) => item.reference)).toContain(third);
  });

  it("shows confidential incidents only to governance, the reporter and the assignee", async () => {
    const [hannah, kenji, amara] = [harness.user("hannah"), harness.user("kenji"), harness.user("amara")];
    const reference = await report(hannah, ["skip", "The HR assistant showed one employee another employee's salary", "privacy", "today", "two employees", "yes", "2", "skip", "yes", "no"]);
    expect(errorText(await kenji.say(`incident ${reference}`))).toBe(`${reference} is confidential: only the governance team, its reporter and its assignee can see it.`);
    const kenjiList = findMessage(await kenji.say("incidents"), "record_list")!;
    expect(kenjiList.items.map((item) => item.reference)).not.toContain(reference);
    expect(kenjiList.note).toMatch(/confidential incidents? not shown/);
    expect(incidentOf(await hannah.say(`incident ${reference}`))!.lines.join("\n")).toContain("another employee's salary");
    await amara.turn({ kind: "incident_action", reference, action: "assign" });
    await amara.say("kenji");
    await amara.say("confirm");
    expect(incidentOf(await kenji.say(`incident ${reference}`))!.actions.map((action) => action.action)).toContain("start_investigation");
    const notices = await database.prisma.notification.findMany({ where: { recordRef: reference } });
    expect(notices.every((notice) => notice.privateOnly)).toBe(true);
  });

  it("lets a corrective action's owner mark it done, and no one else but governance", async () => {
    const [marcus, lukas, leila] = [harness.user("marcus"), harness.user("lukas"), harness.user("leila")];
    const reference = await report(leila, ["skip", "The pricing model drifted and quotes doubled overnight", "drift", "today", "new customers", "yes", "2", "skip", "no", "no"]);
    await lukas.turn({ kind: "incident_action", reference, action: "acknowledge" });
    await lukas.turn({ kind: "incident_action", reference, action: "raise_action" });
    await lukas.answerAll(["Add drift monitoring with an alert", "Marcus"]);
    expect(errorText(await lukas.say("2020-01-01"))).toBe("A due date can't be in the past; when should it be done?");
    await lukas.say(new Date(harness.clock.now.getTime() + 14 * day).toISOString().slice(0, 10));
    const done = findMessage(await lukas.say("confirm"), "done")!;
    expect(done.title).toBe(`${reference}: Corrective action raised`);
    const mine = findMessage(await marcus.say("actions"), "record_list")!;
    expect(mine.items).toHaveLength(1);
    const actionRef = mine.items[0]!.reference;
    expect(errorText(await leila.say(`${actionRef} done`))).toBe(`Only the owner of ${actionRef} or the governance team can mark it done.`);
    expect(findMessage(await marcus.say(`${actionRef} done`), "text")!.text).toBe(`${actionRef} is done. Thank you!`);
    expect(findMessage(await marcus.say("actions"), "record_list")!.items).toHaveLength(0);
  });

  it("keeps an anonymous reporter's identity out of every stored field, message and export through the whole lifecycle", async () => {
    const [tom, lukas] = [harness.user("tom", "anonymous-lifecycle"), harness.user("lukas")];
    const reference = await report(tom, ["skip", "The expense assistant approved a claim with a forged receipt", "misuse", "today", "finance team", "no", "3", "skip", "no", "yes"]);
    const shown: string[] = [];
    const act = async (action: string, answers: string[] = []) => {
      const first = await lukas.turn({ kind: "incident_action", reference, action });
      shown.push(...first.messages.map(renderPlainText));
      for (const answer of [...answers, ...(answers.length ? ["confirm"] : [])]) shown.push(...(await lukas.say(answer)).messages.map(renderPlainText));
    };
    await act("acknowledge");
    await act("start_investigation");
    await act("resolve", ["No duplicate-receipt check", "Claim reversed", "Add a duplicate-receipt check", "me", "in 3 weeks"]);
    await act("close", ["The check ships with the next release; claims are reviewed by hand until then", "Tested with five forged receipts: all rejected", "yes", "A forged receipt was approved", "No receipt check", "Receipt check added"]);
    shown.push(renderPlainText(incidentOf(await lukas.say(reference))!));
    expect(shown.join("\n")).toMatch(/Reported by: anonymous/);

    const incident = (await harness.store.incidents.byReference(reference))!;
    expect(incident.status).toBe("closed");
    const rows = await database.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "Incident" t UNION ALL SELECT row_to_json(t)::text FROM "IncidentEvent" t
       UNION ALL SELECT row_to_json(t)::text FROM "ChangeLog" t UNION ALL SELECT row_to_json(t)::text FROM "Notification" t
       UNION ALL SELECT row_to_json(t)::text FROM "CorrectiveAction" t UNION ALL SELECT row_to_json(t)::text FROM "ConversationState" t`,
    );
    const aboutIt = rows.map(({ row }) => row).filter((row) => row.includes(reference) || row.includes(incident.id));
    const exported = ["csv", "json", "md"].map(async (format) => renderTable(await buildTable(database.prisma, "incidents"), format as never));
    const exportedRows = (await Promise.all(exported)).flatMap((text) => text.split("\n").filter((line) => line.includes(reference)));
    const person = (await harness.store.people.byId(tom.speaker.personId))!;
    const identity = [person.id, person.displayName, person.email!, "Tom"];
    for (const text of [...aboutIt, ...exportedRows, ...shown]) {
      for (const identifying of identity) expect(text).not.toContain(identifying);
    }
    expect(aboutIt.length).toBeGreaterThan(8); // the search above really looked at the incident's records
    expect(exportedRows).toHaveLength(3);
  });

  it("registers an incident's unlisted AI system from the incident, and the incident links back to it", async () => {
    const [grace, amara] = [harness.user("grace"), harness.user("amara")];
    await grace.start(flowIds.reportIncident);
    const notFound = await grace.say("Quote Wizard");
    expect(lastQuestion(notFound)?.choices?.at(-1)).toMatchObject({ value: "unlisted:Quote Wizard" });
    await grace.pick("system", "unlisted:Quote Wizard");
    await grace.answerAll(["The quote wizard priced a policy at zero", "inaccurate_output", "today", "one customer", "no", "3", "skip", "no", "no"]);
    const reference = findMessage(await grace.say("confirm"), "done")!.reference;

    const view = incidentOf(await amara.say(`incident ${reference}`))!;
    expect(view.actions).toContainEqual({ action: "register_system", label: "Register its AI system" });
    const registration = await amara.turn({ kind: "incident_action", reference, action: "register_system" });
    expect(lastQuestion(registration)).toMatchObject({ flowId: flowIds.registerSystem, stepId: "purpose" }); // the name came from the report
    await amara.answerAll(["Prices home insurance quotes", "Brokers use its price as a starting point", "third_party_service", "QuoteSoft", "skip", "Grace", "personal", "customers", "human can override", "credit_insurance", "in production", "yes"]);
    const done = findMessage(await amara.say("confirm"), "done")!;
    expect(done.lines.at(-1)).toBe(`${reference} now names ${done.reference} as its AI system.`);
    const incident = await database.prisma.incident.findUniqueOrThrow({ where: { reference }, include: { system: true } });
    expect(incident).toMatchObject({ possiblyUnregistered: false, systemNameFreeText: null, system: { reference: done.reference, name: "Quote Wizard", vendor: "QuoteSoft" } });
    expect(incidentOf(await amara.say(`incident ${reference}`))!.actions.map((action) => action.action)).not.toContain("register_system");
  });
});
