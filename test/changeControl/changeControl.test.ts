// Change control through the local chat's HTTP API, over the demo organisation: a material change
// or a re-tier reopens approval and asks for new assessments, "in production" needs an approval,
// the inventory says what is out of date, and the registers reach the evidence pack.
import { beforeAll, describe, expect, it } from "vitest";
import { deriveRiskTier } from "../../src/domain/riskTier.js";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { governanceAudience, personAudience } from "../../src/store/notifications.js";
import { firstOfKind as find, useLocalChat } from "../support/localChatSession.js";
import { completeLifecycleRecords } from "../support/lifecycleRecords.js";

describe("change control of AI systems in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  const systems = new Map<string, { reference: string; id: string }>();

  beforeAll(async () => {
    for (const system of await chat.database.prisma.aiSystem.findMany()) systems.set(system.name, system);
  });

  const { say } = chat;
  const system = (reference: string) => chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference } });

  it("holds a demo organisation whose approvals agree with their tiers", async () => {
    const all = await chat.database.prisma.aiSystem.findMany({ include: { risks: true, impactAssessments: true } });
    for (const entry of all.filter((candidate) => candidate.status === "approved")) {
      expect(entry.decidedById, `${entry.reference} has an approver`).not.toBeNull();
      if (entry.riskTier === "high") {
        expect(entry.risks.filter((risk) => risk.status !== "acceptance_pending").length, `${entry.reference} risk`).toBeGreaterThan(0);
        expect(entry.impactAssessments.length, `${entry.reference} impact`).toBeGreaterThan(0);
      }
    }
    for (const entry of all.filter((candidate) => candidate.autonomyLevel && candidate.regulatedDomain)) {
      const derived = deriveRiskTier({ autonomyLevel: entry.autonomyLevel!, regulatedDomain: entry.regulatedDomain!, affectedParties: entry.affectedParties, dataCategories: entry.dataCategories });
      expect(entry.riskTier, `${entry.reference} ${entry.name}: its tier follows from its answers`).toBe(derived.tier);
    }
    expect(all.filter((entry) => entry.lifecycleStage === "in_production" && entry.status !== "approved").map((entry) => entry.reference)).toEqual([]);
    const changes = await chat.database.prisma.systemChange.findMany({ orderBy: { reference: "asc" }, include: { system: true } });
    expect(changes.map((change) => [change.reference, change.system.name, change.status, change.reopenedApproval])).toEqual([
      ["CHG-0001", "Renewal Churn Propensity", "approved", true],
      ["CHG-0002", "Commercial Submission Triage", "awaiting_approval", false],
    ]);
  });

  it("reopens the approval of an approved system whose autonomy changes, re-tiers it and asks for new assessments", async () => {
    const { reference } = systems.get("Claims Fraud Scoring")!; // medium, approved, a person decides on each flag
    expect((await system(reference)).status).toBe("approved");
    const started = await say("sofia", `update ${reference}`);
    expect(find(started, "summary")!.fields).toContainEqual({ stepId: "autonomyLevel", label: "Autonomy", value: "A human can override" });
    expect(find(await say("tom", `update ${reference}`), "error")!.text).toBe(`Only the owner of ${reference} or the governance team can update it.`);

    const autonomyStep = find(started, "summary")!.fields.findIndex((field) => field.stepId === "autonomyLevel") + 1;
    await say("sofia", `edit ${autonomyStep}`, "fully automated");
    const done = find(await say("sofia", "confirm"), "done")!;
    const text = done.lines.join("\n");
    expect(text).toContain("Its risk tier changed to High");
    expect(text).toMatch(/This is a material change \(CHG-0003\): autonomy: A human can override → Fully automated.*; risk tier: Medium → High\./);
    expect(text).toContain("Its approval no longer covers it: it is pending review again");
    expect(text).toContain(`New assessments are needed: assess risk ${reference} and assess impact ${reference}.`);

    expect(await system(reference)).toMatchObject({ status: "pending_review", riskTier: "high", decidedById: null });
    const notice = await chat.database.prisma.notification.findFirstOrThrow({ where: { audience: governanceAudience, kind: "system_change_reapproval", recordRef: reference } });
    expect(notice.subject).toBe(`${reference} changed materially: approval reopened (CHG-0003)`);
    expect(notice.actions).toEqual([
      { label: "Approve", input: { kind: "record_action", reference, action: "approve" } },
      { label: "Reject", input: { kind: "record_action", reference, action: "reject" } },
    ]);
    // The owner made the change herself, so she is told in the reply rather than by a second message.
    expect(await chat.database.prisma.notification.count({ where: { audience: personAudience(people.get("sofia")!), kind: "system_change_reassessment" } })).toBe(0);

    const history = await chat.database.prisma.changeLog.findMany({ where: { entityRef: reference }, orderBy: { id: "asc" } });
    expect(history.at(-1)!.changes).toMatchObject({ status: { from: "approved", to: "pending_review" } });
    expect((await chat.database.prisma.changeLog.findFirstOrThrow({ where: { entityRef: "CHG-0003" } })).actorLabel).toBe("Sofia Alvarez");
  });

  it("keeps it out of approval until assessments newer than the change exist", async () => {
    const { reference, id } = systems.get("Claims Fraud Scoring")!;
    // Now high tier, it also needs the high tier's life-cycle records (its medium-tier ones stay on file).
    const needs = find(await say("amara", `approve ${reference}`), "error")!.text;
    expect(needs).toContain(`• a deployment plan (add deployment plan ${reference})`);
    expect(needs).not.toContain("add requirements");
    await completeLifecycleRecords(chat.database.prisma, reference, { personId: people.get("lukas")!, label: "Lukas Brandt" }, { personId: people.get("amara")!, label: "Amara Okafor" });
    expect(find(await say("amara", `approve ${reference}`), "error")!.text).toBe(
      `${reference} is a high-tier system: it needs a risk assessment (assess risk ${reference}) and an impact assessment (assess impact ${reference}) before it can be approved.`,
    );
    const card = find(await say("amara", `system ${reference}`), "notice")!;
    expect(card.text).toContain(`Risk assessment: out of date since the change CHG-0003, none newer (assess risk ${reference}).`);

    const late = find(await say("amara", "out of date"), "record_list")!;
    const line = late.items.find((item) => item.reference === reference)!.text;
    expect(line).toContain("approval reopened by the change CHG-0003, not yet decided");
    expect(line).toContain("needs a current risk assessment and impact assessment");
    expect(line).toContain("in production without an approval");

    // Assessed afterwards: the owner's impact assessment and a completed risk assessment.
    await say("sofia", `assess impact ${reference}`, "A flagged claimant is investigated without a person choosing to", "Claimants with linked addresses may be flagged more", "Trust in claims handling", "Auto-declining flagged claims", "SIU samples every automated referral", "skip");
    expect(find(await say("sofia", "confirm"), "done")).toBeDefined();
    await chat.database.prisma.risk.create({
      data: {
        reference: "RSK-0901", systemId: id, status: "open", direction: "from_system", category: "biased_outputs", description: "Automated referral of linked-party claims",
        likelihood: 3, impactSafety: 1, impactFinancial: 2, impactReputational: 3, impactRegulatory: 3, impactEthical: 3, impactEnvironmental: 1,
        score: 9, level: "medium", treatment: "mitigate", treatmentJustification: "SIU sampling", controls: ["A.9.4"],
        residualLikelihood: 2, residualImpact: 3, residualScore: 6, residualLevel: "medium", reviewDate: new Date("2027-05-01"), createdVia: "cli",
      },
    });
    expect(find(await say("amara", `approve ${reference}`), "text")!.text).toMatch(/is approved/);
    const change = await chat.database.prisma.systemChange.findUniqueOrThrow({ where: { reference: "CHG-0003" } });
    expect(change).toMatchObject({ status: "approved", decidedById: people.get("amara") });
    expect(find(await say("daniel", "change CHG-0003"), "notice")!.text).toMatch(/Status: approved by Amara Okafor on \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(find(await say("amara", "out of date"), "record_list")!.items.map((item) => item.reference)).not.toContain(reference);
  });

  it("lets a system go into production only once approved", async () => {
    const { reference } = systems.get("HR Policy Q&A Assistant")!; // low, pending review, in development
    expect(find(await say("hannah", `stage ${reference} production`), "error")!.text).toBe(
      `${reference} is pending review: it can go into production once it is approved. Type "system ${reference}" to see what its approval needs.`,
    );
    expect(find(await say("hannah", `stage ${reference} sideways`), "error")!.text).toMatch(/^Which stage\?/);
    expect((await system(reference)).lifecycleStage).toBe("in_development");

    // Through the update questions too: the other answers are kept, the stage is not moved.
    const started = await say("hannah", `update ${reference}`);
    const fields = find(started, "summary")!.fields;
    await say("hannah", `edit ${fields.findIndex((field) => field.stepId === "lifecycleStage") + 1}`, "in production");
    await say("hannah", `edit ${fields.findIndex((field) => field.stepId === "businessUnit") + 1}`, "People & HR Operations");
    const done = find(await say("hannah", "confirm"), "done")!;
    expect(done.lines.join("\n")).toContain(`Its life-cycle stage stays in development: ${reference} is pending review: it can go into production once it is approved.`);
    expect(await system(reference)).toMatchObject({ lifecycleStage: "in_development", businessUnit: "People & HR Operations" });

    expect(find(await say("priya", `approve ${reference}`), "text")!.text).toMatch(/is approved/);
    expect(find(await say("hannah", `stage ${reference} production`), "text")!.text).toBe(`${reference} HR Policy Q&A Assistant is now in production (recorded in its change history).`);
    expect((await system(reference)).lifecycleStage).toBe("in_production");
  });

  it("lists the change register and exports it, with the inventory's status, in the evidence pack", async () => {
    const listed = find(await say("daniel", "changes"), "record_list")!;
    expect(listed.items[0]!.reference).toBe("CHG-0003"); // newest first
    expect(listed.items.map((item) => item.reference)).toEqual(expect.arrayContaining(["CHG-0001", "CHG-0002", "CHG-0003"]));
    expect(find(await say("daniel", "change CHG-0042"), "error")!.text).toBe('CHG-0042 is not in the change register. Type "changes" to list them.');

    const pack = await buildEvidencePack(chat.database.prisma, new Date(), { timeZone: "UTC", exportedBy: { personId: null, label: "test", channel: "cli" } });
    const index = (pack.find((file) => file.path === "README.md")!.content as string);
    expect(index).toMatch(/\| Change control of AI systems \| [^|]+ \| \d+ \| system-changes\.md, system-changes\.csv, system-changes\.json \|/);
    const changes = JSON.parse((pack.find((file) => file.path === "system-changes.json")!.content as string)) as { reference: string; changes: string[]; status: string }[];
    expect(changes.find((change) => change.reference === "CHG-0003")).toMatchObject({ status: "approved", changes: expect.arrayContaining(["risk tier: Medium → High"]) });
    const status = JSON.parse((pack.find((file) => file.path === "inventory-status.json")!.content as string)) as { reference: string; upToDate: boolean; outOfDateReasons: string[] }[];
    const pricing = status.find((entry) => entry.reference === systems.get("Home Insurance Pricing Model")!.reference)!;
    expect(pricing.outOfDateReasons).toEqual([expect.stringMatching(/^review overdue since 10 November 2026$/)]);
  });
});
