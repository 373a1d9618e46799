// The audit programme (ISO/IEC 42001 9.2.2) through the local chat's HTTP API: an internal audit is
// scheduled with its criteria, the AI systems in scope, the area's owner and the auditors; an auditor
// who owns a system in scope, or the area, is refused with the reason, and accepted only with a
// recorded justification. The register and the evidence pack show criteria, scope, auditors and independence.
import { beforeAll, describe, expect, it } from "vitest";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { buildTable } from "../../src/export/recordExport.js";
import { systemActor } from "../../src/store/changeHistory.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

describe("the internal audit programme in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  let triage: string;
  let estimator: string;

  beforeAll(async () => {
    triage = (await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { name: "Claims Fast-Track Triage" } })).reference;
    estimator = (await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { name: "ClaimsDesk Damage Photo Estimator" } })).reference;
  });

  const { say } = chat;
  const texts = (messages: { kind: string }[]) => messages.map((message) => ("text" in message ? String(message.text) : "")).join("\n");

  it("shows the demo organisation's audit with its criteria, scope, auditors and independence", async () => {
    const shown = texts(await say("daniel", "REV-0001"));
    expect(shown).toContain("Internal audit REV-0001: Claims AI systems: risk and impact assessment, operation and monitoring");
    expect(shown).toContain("Criteria: ISO/IEC 42001 clauses 6.1, 8.2–8.4 and 9.1; Annex A.5, A.6.2.4–A.6.2.6; the AI policy; the model release procedure");
    expect(shown).toContain("Auditors: Daniel Mensah, Amara Okafor.");
    expect(shown).toContain("Independent: no auditor owns a system in scope or the area audited.");
  });

  it("refuses an auditor who owns a system in scope, explains why, and keeps the answers to change the auditor", async () => {
    expect(firstOfKind(await say("sofia", "schedule audit"), "error")!.text).toBe("Only the governance team can schedule internal audits and management reviews.");
    expect(firstOfKind(await say("amara", "schedule audit 2027-03-10 Claims models: monitoring and human oversight"), "question")!.stepId).toBe("criteria");
    await say("amara", "ISO/IEC 42001 clause 9.1 and Annex A.6.2.6; the monitoring procedure");
    expect(firstOfKind(await say("amara", "the claims ones"), "error")!.text).toBe('Please list system references separated by commas, e.g. "AIS-0003, AIS-0007" (or "skip").');
    await say("amara", `${triage}, ${estimator.toLowerCase()}`, "skip", "Sofia Alvarez", "skip");
    const summary = firstOfKind(await say("amara", "skip"), "summary")!;
    expect(summary.fields.find((field) => field.label === "AI systems in scope")!.value).toBe([triage, estimator].sort().join(", "));

    const refused = await say("amara", "confirm");
    expect(firstOfKind(refused, "error")!.text).toBe(
      `An auditor should not audit their own work (ISO/IEC 42001 9.2.2): Sofia Alvarez owns ${triage} Claims Fast-Track Triage, which is in scope.\n` +
        'Choose another auditor (edit "Lead auditor" or "Second auditor"), or, if no one independent is available, edit "Independence" to say why they audit it and how objectivity is kept.',
    );
    expect(firstOfKind(refused, "summary")).toBeDefined();
    expect(await chat.database.prisma.scheduledReview.count({ where: { scope: "Claims models: monitoring and human oversight" } })).toBe(0);

    // Another lead auditor, independent of the claims systems: scheduled.
    const leadStep = summary.fields.findIndex((field) => field.label === "Lead auditor") + 1;
    await say("amara", `edit ${leadStep}`, "Daniel Mensah");
    const done = firstOfKind(await say("amara", "confirm"), "done")!;
    expect(done.title).toBe("Internal audit REV-0002 is scheduled for 10 March 2027: Claims models: monitoring and human oversight");
    expect(done.lines).toEqual(["Auditors: Daniel Mensah (lead). Daniel Mensah will be reminded before the date.", "Independence checked: no auditor owns a system in scope or the area audited."]);
    expect(await chat.database.prisma.scheduledReview.findUniqueOrThrow({ where: { reference: "REV-0002" } })).toMatchObject({
      criteria: "ISO/IEC 42001 clause 9.1 and Annex A.6.2.6; the monitoring procedure",
      scopeSystems: [triage, estimator].sort(),
      leadId: people.get("daniel"),
      auditorIds: [people.get("daniel")],
      independenceConflicts: [],
      independenceJustification: null,
    });
  });

  it("schedules an audit led by the area's owner only with a recorded justification", async () => {
    await say("amara", "schedule audit 2027-04-14 HR use of AI", "The AI policy; the HR AI procedure", "skip", "Priya Raman", "Priya Raman", "Daniel Mensah");
    const refused = firstOfKind(await say("amara", "skip", "confirm"), "error")!;
    expect(refused.text).toMatch(/^An auditor should not audit their own work \(ISO\/IEC 42001 9\.2\.2\): Priya Raman is responsible for the area audited\./);
    const summary = firstOfKind(await say("amara", "start over"), "question");
    expect(summary).toBeDefined();
    await say("amara", "cancel");

    await say("amara", "schedule audit 2027-04-14 HR use of AI", "The AI policy; the HR AI procedure", "skip", "Priya Raman", "Priya Raman", "Daniel Mensah");
    await say("amara", "Only Priya knows the HR tools; Daniel reviews every finding and signs the report");
    const done = firstOfKind(await say("amara", "confirm"), "done")!;
    expect(done.lines).toEqual([
      "Auditors: Priya Raman (lead), Daniel Mensah. Priya Raman will be reminded before the date.",
      "Not independent, with the justification recorded: Priya Raman is responsible for the area audited.",
    ]);
    expect(texts(await say("amara", done.reference))).toContain("Not independent (Priya Raman is responsible for the area audited); justified: Only Priya knows the HR tools; Daniel reviews every finding and signs the report.");
  });

  it("shows criteria, scope, auditors and independence in the audits register and the evidence pack", async () => {
    const table = await buildTable(chat.database.prisma, "reviews");
    expect(table.rows.find((row) => row.reference === "REV-0002")).toMatchObject({
      scopeSystems: [triage, estimator].sort(),
      criteria: "ISO/IEC 42001 clause 9.1 and Annex A.6.2.6; the monitoring procedure",
      auditorNames: ["Daniel Mensah"],
      independence: "Independent: no auditor owns a system in scope or the area audited",
    });
    const pack = await buildEvidencePack(chat.database.prisma, new Date(), { timeZone: "UTC", exportedBy: systemActor("cli") });
    const audits = String(pack.find((file) => file.path === "audits-and-management-reviews.md")!.content);
    expect(audits).toContain("| Criteria | AI systems in scope | Auditors | Independence |");
    expect(audits).toContain("| Daniel Mensah; Amara Okafor | Independent: no auditor owns a system in scope or the area audited |");
    expect(audits).toContain("Not independent (Priya Raman is responsible for the area audited); justified: Only Priya knows the HR tools");
    expect(String(pack.find((file) => file.path === "README.md")!.content)).toMatch(/9\.2\.2[^\n]*audits-and-management-reviews/);
  });
});
