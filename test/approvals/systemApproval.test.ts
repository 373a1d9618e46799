// Approving and rejecting new AI systems through the local chat's HTTP API, with the demo
// organisation: who may decide each tier, what a high-tier system needs first, the owner told.
import { beforeAll, describe, expect, it } from "vitest";
import { displayDate } from "../../src/domain/dateDisplay.js";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import type { RiskStatus } from "../../src/generated/prisma/enums.js";
import { governanceAudience, personAudience } from "../../src/store/notifications.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";
import { completeLifecycleRecords } from "../support/lifecycleRecords.js";

const buttons = (reference: string) => [
  { label: "Approve", input: { kind: "record_action", reference, action: "approve" } },
  { label: "Reject", input: { kind: "record_action", reference, action: "reject" } },
];

describe("approving new AI systems by risk tier in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  const systems = new Map<string, { reference: string; id: string }>();

  beforeAll(async () => {
    for (const system of await chat.database.prisma.aiSystem.findMany()) systems.set(system.name, system);
  });

  const { say, click } = chat;
  const find = firstOfKind;
  const refusal = async (messages: Promise<OutgoingMessage[]>) => find(await messages, "error")?.text ?? "(no refusal)";
  const governance = (key: string) => ({ personId: people.get(key)!, label: key });
  const statusOf = async (reference: string) => (await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference } })).status;
  const addRisk = (systemId: string, reference: string, status: RiskStatus) =>
    chat.database.prisma.risk.create({
      data: {
        reference, systemId, status, direction: "from_system", category: "biased_outputs", description: "Knockout threshold rejects career changers",
        likelihood: 3, impactSafety: 1, impactFinancial: 2, impactReputational: 4, impactRegulatory: 4, impactEthical: 4, impactEnvironmental: 1,
        score: 12, level: "high", treatment: "mitigate", treatmentJustification: "Human review of every knockout", controls: ["A.5.2"],
        residualLikelihood: 2, residualImpact: 3, residualScore: 6, residualLevel: "medium", reviewDate: new Date("2027-05-01"), createdVia: "cli",
      },
    });

  it("asks governance, and for a low-tier system the owner's manager too, with Approve and Reject buttons", async () => {
    await say("hannah", "register a new AI system", "Leave Calendar Suggester", "Suggests quiet weeks for team leave", "Team leads plan leave with it; it decides nothing", "3", "Calendly", "skip", "me",
      "confidential business data", "none", "advises a human", "none", "in production", "yes");
    const done = find(await say("hannah", "confirm"), "done")!;
    expect(done.lines.join("\n")).toMatch(/Risk tier: Low/);
    const notices = await chat.database.prisma.notification.findMany({ where: { recordRef: done.reference }, orderBy: { audience: "asc" } });
    expect(notices.map((notice) => [notice.audience, notice.kind, notice.actions])).toEqual([
      [personAudience(people.get("priya")!), "system_approval_requested", buttons(done.reference)],
      [governanceAudience, "system_registered", buttons(done.reference)],
    ]);
  });

  it("lets the owner's manager approve a low-tier system, refuses others, records the change and tells the owner", async () => {
    const { reference, id } = systems.get("HR Policy Q&A Assistant")!;
    expect(await refusal(click("tom", reference, "approve"))).toBe("Only the governance team or the owner's manager can approve this AI system.");
    expect(await refusal(click("sofia", reference, "approve"))).toBe("Only the governance team or the owner's manager can approve this AI system.");

    const card = find(await say("priya", `system ${reference}`), "notice")!;
    expect(card.text).toMatch(/Status: Pending review\.[\s\S]*Risk tier: Low[\s\S]*Risk assessment: none yet \(assess risk AIS-\d{4}\)[\s\S]*Impact assessment: none yet/);
    expect(card.actions).toEqual(buttons(reference));

    expect(find(await click("priya", reference, "approve"), "text")!.text).toBe(`${reference} HR Policy Q&A Assistant is approved. Its owner has been told.`);
    expect(await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference } })).toMatchObject({ status: "approved", decidedById: people.get("priya"), decisionReason: null });
    const change = await chat.database.prisma.changeLog.findFirstOrThrow({ where: { entityId: id, action: "status_change" } });
    expect(change).toMatchObject({ actorId: people.get("priya"), actorLabel: "Priya Raman", channel: "local_chat" });
    expect(change.changes).toMatchObject({ status: { from: "pending_review", to: "approved" } });
    const told = await chat.database.prisma.notification.findFirstOrThrow({ where: { audience: personAudience(people.get("hannah")!), kind: "system_approved", recordRef: reference } });
    expect(told.text).toContain("Priya Raman approved");
  });

  it("keeps medium-tier approval with governance, and refuses a second decision politely", async () => {
    const { reference } = systems.get("ClaimsDesk Damage Photo Estimator")!;
    const card = find(await say("priya", `system ${reference}`), "notice")!;
    expect(card.actions).toEqual([]);
    expect(card.text).toContain(`Only the governance team can approve a medium-tier system such as ${reference}.`);
    expect(await refusal(click("priya", reference, "approve"))).toBe(`Only the governance team can approve a medium-tier system such as ${reference}.`);
    expect(await statusOf(reference)).toBe("pending_review");
    expect(await refusal(say("amara", `approve ${reference}`))).toMatch(new RegExp(`^${reference} is a medium-tier system\\. Before it can be approved it needs:\\n• its requirements and specification`));
    await completeLifecycleRecords(chat.database.prisma, reference, governance("lukas"), governance("amara"));

    expect(find(await say("amara", `approve ${reference}`), "text")!.text).toMatch(/is approved/);
    expect(await statusOf(reference)).toBe("approved");
    const today = displayDate(new Date().toISOString().slice(0, 10));
    expect(await refusal(click("lukas", reference, "approve"))).toBe(`${reference} is approved by Amara Okafor on ${today}; only a system pending review can be approved or rejected.`);
    expect(find(await say("lukas", `system ${reference}`), "notice")!.actions).toEqual([]);
  });

  it("refuses a high-tier system until a completed risk assessment and an impact assessment exist", async () => {
    const { reference, id } = systems.get("Workday Recruiting Candidate Screening")!;
    await completeLifecycleRecords(chat.database.prisma, reference, governance("lukas"), governance("amara")); // what the life cycle needs is tested in test/lifecycle
    expect(await refusal(click("amara", reference, "approve"))).toBe(
      `${reference} is a high-tier system: it needs a risk assessment (assess risk ${reference}) and an impact assessment (assess impact ${reference}) before it can be approved.`,
    );
    await addRisk(id, "RSK-0901", "acceptance_pending"); // an acceptance still waiting is not a completed assessment
    expect(await refusal(click("amara", reference, "approve"))).toMatch(/needs a risk assessment \(assess risk AIS-\d{4}\) and an impact assessment/);
    await addRisk(id, "RSK-0902", "open");
    expect(await refusal(click("amara", reference, "approve"))).toBe(`${reference} is a high-tier system: it needs an impact assessment (assess impact ${reference}) before it can be approved.`);

    await say("hannah", `assess impact ${reference}`, "Applicants may be rejected without a person looking", "Career changers and older applicants may be knocked out more often",
      "Access to jobs; model hosting energy is small", "Scores used for internal promotions", "Recruiter review of every knockout; quarterly adverse-impact test", "skip");
    expect(find(await say("hannah", "confirm"), "done")!.lines.join("\n")).toMatch(/pending review: the governance team has been told/);
    expect(await chat.database.prisma.notification.count({ where: { audience: governanceAudience, kind: "impact_assessed" } })).toBe(1);

    const card = find(await say("amara", `system ${reference}`), "notice")!;
    expect(card.text).toMatch(/Risk tier: High[\s\S]*Risk assessment: on file\.\nImpact assessment: on file/);
    expect(card.actions).toEqual(buttons(reference));
    expect(find(await click("amara", reference, "approve"), "text")!.text).toMatch(/is approved/);
    expect(await statusOf(reference)).toBe("approved");
  });

  it("asks for a reason to reject, and tells the owner with it", async () => {
    const { reference } = systems.get("Injury Claim Medical Report Summariser")!;
    expect(find(await click("lukas", reference, "reject"), "question")).toMatchObject({ stepId: "reason" });
    const done = find(await say("lukas", "No clinical validation of the summaries yet", "confirm"), "done")!;
    expect(done.title).toBe(`${reference} Injury Claim Medical Report Summariser is rejected`);
    expect(await chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      status: "rejected", decidedById: people.get("lukas"), decisionReason: "No clinical validation of the summaries yet",
    });
    const told = await chat.database.prisma.notification.findFirstOrThrow({ where: { audience: personAudience(people.get("priya")!), kind: "system_rejected", recordRef: reference } });
    expect(told.text).toContain("Reason: No clinical validation of the summaries yet");
    expect(await refusal(click("amara", reference, "reject"))).toMatch(/is rejected by Lukas Brandt on \d{1,2} [A-Z][a-z]+ \d{4}; only a system pending review/);
    const card = find(await say("priya", `system ${reference}`), "notice")!;
    expect(card.text).toContain("Rejected by Lukas Brandt on");
    expect(card.text).toContain(": No clinical validation of the summaries yet");
  });
});
