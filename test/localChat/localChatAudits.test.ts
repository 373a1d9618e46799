// Internal audits, nonconformities and management reviews through the local chat's HTTP API, as the
// browser page drives them: from scheduling an audit to a closed nonconformity, and the inputs a
// management review is given, counted from seeded records.
import { describe, expect, it } from "vitest";
import { demoSystems } from "../../src/demo/demoOrganisation.js";
import { buildTable } from "../../src/export/recordExport.js";
import { managementReviewInputs } from "../../src/reviews/managementReviewInputs.js";
import { aiSystemEntity } from "../../src/store/aiSystems.js";
import { updateRecord } from "../../src/store/recordWriter.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

describe("audits, nonconformities and management reviews in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  const today = new Date().toISOString().slice(0, 10);

  const { turn, say, click } = chat;
  const find = firstOfKind;
  const subjects = async (person: string) =>
    ((await (await fetch(`${chat.service.url}/chat/api/notifications?personId=${people.get(person)}`)).json()) as { subject: string }[]).map((notice) => notice.subject);
  const historyOf = async (entityType: string, reference: string) =>
    (await chat.database.prisma.changeLog.findMany({ where: { entityType, entityRef: reference }, orderBy: { id: "asc" } })).map(
      (entry) => `${entry.actorLabel}/${entry.action}/${(entry.changes as Record<string, { to: unknown }>).status?.to ?? "-"}`,
    );

  it("takes an audit finding from the audit's results to a closed nonconformity, with its corrective action and the history of each step", async () => {
    // The demo organisation's audit programme holds REV-0001; this audit is asked for its criteria and auditors.
    expect(find(await say("amara", `schedule audit ${today} Claims and pricing models`), "question")!.stepId).toBe("criteria");
    const scheduled = await say("amara", "ISO/IEC 42001 clauses 6.1 and 8.2-8.4; the AI policy", "skip", "skip", "me", "skip", "skip", "confirm");
    expect(find(scheduled, "done")!.title).toMatch(/^Internal audit REV-0002 is scheduled/);

    // Results: held on a past date, who took part, the conclusion, whether there were findings.
    expect(find(await say("amara", "audit REV-0002 results"), "question")!.stepId).toBe("heldOn");
    expect(find(await say("amara", "in 3 days"), "error")!.text).toMatch(/future/);
    const results = await say("amara", "yesterday", "Daniel Mensah (lead auditor), Sofia Alvarez and Kenji Tan", "Conforms, except that bias test evidence is missing for one release", "yes", "confirm");
    expect(find(results, "done")).toMatchObject({ title: "Internal audit REV-0002 is recorded as held", lines: [expect.stringContaining('"nonconformity REV-0002"')] });
    const audit = await chat.database.prisma.scheduledReview.findUniqueOrThrow({ where: { reference: "REV-0002" } });
    expect(audit).toMatchObject({ status: "held", attendees: ["Daniel Mensah (lead auditor)", "Sofia Alvarez", "Kenji Tan"], conclusion: "Conforms, except that bias test evidence is missing for one release" });

    // The auditor raises the finding against an Annex A control; an unknown identifier is explained.
    expect(find(await say("daniel", "finding REV-0002"), "question")!.stepId).toBe("requirement");
    expect(find(await say("daniel", "A.99.1"), "error")!.text).toBe('"A.99.1" is not a clause or an Annex A control of ISO/IEC 42001. Give a clause such as 9.2.2 or 8.4, or a control such as A.6.2.4.');
    const summary = find(await say("daniel", "a.6.2.4", "No bias test results were kept for the pricing model's October release"), "summary")!;
    expect(summary.fields.map((field) => `${field.label}: ${field.value}`).slice(0, 2)).toEqual(["Found in: REV-0002", expect.stringMatching(/^Requirement: A\.6\.2\.4 /)]);
    expect(find(await say("daniel", "confirm"), "done")!.reference).toBe("NC-0001");
    expect(await subjects("lukas")).toContain("Nonconformity NC-0001 raised against A.6.2.4");
    expect(await chat.database.prisma.nonconformity.findUniqueOrThrow({ where: { reference: "NC-0001" } })).toMatchObject({ source: "internal_audit", reviewId: audit.id, requirement: "A.6.2.4", status: "open" });

    // Governance plans it: root cause, correction, a corrective action whose owner is told.
    const shown = find(await say("amara", "NC-0001"), "notice")!;
    expect(shown.subject).toBe("NC-0001: nonconformity (open)");
    expect(shown.actions.map((button) => button.label)).toEqual(["Plan corrective action"]);
    expect(find(await click("amara", "NC-0001", "plan"), "question")!.stepId).toBe("rootCause");
    const planned = await say("amara", "The release checklist did not ask for bias test evidence", "Bias test re-run on the October release and filed", "Add bias test evidence to the release checklist", "Sofia", "in 3 weeks", "confirm");
    expect(find(planned, "done")).toMatchObject({ reference: "CA-0001", lines: ["Status: Action planned.", "Sofia Alvarez owns the action and has been told.", expect.any(String)] });
    expect(await subjects("sofia")).toContain("Corrective action CA-0001 is yours");
    const action = await chat.database.prisma.correctiveAction.findUniqueOrThrow({ where: { reference: "CA-0001" }, include: { nonconformity: true } });
    expect(action).toMatchObject({ incidentId: null, status: "open", nonconformity: { reference: "NC-0001", status: "action_planned" } });

    // Closing waits for the action; the answers stay at the summary until it is done.
    await say("amara", "NC-0001 close", "The November release had its bias test evidence filed before sign-off");
    const refused = await say("amara", "confirm");
    expect(find(refused, "error")!.text).toBe('NC-0001 can\'t close while CA-0001 is still open. Close it once the corrective actions are done (e.g. "CA-0001 done").');
    expect(find(refused, "summary")!.fields.find((field) => field.stepId === "effectivenessCheck")!.value).toMatch(/^The November release/);
    expect(find(await say("sofia", "actions"), "record_list")!.items).toEqual([{ reference: "CA-0001", text: expect.stringMatching(/^Add bias test evidence to the release checklist · due \d{1,2} [A-Z][a-z]+ \d{4} · for NC-0001$/) }]);
    expect(find(await say("sofia", "CA-0001 done"), "text")!.text).toBe("CA-0001 is done. Thank you!");
    expect(find(await say("amara", "confirm"), "done")).toMatchObject({ title: "NC-0001 is closed", lines: ["Status: Closed."] });

    const closed = find(await say("daniel", "NC-0001"), "notice")!;
    expect(closed.text).toMatch(/Root cause: The release checklist[\s\S]*Corrective action CA-0001 \(done\)[\s\S]*Effectiveness check: The November release/);
    expect(closed.actions).toEqual([]);
    expect(find(await say("amara", "REV-0002"), "text")!.text).toMatch(/held \d{1,2} [A-Z][a-z]+ \d{4}; led by Amara Okafor[\s\S]*Nonconformities: NC-0001 \(A\.6\.2\.4, closed\)/);

    expect(await historyOf("ScheduledReview", "REV-0002")).toEqual(["Amara Okafor/create/planned", "Amara Okafor/status_change/held"]);
    expect(await historyOf("Nonconformity", "NC-0001")).toEqual(["Daniel Mensah/create/open", "Amara Okafor/status_change/action_planned", "Amara Okafor/status_change/closed"]);
    expect(await historyOf("CorrectiveAction", "CA-0001")).toEqual(["Amara Okafor/create/open", "Sofia Alvarez/status_change/done"]);
  });

  it("raises a nonconformity from an incident, with an entry on the incident's timeline", async () => {
    expect(find(await turn("amara", { kind: "incident_action", reference: "INC-0004", action: "raise_nonconformity" }), "question")!.stepId).toBe("requirement");
    const done = find(await say("amara", "8.4", "Drift monitoring of the pricing model was not in place, as the operational plan requires", "confirm"), "done")!;
    expect(done.title).toBe("INC-0004: Nonconformity raised");
    const raised = await chat.database.prisma.nonconformity.findUniqueOrThrow({ where: { reference: "NC-0002" }, include: { incident: true } });
    expect(raised).toMatchObject({ source: "incident", requirement: "8.4", incident: { reference: "INC-0004" } });
    const incident = find(await say("amara", "incident INC-0004"), "incident")!;
    expect(incident.timeline.at(-1)!.text).toBe("Nonconformity NC-0002 raised against 8.4: Drift monitoring of the pricing model was not in place, as the operational plan requires");
    expect(find(await say("amara", "nonconformities"), "record_list")!.items.map((item) => item.reference)).toEqual(["NC-0002"]);
    expect(find(await say("daniel", "nonconformities all"), "record_list")!.items.map((item) => item.text.split(" · ").slice(0, 4).join(" · "))).toEqual([
      "A.6.2.4 · closed · from REV-0002 · 0 open actions",
      "8.4 · open · from INC-0004 · 0 open actions",
    ]);
  });

  it("refuses nonconformities to a member: raising, listing, viewing and the incident action", async () => {
    expect(find(await say("leila", "nonconformity"), "error")!.text).toBe("Only the governance team, auditors or the lead of the audit or review can record nonconformities.");
    expect(find(await say("leila", "nonconformity REV-0002"), "error")!.text).toMatch(/^Only the governance team/);
    expect(find(await say("leila", "nonconformities"), "error")!.text).toBe("Only the governance team, auditors, managers or the owner can see nonconformities.");
    expect(find(await say("leila", "NC-0002"), "error")!.text).toBe("Only the governance team, auditors, managers or the owner can see nonconformities.");
    expect(find(await click("leila", "NC-0002", "close"), "error")!.text).toBe("Only the governance team can change nonconformities.");
    expect(find(await click("daniel", "NC-0002", "plan"), "error")!.text).toBe("Only the governance team can change nonconformities.");
    expect(find(await turn("leila", { kind: "incident_action", reference: "INC-0004", action: "raise_nonconformity" }), "error")!.text).toBe("Only the governance team can raise nonconformity INC-0004.");
    expect(await chat.database.prisma.nonconformity.count()).toBe(2);
  });

  it("assembles a management review's inputs from the records since the previous review", async () => {
    const prisma = chat.database.prisma;
    const system = (name: string) => prisma.aiSystem.findFirstOrThrow({ where: { name } });
    const [claims, pricing] = [await system(demoSystems[0]!.name), await system(demoSystems[1]!.name)];
    // The previous management review, held on 1 November, with one finding and two actions from it.
    const previous = await prisma.scheduledReview.create({ data: { reference: "REV-0900", kind: "management_review", scheduledOn: new Date("2026-11-01"), heldOn: new Date("2026-11-01"), scope: "Q3 review", status: "held", conclusion: "Bias tooling funded", createdVia: "cli" } });
    const finding = await prisma.nonconformity.create({ data: { reference: "NC-0900", source: "management_review", reviewId: previous.id, requirement: "6.2", description: "Objectives lack measures", status: "action_planned", createdVia: "cli" } });
    await prisma.correctiveAction.createMany({
      data: [
        { reference: "CA-0900", nonconformityId: finding.id, description: "Define measures", ownerId: people.get("priya")!, dueDate: new Date("2026-11-10"), createdVia: "cli" },
        { reference: "CA-0901", nonconformityId: finding.id, description: "Publish objectives", ownerId: people.get("amara")!, dueDate: new Date("2026-11-15"), status: "done", createdVia: "cli" },
      ],
    });
    // Changes in context: one system re-tiered, one retired, through the store so the history has them.
    const actor = { personId: null, label: "test", channel: "cli" as const };
    const change = (reference: string, data: { riskTier?: "medium"; status?: "retired" }) =>
      updateRecord(prisma, { entityType: aiSystemEntity, key: reference, actor, load: (tx) => tx.aiSystem.findUnique({ where: { reference } }), update: (tx) => tx.aiSystem.update({ where: { reference }, data }) });
    await change(claims.reference, { riskTier: "medium" });
    await change(pricing.reference, { status: "retired" });
    // Risks: one high, one medium acceptance waiting, one closed (not counted).
    const risk = (reference: string, level: "high" | "medium" | "low", status: "open" | "acceptance_pending" | "closed") => ({
      reference, systemId: claims.id, direction: "from_system" as const, category: "biased_outputs" as const, description: "Bias", likelihood: 3,
      impactSafety: 1, impactFinancial: 3, impactReputational: 3, impactRegulatory: 3, impactEthical: 3, impactEnvironmental: 1, score: 9, level,
      treatment: status === "acceptance_pending" ? ("accept" as const) : ("mitigate" as const), treatmentJustification: "Tested", controls: ["A.6.2.4"],
      residualLikelihood: 2, residualImpact: 3, residualScore: 6, residualLevel: "medium" as const, reviewDate: new Date("2027-06-01"), status, createdVia: "cli" as const,
    });
    await prisma.risk.createMany({ data: [risk("RSK-0901", "high", "open"), risk("RSK-0902", "medium", "acceptance_pending"), risk("RSK-0903", "low", "closed")] });
    // Feedback: three policy questions since the previous review.
    await prisma.policyQuestion.createMany({
      data: [
        { question: "May I use a chatbot for claims letters?", answered: true, source: "extract", channel: "slack", feedback: "helpful" },
        { question: "Who approves vendor models?", answered: false, source: "extract", channel: "slack", routedAt: new Date() },
        { question: "Can I paste customer data?", answered: true, source: "extract", channel: "teams", feedback: "not_helpful" },
      ],
    });

    expect(find(await say("amara", `schedule review ${today} Q4 management review`), "text")!.text).toMatch(/^Management review REV-0003 is scheduled/);
    // Its status reads as a label, not the stored code.
    expect(find(await say("amara", "REV-0003"), "text")!.text.split("\n")[1]).toMatch(/^Status: Planned\. Scheduled \d{1,2} [A-Z][a-z]+ \d{4}; led by Amara Okafor\.$/);
    expect(find(await say("leila", "review inputs REV-0003"), "error")!.text).toBe("Only the governance team, auditors, managers or the lead of the audit or review can see audit and review records.");
    const text = find(await say("priya", "prepare review REV-0003"), "text")!.text;
    expect(text).toContain("Figures since REV-0900 (held 1 November 2026).");
    expect(text).toContain("- 1 open (1 overdue), 1 done, 0 cancelled\n- CA-0900 (NC-0900, REV-0900): open, due 10 November 2026, owner Priya Raman");
    expect(text).toContain(`- Retired: 1: ${pricing.reference} ${pricing.name}`);
    expect(text).toContain(`- Risk tier changed: ${claims.reference} ${claims.name} (High → Medium)`);
    expect(text).toContain("- 4 reported; by severity: SEV1 (critical) 1, SEV2 (major) 1, SEV3 (moderate) 1, SEV4 (minor) 1\n- By status now: Triaged 2, Reported 1, Investigating 1");
    expect(text).toContain("- Confidential (counted only): 2");
    expect(text).toContain("- Nonconformities: Open 1, Action planned 1, Closed 1 (3 raised in this period)");
    expect(text).toContain("- Corrective actions: 1 open (1 overdue), 2 done, 0 cancelled");
    expect(text).toMatch(/- REV-0002 \(\d{1,2} [A-Z][a-z]+ \d{4}, Claims and pricing models\): Conforms, except that bias test evidence is missing for one release; 1 nonconformity/);
    // With the demo organisation's three high risks behind its high-tier approvals.
    expect(text).toContain("- 5 risks not closed; by level: High 4, Medium 1\n- Acceptances waiting for a decision: 1");
    // The demo organisation's objectives (6.2), each with how it stands, and its scope (4.3).
    expect(text).toContain("- 4 objectives: Not started 1, On track 1, At risk 1, Achieved 1; 0 overdue");
    expect(text).toContain("- OBJ-0002 High-tier AI systems have a current impact assessment before approval (target 100% of high-tier systems assessed within the last 12 months; Lukas Brandt; due 28 February 2027): At risk · Two high-tier claims models");
    expect(text).toMatch(/- SCP-0001 version 1, (unchanged in this period|changed)/);
    expect(text).toContain("- 3 policy questions asked; 1 not answered by the policy; 1 passed to governance\n- Answers rated helpful 1, not helpful 1");

    const inputs = (await managementReviewInputs(prisma, "REV-0003", new Date()))!;
    expect(text).toContain(`- Registered: ${demoSystems.length}: AIS-0001 ${claims.name}; `);
    expect(text).toContain(`… and ${demoSystems.length - 10} more`);
    expect(inputs.contextChanges.registered).toHaveLength(demoSystems.length);
    expect(inputs.incidents).toEqual({ total: 4, bySeverity: { sev1: 1, sev2: 1, sev3: 1, sev4: 1 }, byStatus: { triaged: 2, investigating: 1, reported: 1 }, confidential: 2 });
    expect(inputs.previousReviewActions).toMatchObject({ open: 1, done: 1, overdue: 1 });
    expect(inputs.risks).toEqual({ total: 5, byLevel: { critical: 0, high: 4, medium: 1, low: 0 }, pendingAcceptance: 1 });
  });

  it("exports the nonconformity and review registers", async () => {
    const nonconformities = await buildTable(chat.database.prisma, "nonconformities");
    expect(nonconformities.rows.find((row) => row.reference === "NC-0001")).toMatchObject({ source: "internal_audit", reviewReference: "REV-0002", correctiveActions: ["CA-0001"], status: "closed", lastChangedBy: "Amara Okafor" });
    expect(nonconformities.rows.find((row) => row.reference === "NC-0002")).toMatchObject({ incidentReference: "INC-0004", raisedByName: "Amara Okafor" });
    const reviews = await buildTable(chat.database.prisma, "reviews");
    expect(reviews.columns).toEqual(expect.arrayContaining(["heldOn", "attendees", "conclusion", "leadName", "nonconformities"]));
    expect(reviews.rows.find((row) => row.reference === "REV-0002")).toMatchObject({ kind: "internal_audit", status: "held", leadName: "Amara Okafor", nonconformities: ["NC-0001"] });
    const actions = await buildTable(chat.database.prisma, "actions");
    expect(actions.rows.find((row) => row.reference === "CA-0001")).toMatchObject({ nonconformityReference: "NC-0001", incidentReference: null });
  });
});
