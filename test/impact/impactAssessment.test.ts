// Impact assessments through the local chat's HTTP API, with the demo organisation: the owner
// records one, who may see it, a past re-assessment date refused, and what follows (reminders, export).
import { beforeAll, describe, expect, it } from "vitest";
import { buildTable } from "../../src/export/recordExport.js";
import { queueReminders } from "../../src/reminders/reminderScan.js";
import { personAudience } from "../../src/store/notifications.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";
import { displayDate } from "../../src/domain/dateDisplay.js";

const reminderSettings = { daysBefore: [14, 7, 1], workingHours: { start: 9, end: 17 }, attestationMonths: 6, escalateAfterDays: 7 };
const impacts = [
  "A wrongly fast-tracked claim is paid without checks; a wrongly held one delays a claimant's payment",
  "Claimants with non-standard addresses may be routed to manual review more often",
  "Energy use of scoring is small; trust in quick claims payment depends on consistent outcomes",
  "Scores could be used to decide claim validity rather than routing",
  "Monthly outcome monitoring by postcode and age band; handlers review every held claim",
];

describe("assessing an AI system's impact in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  const systems = new Map<string, { reference: string; id: string }>();

  beforeAll(async () => {
    for (const system of await chat.database.prisma.aiSystem.findMany()) systems.set(system.name, system);
  });

  const { turn, say } = chat;
  const find = firstOfKind;
  const claimsTriage = () => systems.get("Claims Fast-Track Triage")!;

  it("takes the owner from \"assess impact AIS-…\" to a saved assessment, refusing a past re-assessment date", async () => {
    const { reference } = claimsTriage();
    const opening = await say("sofia", `assess impact ${reference}`);
    expect(find(opening, "question")).toMatchObject({ stepId: "individuals" });
    const dateQuestion = find(await say("sofia", ...impacts), "question")!;
    expect(dateQuestion.stepId).toBe("reassessOn");
    const sixMonths = new Date();
    sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
    expect(dateQuestion.prompt).toContain(`"skip" for ${displayDate(sixMonths)}, the default for its tier`);

    const past = await say("sofia", "2020-03-01");
    expect(find(past, "error")!.text).toMatch(/must be in the future/);
    expect(find(past, "question")).toMatchObject({ stepId: "reassessOn" });

    const summary = find(await say("sofia", "skip"), "summary")!;
    expect(summary.fields.map((field) => field.label)).toEqual(["AI system", "Individuals", "Groups", "Society", "Foreseeable misuse", "Mitigations", "Re-assess by"]);
    const done = find(await say("sofia", "confirm"), "done")!;
    expect(done.reference).toBe("AIA-0004");
    expect(done.lines.join("\n")).toContain(`Re-assessment due ${displayDate(sixMonths)}`);

    const saved = await chat.database.prisma.impactAssessment.findUniqueOrThrow({ where: { reference: "AIA-0004" } });
    expect(saved).toMatchObject({ systemId: claimsTriage().id, assessorId: people.get("sofia"), groups: impacts[1], createdVia: "local_chat" });
    const history = await chat.database.prisma.changeLog.findMany({ where: { entityType: "ImpactAssessment", entityRef: "AIA-0004" } });
    expect(history.map((entry) => entry.action)).toEqual(["create"]);
    // An approved system: nothing waits on this assessment, so governance is not told.
    expect(await chat.database.prisma.notification.count({ where: { kind: "impact_assessed" } })).toBe(0);
  });

  it("shows the latest assessment to those allowed to see it, and refuses the others", async () => {
    const { reference } = claimsTriage();
    for (const person of ["sofia", "amara", "daniel", "priya"]) {
      const shown = find(await say(person, `impact ${reference}`), "notice")!;
      expect(shown.subject).toBe(`Impact assessment AIA-0004 of ${reference} Claims Fast-Track Triage`);
      expect(shown.text).toContain(`Groups (including fairness): ${impacts[1]}`);
    }
    const refused = find(await say("tom", `impact ${reference}`), "error")!;
    expect(refused.text).toMatch(/^Only .*the owner.* can see impact assessments of this system\.$/);
    expect(find(await say("sofia", `impact ${systems.get("Claims Fraud Scoring")!.reference}`), "text")!.text).toMatch(/has no impact assessment yet\. Type "assess impact AIS-\d{4}"/);
  });

  it("refuses a member who does not own the system, early when the system is named and at the summary otherwise", async () => {
    const { reference } = claimsTriage();
    expect(find(await say("tom", `assess impact ${reference}`), "error")!.text).toMatch(/can record impact assessments of this system\. Ask the owner of AIS-\d{4}/);
    // A member cannot start one at all; an owner of other systems is refused at the summary.
    expect(find(await say("tom", "assess impact"), "error")!.text).toMatch(/can record impact assessments of this system/);
    await say("marcus", "assess impact", "Claims Fast-Track Triage", ...impacts);
    const atSummary = await say("marcus", "2031-01-01", "confirm");
    expect(find(atSummary, "error")!.text).toMatch(/can record impact assessments of this system/);
    expect(find(atSummary, "summary")).toBeDefined(); // the answers are kept
    await say("marcus", "cancel");
    expect(await chat.database.prisma.impactAssessment.count()).toBe(4); // the demo organisation's three and the one above
  });

  it("tells governance when a pending system is assessed, reminds the owner before re-assessment, and exports the register", async () => {
    const estimator = systems.get("ClaimsDesk Damage Photo Estimator")!;
    await say("kenji", `assess impact ${estimator.reference}`, ...impacts);
    const done = find(await say("kenji", "2027-03-01", "confirm"), "done")!;
    expect(done.lines.join("\n")).toMatch(/pending review: the governance team has been told/);
    const notice = await chat.database.prisma.notification.findFirstOrThrow({ where: { kind: "impact_assessed", recordRef: done.reference } });
    expect(notice).toMatchObject({ audience: "role:governance" });
    expect(notice.actions).toEqual([
      { label: "Approve", input: { kind: "record_action", reference: estimator.reference, action: "approve" } },
      { label: "Reject", input: { kind: "record_action", reference: estimator.reference, action: "reject" } },
    ]);

    await queueReminders(chat.database.prisma, new Date("2027-02-22T10:00:00Z"), reminderSettings);
    const reminder = await chat.database.prisma.notification.findFirstOrThrow({ where: { recordRef: `impact:${done.reference}` } });
    expect(reminder).toMatchObject({ audience: personAudience(people.get("kenji")!), kind: "reminder" });
    expect(reminder.subject).toMatch(/The re-assessment of the impact of AIS-\d{4} ClaimsDesk Damage Photo Estimator/);
    const assessAgain = find(await turn("kenji", { kind: "record_action", reference: done.reference, action: "reassess" }), "question")!;
    expect(assessAgain.stepId).toBe("individuals");
    await say("kenji", "cancel");

    const table = await buildTable(chat.database.prisma, "impacts");
    expect(table.rows.map((row) => [row.reference, row.systemReference, row.assessorName, row.inForce])).toEqual([
      // The demo organisation's assessments behind its high-tier approvals; the owner's newer one replaced AIA-0002.
      ["AIA-0001", expect.stringMatching(/^AIS-/), "Lukas Brandt", true],
      ["AIA-0002", claimsTriage().reference, "Lukas Brandt", false],
      ["AIA-0003", expect.stringMatching(/^AIS-/), "Lukas Brandt", true],
      ["AIA-0004", claimsTriage().reference, "Sofia Alvarez", true],
      [done.reference, estimator.reference, "Kenji Tan", true],
    ]);
    expect(table.columns).toEqual(expect.arrayContaining(["individuals", "groups", "society", "foreseeableMisuse", "mitigations", "reassessOn", "lastChangedBy"]));
  });
});
