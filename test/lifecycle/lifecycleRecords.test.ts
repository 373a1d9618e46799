// The AI system life cycle through the local chat's HTTP API, over the demo organisation: records
// added in conversation, revised as new versions, test results accepted by a second person, approval
// refused until the tier's records are on file, the out-of-date view, and the export.
import { beforeAll, describe, expect, it } from "vitest";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { exportText } from "../../src/export/recordExport.js";
import { inventoryStatus } from "../../src/changeControl/inventoryStatus.js";
import { readinessReport } from "../../src/readiness/readinessReport.js";
import { governanceAudience } from "../../src/store/notifications.js";
import { firstOfKind as find, useLocalChat } from "../support/localChatSession.js";

describe("AI system life-cycle records in the local chat", () => {
  const chat = useLocalChat();
  const { people } = chat;
  let screening: string; // Workday Recruiting Candidate Screening: high tier, pending review, owner Hannah
  let submissions: string; // Commercial Submission Triage: medium tier, pending review, owner Priya, requirements only
  let triage: string; // Claims Fast-Track Triage: high tier, approved, owner Sofia

  beforeAll(async () => {
    const referenceOf = async (name: string) => (await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { name } })).reference;
    screening = await referenceOf("Workday Recruiting Candidate Screening");
    submissions = await referenceOf("Commercial Submission Triage");
    triage = await referenceOf("Claims Fast-Track Triage");
  });

  const { say, click } = chat;

  it("shows a demo system's records and that nothing its tier needs is missing; others may not look", async () => {
    const view = find(await say("sofia", `lifecycle ${triage}`), "notice")!;
    expect(view.subject).toBe(`Life cycle of ${triage} Claims Fast-Track Triage`);
    expect(view.text).toContain("Risk tier: High.");
    expect(view.text).toMatch(/Verification and validation result \(A\.6\.2\.4\), needed for its tier:\n• LCR-\d{4} v1: Precision of fast-track decisions .*: 0\.97 against ≥ 0\.95, passed, accepted 27 November 2026 \(Sofia Alvarez/);
    expect(view.text).toContain("Everything its high tier needs is on file.");
    // The demo organisation is consistent with its approvals: no approved system lacks what its tier needs.
    const approved = (await inventoryStatus(chat.database.prisma, new Date())).filter((entry) => entry.status === "approved");
    expect(approved.filter((entry) => entry.riskTier !== "low")).toHaveLength(11);
    expect(approved.filter((entry) => entry.lifecycleGaps.length > 0).map((entry) => entry.reference)).toEqual([]);
    expect(find(await say("tom", `lifecycle ${triage}`), "error")!.text).toBe(`Only the governance team, auditors, managers and the owner of ${triage} can see its life-cycle records.`);
  });

  it("refuses to approve a medium-tier system until its records are on file, naming each and the command that adds it", async () => {
    const refusal = find(await click("amara", submissions, "approve"), "error")!.text;
    expect(refusal).toBe(
      `${submissions} is a medium-tier system: it needs a verification and validation result (add verification ${submissions}) and a monitoring plan (add monitoring plan ${submissions}) before it can be approved.`,
    );
    const system = find(await say("amara", `system ${submissions}`), "notice")!;
    expect(system.text).toContain(`Life-cycle records missing for its tier: verification and validation result, monitoring plan (lifecycle ${submissions}).`);
    expect(system.actions.map((action) => action.label)).toEqual(["Reject"]);
  });

  it("records test results in conversation, deriving pass or fail from the threshold", async () => {
    expect(find(await say("tom", `add verification ${submissions}`), "error")!.text).toBe(`Only the governance team, auditors, managers and the owner of ${submissions} can see its life-cycle records.`);
    const first = find(await say("priya", `add test results ${submissions}`), "question")!;
    expect(first.stepId).toBe("metric");
    const threshold = find(await say("priya", "Share of submissions routed to the right line (300 sampled)"), "question")!;
    expect(threshold.stepId).toBe("threshold");
    expect(find(await say("priya", "90%"), "error")!.text).toMatch(/with its direction, e.g\. ">= 0\.85"/);
    await say("priya", "at least 90%", "87%", "300 submissions from October checked by two underwriters", "skip");
    const done = find(await say("priya", "confirm"), "done")!;
    expect(done.title).toMatch(new RegExp(`^Recorded LCR-\\d{4}: verification and validation result of ${submissions} Commercial Submission Triage$`));
    expect(done.lines[0]).toBe("Result 87% against ≥ 90%: did not pass.");
    expect(done.lines[1]).toContain(`verification results that meet their thresholds (${done.reference} did not: "update ${done.reference}" records a new result)`);
    expect(find(await click("amara", submissions, "approve"), "error")!.text).toContain(`${done.reference} did not`);
  });

  it("revises a record as a new version, keeping the one before, with its change history", async () => {
    const record = (await chat.database.prisma.lifecycleRecord.findFirstOrThrow({ where: { system: { reference: submissions }, kind: "verification" } })).reference;
    const opened = await say("priya", `update ${record}`);
    expect(find(opened, "text")!.text).toMatch(new RegExp(`^Here is ${record} as recorded\\. Edit what has changed, then confirm: it is saved as a new version`));
    await say("priya", "edit result", "92%", "edit how tested", "300 submissions from October, rechecked after the retraining in November");
    const done = find(await say("priya", "confirm"), "done")!;
    expect(done.title).toBe(`Saved ${record} version 2: verification and validation result of ${submissions}`);
    expect(done.lines[0]).toBe("Result 92% against ≥ 90%: passed.");
    const versions = await chat.database.prisma.lifecycleRecord.findMany({ where: { reference: record }, orderBy: { version: "asc" } });
    expect(versions.map((version) => [version.version, version.resultValue, version.passed, version.supersededAt !== null])).toEqual([[1, 87, false, true], [2, 92, true, false]]);
    const history = await chat.database.prisma.changeLog.findMany({ where: { entityType: "LifecycleRecord", entityRef: record }, orderBy: { id: "asc" } });
    expect(history.map((entry) => [entry.action, entry.actorLabel])).toEqual([["create", "Priya Raman"], ["update", "Priya Raman"]]);
    expect((history[1]!.changes as Record<string, { from: unknown; to: unknown }>).resultValue).toEqual({ from: 87, to: 92 });
    const shown = find(await say("priya", `lifecycle ${record}`), "notice")!;
    expect(shown.text).toMatch(/• v1 recorded by Priya Raman on \d{1,2} [A-Z][a-z]+ \d{4}, replaced on \d{1,2} [A-Z][a-z]+ \d{4}\n• v2 recorded by Priya Raman on \d{1,2} [A-Z][a-z]+ \d{4} \(current\)/);
  });

  it("records a monitoring plan (what is watched, how often, who), after which the medium-tier system can be approved", async () => {
    await say("priya", `add monitoring plan ${submissions}`, "performance, drift", "monthly", "me", "Routing accuracy below 85% in a month: retrain and tell underwriting", "skip");
    const done = find(await say("priya", "confirm"), "done")!;
    expect(done.lines).toContain(`${submissions} has every life-cycle record its medium tier needs.`);
    const plan = await chat.database.prisma.lifecycleRecord.findFirstOrThrow({ where: { reference: done.reference } });
    expect([plan.watches, plan.frequency, plan.responsibleId]).toEqual([["performance", "drift"], "monthly", people.get("priya")]);
    expect(find(await click("amara", submissions, "approve"), "text")!.text).toBe(`${submissions} Commercial Submission Triage is approved. Its owner has been told.`);
  });

  it("keeps a high-tier system from approval until test results are accepted by someone other than who recorded them", async () => {
    const refusal = find(await click("amara", screening, "approve"), "error")!.text;
    expect(refusal.split("\n")).toEqual([
      `${screening} is a high-tier system. Before it can be approved it needs:`,
      `• a risk assessment (assess risk ${screening})`,
      `• an impact assessment (assess impact ${screening})`,
      `• its requirements and specification (add requirements ${screening})`,
      `• a verification and validation result (add verification ${screening})`,
      `• a deployment plan (add deployment plan ${screening})`,
      `• a monitoring plan (add monitoring plan ${screening})`,
      `• its technical documentation (add technical documentation ${screening})`,
      `• an event-logging record (add event logging ${screening})`,
    ]);
    await say("amara", `add verification ${screening}`, "Selection-rate ratio between age groups (4,000 past applications)", "at least 0.8", "0.86", "Vendor's adverse-impact test rerun on our 2025 applications", "skip");
    const results = find(await say("amara", "confirm"), "done")!;
    const told = await chat.database.prisma.notification.findFirstOrThrow({ where: { audience: governanceAudience, kind: "lifecycle_verification_recorded", recordRef: results.reference } });
    expect(told.actions).toEqual([{ label: "Accept results", input: { kind: "record_action", reference: results.reference, action: "accept" } }]);
    expect(find(await click("amara", results.reference, "accept"), "error")!.text).toBe(`You recorded ${results.reference}; someone else in the governance team accepts it, so that results are checked by a second person.`);
    expect(find(await click("hannah", results.reference, "accept"), "error")!.text).toBe("Only the governance team can accept verification and validation results.");
    expect(find(await say("lukas", `accept ${results.reference}`), "text")!.text).toBe(`${results.reference} version 1 is accepted by you today.`);
    const accepted = await chat.database.prisma.lifecycleRecord.findFirstOrThrow({ where: { reference: results.reference } });
    expect(accepted.acceptedById).toBe(people.get("lukas"));
    expect(find(await click("amara", screening, "approve"), "error")!.text).not.toContain("add verification");
  });

  it("reports approved systems that lack their records in the out-of-date view and the readiness checklist", async () => {
    const lifecycleItem = async () => (await readinessReport(chat.database.prisma, { now: new Date() })).stageOneChecklist.find((item) => item.title === "AI system life cycle (A.6.2)")!;
    expect(await lifecycleItem()).toMatchObject({ done: true, shows: "12 of 12 approved medium or high-tier systems have the life-cycle records their tier needs." });
    const triageSystem = await chat.database.prisma.aiSystem.findFirstOrThrow({ where: { reference: triage } });
    await chat.database.prisma.lifecycleRecord.updateMany({ where: { systemId: triageSystem.id, kind: "event_logging" }, data: { supersededAt: new Date() } });
    const entry = (await inventoryStatus(chat.database.prisma, new Date())).find((each) => each.reference === triage)!;
    expect(entry.reasons).toContain(`approved without the life-cycle records its tier needs: event-logging record (lifecycle ${triage})`);
    const list = find(await say("amara", "out of date"), "record_list")!;
    expect(list.items.find((item) => item.reference === triage)!.text).toContain("event-logging record");
    expect(await lifecycleItem()).toMatchObject({ done: false, shows: `11 of 12 approved medium or high-tier systems have the life-cycle records their tier needs; not ${triage}.` });
    await chat.database.prisma.lifecycleRecord.updateMany({ where: { systemId: triageSystem.id, kind: "event_logging" }, data: { supersededAt: null } });
  });

  it("exports the register with every version, and the pack maps current records to A.6.2.2–A.6.2.8", async () => {
    const rows = JSON.parse(await exportText(chat.database.prisma, "lifecycle-records", "json")) as { reference: string; version: number; current: boolean; control: string; passed: boolean | null; acceptedBy: string | null; kind: string }[];
    const revised = rows.filter((row) => row.kind === "verification" && rows.some((other) => other.reference === row.reference && other.version === 2));
    expect(revised.length).toBeGreaterThanOrEqual(4); // the demo's fraud model and the test's system, two versions each
    const csv = await exportText(chat.database.prisma, "lifecycle-records", "csv");
    expect(csv.split("\n")[0]).toContain("reference,version,current,supersededAt,systemReference");
    const pack = await buildEvidencePack(chat.database.prisma, new Date(), { timeZone: "UTC", exportedBy: { personId: null, label: "test", channel: "cli" } });
    const index = pack.find((file) => file.path === "README.md")!.content as string;
    const current = rows.filter((row) => row.current).length;
    expect(index).toMatch(new RegExp(`\\| AI system life-cycle records \\| [^|]+ \\| ${rows.length} \\| lifecycle-records\\.md`));
    for (const control of ["A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8"]) expect(index).toMatch(new RegExp(`${control.replace(/\./g, "\\.")}[^\\n]*lifecycle-records`));
    const markdown = pack.find((file) => file.path === "lifecycle-records.md")!.content as string;
    expect(markdown).toContain(`${current} current records; ${rows.length - current} earlier versions are in the CSV and JSON.`);
    expect(markdown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
