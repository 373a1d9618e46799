import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowIds } from "../../src/conversations/intents.js";
import { aiSystemEntity } from "../../src/store/aiSystems.js";
import { createHarness, findMessage, lastQuestion, type Harness } from "../support/conversationHarness.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

/** A complete registration of a high-risk, fully automated HR system, answered as people type. */
const hrScreenerAnswers = [
  "Interview Slot Ranker",
  "Ranks applicants for interview slots",
  "Recruiters use the ranking to invite candidates; not for final hiring decisions",
  "3", // embedded in purchased software, by number
  "HireFast Inc",
  "Talent Acquisition",
  "me",
  "personal, special-category data",
  "third parties and the public",
  "fully automated",
  "employment",
  "in production",
  "yes",
];

describe.each(backends)("registering an AI system (%s database)", (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await createHarness(database);
  });
  afterAll(() => database.dispose());

  it("walks every question, shows a review, and saves AIS-000N with its tier, reasons and review date", async () => {
    const owner = harness.user("sofia");
    const first = await owner.say("I'd like to register a new AI system");
    expect(lastQuestion(first)).toMatchObject({ stepId: "name", progress: { step: 1, of: 13 }, canGoBack: false });

    const review = await owner.answerAll(hrScreenerAnswers);
    const summary = findMessage(review, "summary")!;
    expect(summary.fields.map((field) => [field.label, field.value])).toEqual(
      expect.arrayContaining([
        ["Kind", "AI embedded in purchased software"],
        ["Vendor", "HireFast Inc"],
        ["Owner", owner.speaker.displayName],
        ["Data processed", "Personal data, Special-category data"],
        ["Who it affects", "Third parties, The public"],
        ["Regulated domain", "Employment and HR"],
        ["In AIMS scope", "Yes"],
      ]),
    );

    const done = findMessage(await owner.command("confirm"), "done")!;
    expect(done.reference).toMatch(/^AIS-\d{4}$/);
    expect(done.lines.join("\n")).toMatch(/Risk tier: High/);
    expect(done.lines.join("\n")).toMatch(/fully automated decisions affecting people in a regulated domain \(employment and HR\)/);

    const saved = (await harness.store.aiSystems.byReference(done.reference))!;
    expect(saved).toMatchObject({
      name: "Interview Slot Ranker",
      kind: "embedded_in_purchased_software",
      vendor: "HireFast Inc",
      ownerId: owner.speaker.personId,
      dataCategories: ["personal", "special_category"],
      autonomyLevel: "fully_automated",
      regulatedDomain: "employment_hr",
      lifecycleStage: "in_production",
      riskTier: "high",
      status: "pending_review",
      createdVia: "local_chat",
    });
    expect(saved.nextReviewDate?.toISOString().slice(0, 10)).toBe("2027-02-27"); // high tier: 3 months
    const [entry] = await harness.store.history.of(aiSystemEntity, saved.id);
    expect(entry).toMatchObject({ action: "create", actorId: owner.speaker.personId, channel: "local_chat" });
    const notices = await database.prisma.notification.findMany({ where: { recordRef: done.reference } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ audience: "role:governance", kind: "system_registered" });
  });

  it("asks for the vendor only for AI that is not built in-house, and drops it when the kind changes", async () => {
    const owner = harness.user("kenji");
    await owner.start(flowIds.registerSystem);
    let reply = await owner.answerAll(["Demand Forecaster", "Forecasts call volumes", "Planners use it to staff the contact centre", "in-house model"]);
    expect(lastQuestion(reply)?.stepId).toBe("businessUnit");

    await owner.say("back");
    reply = await owner.say("third-party");
    expect(lastQuestion(reply)?.stepId).toBe("vendor");
    reply = await owner.answerAll(["ForecastCo", "skip", "me", "public data only", "none", "advises", "none", "proposed", "yes"]);
    expect(findMessage(reply, "summary")!.fields.map((field) => field.label)).toContain("Vendor");

    reply = await owner.command("edit", "kind");
    expect(lastQuestion(reply)).toMatchObject({ stepId: "kind", currentAnswer: "Third-party AI service" });
    reply = await owner.pick("kind", "internal_model");
    const fields = findMessage(reply, "summary")!.fields;
    expect(fields.map((field) => field.label)).not.toContain("Vendor");
    expect(fields.find((field) => field.label === "Owner")?.value).toBe(owner.speaker.displayName);

    const done = findMessage(await owner.say("save"), "done")!;
    expect(await harness.store.aiSystems.byReference(done.reference)).toMatchObject({ kind: "internal_model", vendor: null, riskTier: "low", businessUnit: null });
    expect(done.lines.join("\n")).toMatch(/No personal data, no regulated domain/);
  });

  it.each([
    ["name", [], "x", /at least a couple of characters/],
    ["kind", ["Tool A", "Does things", "People use it"], "a toaster", /"a toaster" is not one of the options/],
    ["dataCategories", ["Tool B", "Does things", "People use it", "in-house", "skip", "me"], "personal, gossip", /didn't recognise "gossip"/],
    ["dataCategories", ["Tool C", "Does things", "People use it", "in-house", "skip", "me"], "public data only, personal data", /can't be combined/],
    ["owner", ["Tool D", "Does things", "People use it", "in-house", "skip"], "Nobody McNoname", /couldn't find "Nobody McNoname" in the directory/],
  ])("refuses a bad %s answer with a specific message, asks again, and keeps earlier answers", async (stepId, before, bad, message) => {
    const owner = harness.user("hannah", `validation-${stepId}-${bad}`);
    await owner.start(flowIds.registerSystem);
    await owner.answerAll(before);
    const reply = await owner.say(bad);
    expect(findMessage(reply, "error")?.text).toMatch(message);
    expect(lastQuestion(reply)?.stepId).toBe(stepId);
    const state = await database.prisma.conversationState.findFirstOrThrow({ where: { conversationId: `validation-${stepId}-${bad}` } });
    expect(Object.keys(state.answers as object)).toHaveLength(before.length);
  });

  it("understands help, skip, back, start over and cancel at any step", async () => {
    const owner = harness.user("marcus", "commands");
    await owner.start(flowIds.registerSystem);
    expect((await owner.say("help")).messages[0]).toMatchObject({ kind: "text", text: expect.stringContaining("The name people know it by") });
    expect(findMessage(await owner.say("skip"), "error")?.text).toMatch(/can't be skipped/);
    await owner.answerAll(["Route Optimiser", "Plans routes"]);
    expect(lastQuestion(await owner.say("back"))).toMatchObject({ stepId: "purpose", currentAnswer: "Plans routes" });
    const restarted = await owner.say("start over");
    expect(lastQuestion(restarted)?.stepId).toBe("name");
    expect(lastQuestion(restarted)?.currentAnswer).toBeUndefined();
    expect((await owner.say("cancel")).messages[0]).toMatchObject({ text: expect.stringMatching(/Cancelled: nothing was saved/) });
    const after = await owner.say("Route Optimiser");
    expect(findMessage(after, "menu")).toBeDefined(); // no conversation any more: the menu, not an answer
  });

  it("resumes in a new engine (as after a restart) at the same step with every answer", async () => {
    const owner = harness.user("grace", "restart");
    await owner.start(flowIds.registerSystem);
    await owner.answerAll(["Doc Sorter", "Sorts documents", "Mailroom staff", "1"]);
    harness.engine = harness.newEngine();
    const reply = await owner.say("Mailroom");
    expect(lastQuestion(reply)?.stepId).toBe("owner");
    const state = await database.prisma.conversationState.findFirstOrThrow({ where: { conversationId: "restart" } });
    expect(state.answers).toMatchObject({ name: "Doc Sorter", kind: "internal_model", businessUnit: "Mailroom" });
  });

  it("applies two concurrent deliveries of the same answer once", async () => {
    const owner = harness.user("priya", "duplicates");
    await owner.start(flowIds.registerSystem);
    await owner.answerAll(["Budget Bot", "Drafts budgets", "Finance team"]);
    const before = await database.prisma.conversationState.findFirstOrThrow({ where: { conversationId: "duplicates" } });
    const replies = await Promise.all([owner.pick("kind", "internal_model"), owner.pick("kind", "internal_model")]);
    expect(replies.filter((reply) => reply.handled)).toHaveLength(1);
    const after = await database.prisma.conversationState.findFirstOrThrow({ where: { conversationId: "duplicates" } });
    expect(after.version).toBe(before.version + 1);
    expect(after.stepId).toBe("businessUnit");
    const late = await owner.pick("kind", "third_party_service"); // a late click on the old question
    expect(late.messages[0]).toMatchObject({ text: expect.stringMatching(/already been answered/) });
    expect(lastQuestion(late)?.stepId).toBe("businessUnit");
  });

  it("creates exactly one record when confirm arrives twice at once, and says so on a third", async () => {
    const owner = harness.user("kenji", "double-confirm");
    await owner.start(flowIds.registerSystem);
    await owner.answerAll(["Fleet Vision", "Spots vehicle damage", "Assessors", "in-house", "skip", "me", "public", "none", "advises", "none", "proposed", "yes"]);
    const count = await database.prisma.aiSystem.count({ where: { name: "Fleet Vision" } });
    const replies = await Promise.all([owner.command("confirm"), owner.command("confirm")]);
    expect(replies.filter((reply) => findMessage(reply, "done"))).toHaveLength(1);
    expect(await database.prisma.aiSystem.count({ where: { name: "Fleet Vision" } })).toBe(count + 1);
    const again = await owner.command("confirm");
    expect(again.messages[0]).toMatchObject({ text: expect.stringMatching(/^Already saved as AIS-\d{4}/) });
    expect(await database.prisma.aiSystem.count({ where: { name: "Fleet Vision" } })).toBe(count + 1);
  });

  it("expires an abandoned draft and tells the user when they come back", async () => {
    const owner = harness.user("sofia", "expiry");
    await owner.start(flowIds.registerSystem);
    await owner.answerAll(["Old Draft"]);
    harness.clock.advance(2 * 60 * 60 * 1000);
    const back = await owner.say("Summarises things");
    expect(back.messages[0]).toMatchObject({ text: expect.stringMatching(/Welcome back! You have an unfinished AI system registration/) });
    expect(lastQuestion(back)?.stepId).toBe("intendedUse");
    harness.clock.advance(8 * 24 * 60 * 60 * 1000);
    const expired = await owner.say("Used by analysts");
    expect(expired.messages[0]).toMatchObject({ text: expect.stringMatching(/expired .* discarded it/) });
    expect(findMessage(expired, "menu")).toBeDefined();
  });

  it("records a shadow-AI report as a draft with its reporter and no owner", async () => {
    const member = harness.user("tom", "shadow");
    const first = await member.say("I've seen an AI tool in use in the claims team");
    expect(lastQuestion(first)?.flowId).toBe(flowIds.reportShadowAi);
    await member.answerAll(["Unapproved Summariser", "Summarising claim files", "Claims", "skip", "personal data"]);
    const done = findMessage(await member.say("confirm"), "done")!;
    expect(await harness.store.aiSystems.byReference(done.reference)).toMatchObject({
      status: "draft",
      ownerId: null,
      reportedById: member.speaker.personId,
      dataCategories: ["personal"],
    });
    const [notice] = await database.prisma.notification.findMany({ where: { recordRef: done.reference } });
    expect(notice?.kind).toBe("shadow_ai_reported");
  });
});
