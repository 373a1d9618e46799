// The scope of the AI management system (4.3) and the AI objectives (6.2), kept in chat: governance
// records and changes them, everyone reads them, each change is in the history, and they reach the
// management-review inputs and the gap report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeEntity } from "../../src/store/scopeRecords.js";
import { objectiveEntity } from "../../src/store/objectives.js";
import { createHarness, findMessage, lastQuestion, type Harness } from "../support/conversationHarness.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const texts = (reply: { messages: { kind: string }[] }) => reply.messages.map((message) => ("text" in message ? String(message.text) : "")).join("\n");

describe.each(backends)("scope and AI objectives in chat (%s database)", (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await createHarness(database);
  });
  afterAll(() => database.dispose());

  it("shows the demo organisation's scope to everyone, and lets only governance change it, as a new version with its history", async () => {
    const [amara, tom] = [harness.user("amara", "scope-amara"), harness.user("tom", "scope-tom")];
    const shown = await tom.say("scope");
    expect(texts(shown)).toContain("Scope of the AI management system, SCP-0001 version 1");
    expect(texts(shown)).toContain("Exclusions: Singapore sales office (sells only through a partner");
    expect(findMessage(shown, "record_list")!.note).toBeUndefined();
    expect(findMessage(await tom.say("edit scope"), "error")!.text).toBe("Only the governance team can change the scope of the AI management system.");

    const started = await amara.say("edit scope");
    expect(texts(started)).toContain('Here is the scope as recorded. "edit 1" to "edit 4" changes an answer');
    expect(findMessage(started, "summary")!.fields.map((field) => field.label)).toEqual(["Boundaries", "AI systems in scope", "Roles in scope", "Exclusions"]);
    await amara.say("edit 4");
    const refused = await amara.say("Singapore sales office");
    expect(findMessage(refused, "error")!.text).toMatch(/^"Singapore sales office" has no reason\. Write each exclusion as "what: why it is left out"/);
    await amara.say("Singapore sales office: uses no AI systems of its own\nPension trustees - a separate legal entity");
    const done = findMessage(await amara.say("confirm"), "done")!;
    expect(done.title).toBe("Scope SCP-0001 saved (version 2)");

    const scope = await harness.store.scope.current();
    expect(scope).toMatchObject({ version: 2, exclusions: [{ what: "Singapore sales office", reason: "uses no AI systems of its own" }, { what: "Pension trustees", reason: "a separate legal entity" }] });
    const history = await harness.store.history.of(scopeEntity, scope!.id);
    expect(history.map((entry) => [entry.action, entry.actorLabel])).toEqual([["create", "system"], ["update", "Amara Okafor"]]);
    expect(Object.keys(history[1]!.changes as object).sort()).toEqual(["exclusions", "version"]);
    const changes = findMessage(await amara.say("scope"), "record_list")!;
    expect(changes.items[0]!.text).toBe("changed exclusions by Amara Okafor via Local chat");
    expect(changes.note).toBe('Type "edit scope" to change it.');
  });

  it("lets governance add an objective, its owner record progress, and lists them with their history", async () => {
    const [amara, sofia, tom] = [harness.user("amara", "obj-amara"), harness.user("sofia", "obj-sofia"), harness.user("tom", "obj-tom")];
    expect(findMessage(await tom.say("add objective"), "error")!.text).toBe("Only the governance team can record AI objectives.");
    expect(lastQuestion(await amara.say("add objective"))).toMatchObject({ flowId: "ai_objective", stepId: "objective" });
    await amara.answerAll(["Bias tests before every model release", "100% of releases of in-house models"]);
    expect(findMessage(await amara.say("most of them"), "error")!.text).toBe('Please give a figure, e.g. "at least 90%" or "at most 5 days" (or "skip").');
    await amara.answerAll(["at least 100%", "Share of in-house model releases with a bias test result", "Releases in the inventory with a bias test result attached, from the release log", "Quarterly", "Sofia"]);
    const summary = findMessage(await amara.say("2027-09-30"), "summary");
    expect(summary?.fields.map((field) => field.label)).toEqual(["What", "Target", "Met when", "What is measured", "How measured", "How often", "Owner", "Due"]);
    expect(summary?.fields.find((field) => field.label === "Met when")!.value).toBe("at least 100%");
    const done = findMessage(await amara.say("confirm"), "done")!;
    expect(done.title).toBe(`Recorded ${done.reference}: Bias tests before every model release`);
    expect(done.reference).toBe("OBJ-0005");

    // Its owner records progress; someone else may not.
    expect(findMessage(await tom.say(`update objective ${done.reference}`), "error")!.text).toMatch(/^Only the governance team or the owner can change AI objectives/);
    const update = await sofia.say(`update objective ${done.reference}`);
    expect(texts(update)).toContain(`Updating ${done.reference}: how does it stand?`);
    expect(lastQuestion(update)).toMatchObject({ stepId: "status" });
    await sofia.say("At risk");
    await sofia.say("Two of five releases tested so far");
    expect(findMessage(await sofia.say("confirm"), "done")!.title).toBe(`${done.reference} updated: At risk`);

    const list = findMessage(await tom.say("objectives"), "record_list")!;
    expect(list.items.map((item) => item.reference)).toContain(done.reference);
    expect(list.items.find((item) => item.reference === done.reference)!.text).toBe("Bias tests before every model release · target 100% of releases of in-house models · Sofia Alvarez · due 30 September 2027 · At risk");
    const shown = await tom.say(`objective ${done.reference}`);
    expect(texts(shown)).toContain("Progress: Two of five releases tested so far");
    expect(texts(shown)).toContain("What is measured: Share of in-house model releases with a bias test result");
    expect(texts(shown)).toContain("Met when: at least 100%");
    const lists = shown.messages.filter((message) => message.kind === "record_list") as Extract<(typeof shown.messages)[number], { kind: "record_list" }>[];
    expect(lists.map((list) => list.title)).toEqual([`Results of ${done.reference}`, `History of ${done.reference}`]);
    expect(lists[0]!.note).toBe("No results recorded yet.");
    expect(lists[1]!.items.map((item) => item.text)).toEqual(["status → At risk; progress note changed by Sofia Alvarez via Local chat", "recorded by Amara Okafor via Local chat"]);
    const stored = await database.prisma.aiObjective.findUniqueOrThrow({ where: { reference: done.reference } });
    expect(stored).toMatchObject({ metric: "Share of in-house model releases with a bias test result", frequency: "quarterly", targetValue: 100, targetUnit: "%", targetAtMost: false });
    expect((await harness.store.history.of(objectiveEntity, stored.id)).length).toBe(2);
  });

  it("feeds the management-review inputs and the gap report", async () => {
    const amara = harness.user("amara", "obj-review");
    await database.prisma.scheduledReview.create({ data: { reference: "REV-0901", kind: "management_review", scheduledOn: new Date("2026-12-10"), scope: "Annual management review", status: "planned", createdVia: "cli" } });
    const inputs = texts(await amara.say("review inputs REV-0901"));
    expect(inputs).toContain("## Scope of the AI management system");
    expect(inputs).toMatch(/SCP-0001 version 2, changed 2 times in this period/);
    expect(inputs).toContain("## AI objectives");
    expect(inputs).toMatch(/5 objectives: Not started 1, On track 1, At risk 2, Achieved 1; 0 overdue/);
    expect(inputs).toContain("OBJ-0002 High-tier AI systems have a current impact assessment before approval (target 100% of high-tier systems assessed within the last 12 months; Lukas Brandt; due 28 February 2027): At risk");
    expect(inputs).not.toContain("No AI objectives are recorded");

    // A gap analysis rating 4.3 and 6.2 is shown beside what the records hold.
    await database.prisma.gapAnalysis.create({ data: { reference: "GAP-0901", createdVia: "cli", findings: { create: [{ clauseId: "4.3", status: "in_place" }, { clauseId: "6.2", status: "partial", note: "targets not yet measured" }] } } });
    expect(texts(await amara.say("gap report"))).toContain("The records show: 4.3: scope SCP-0001 version 2 recorded; 6.2: 5 AI objectives recorded, 1 achieved.");
    // … and asked beside the question itself when governance runs the analysis.
    const lukas = harness.user("lukas", "gap-run");
    await lukas.say("gap analysis fresh");
    for (const answer of ["in place", "in place"]) await lukas.say(answer);
    expect(lastQuestion(await lukas.say("in place"))!.prompt).toBe("4.4 Establishing and maintaining the AIMS: is this in place?");
    expect(lastQuestion(await lukas.say("back"))!.prompt).toBe("4.3 Defining the boundaries of the AIMS: is this in place? (The records show: scope SCP-0001 version 2 recorded.)");
    await lukas.say("cancel");
    await database.prisma.aiObjective.deleteMany({});
    expect(texts(await amara.say("gap report"))).toContain('6.2: no AI objectives recorded ("add objective").');
  });
});
