// Controlled policy documents and acknowledgement campaigns through the local chat's HTTP API, over
// the demo organisation, with POLICY_DIR a copy of the sample policies that the test then edits.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { exportText } from "../../src/export/recordExport.js";
import { queueReminders } from "../../src/reminders/reminderScan.js";
import { startService, type RunningService } from "../../src/service.js";
import { createStore } from "../../src/store/store.js";
import { governanceAudience, personAudience } from "../../src/store/notifications.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";
import { firstOfKind as find, localChatTurns } from "../support/localChatSession.js";

const reminderSettings = { daysBefore: [14, 7, 1], workingHours: { start: 9, end: 17 }, attestationMonths: 6, escalateAfterDays: 7 };

describe("controlled policy documents and acknowledgement campaigns in the local chat", () => {
  let database: TestDatabase;
  let service: RunningService;
  let policyDir: string;
  const people = new Map<string, string>();

  beforeAll(async () => {
    policyDir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-policies-"));
    for (const file of fs.readdirSync("policies")) fs.copyFileSync(path.join("policies", file), path.join(policyDir, file));
    database = await openTestDatabase("embedded");
    const demo = await loadDemoOrganisation(createStore(database.prisma));
    for (const [key, id] of demo.personIds) people.set(key, id);
    service = await startService({ ...loadConfig({ LOCAL_CHAT: "on", POLICY_DIR: policyDir }), port: 0 }, pino({ level: "silent" }), { database });
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
    fs.rmSync(policyDir, { recursive: true, force: true });
  });

  const { say, click, turn } = localChatTurns(() => service.url, people);
  const reference = async (fileName: string) => (await database.prisma.policyDocument.findUniqueOrThrow({ where: { fileName } })).reference;

  it("lists each policy file with its version, approval, owner and next review", async () => {
    const list = find(await say("tom", "policy documents"), "record_list")!;
    expect(list.items).toHaveLength(3);
    const acceptableUse = list.items.find((item) => item.text.includes("acceptable use") || item.text.includes("Acceptable Use"))!;
    expect(acceptableUse.text).toMatch(/v1 .*approved 1 September 2026 · owner Amara Okafor · review 1 September 2027/);
    const card = find(await say("tom", `document ${acceptableUse.reference}`), "notice")!;
    expect(card.text).toContain("Owner: Amara Okafor; approver: Priya Raman; next review: 1 September 2027.");
    expect(card.text).toMatch(/• v1.*approved by Priya Raman on 1 September 2026 \(sha256 [0-9a-f]{12}…\)/);
    expect(card.actions).toEqual([]); // a member may read the register, not change it
  });

  it("records a new version when a file's content changes, to be approved by its approver", async () => {
    const pol = await reference("ai-acceptable-use-policy.md");
    fs.appendFileSync(path.join(policyDir, "ai-acceptable-use-policy.md"), "\n\n## Meeting note-takers\n\nAI note-takers may join internal meetings only.\n");
    const card = find(await say("amara", `document ${pol}`), "notice")!;
    // The file still states "Version 2.1": the register tells the versions apart by their content.
    expect(card.text).toMatch(/• v2 \(Version 2\.1\), seen \d{1,2} [A-Z][a-z]+ \d{4}, awaiting approval/);
    expect(card.actions.map((action) => action.label)).toEqual(["Approve this version", "Edit register entry", "Ask people to acknowledge"]);
    const notice = await database.prisma.notification.findFirstOrThrow({ where: { audience: governanceAudience, kind: "policy_version_detected" } });
    expect(notice.subject).toMatch(new RegExp(`changed: ${pol} v2 needs approval$`));
    expect(await database.prisma.changeLog.count({ where: { entityType: "PolicyVersion", entityRef: `${pol} v2`, action: "create" } })).toBe(1);
    // Looking again does not record the same content twice.
    await say("amara", "policy documents");
    expect(await database.prisma.policyVersion.count({ where: { document: { reference: pol } } })).toBe(2);

    expect(find(await say("tom", `approve ${pol}`), "error")!.text).toBe(`Only Priya Raman, its approver, or the governance team can approve ${pol}.`);
    expect(find(await click("priya", pol, "approve"), "text")!.text).toBe(`${pol} v2 is approved. The next review of ${pol} is due on 1 September 2027.`);
    expect(find(await say("priya", `approve ${pol}`), "error")!.text).toMatch(new RegExp(`^${pol} v2 is already approved by Priya Raman on`));
  });

  it("asks a role to acknowledge the approved version by DM, and records who has read it", async () => {
    const pol = await reference("ai-acceptable-use-policy.md");
    expect(find(await say("sofia", `campaign ${pol}`), "error")!.text).toBe("Only the governance team can start acknowledgement campaigns.");
    const question = find(await say("amara", `campaign ${pol}`), "question")!;
    expect(question.stepId).toBe("audience");
    await say("amara", "AI system owners", "2027-01-15");
    const done = find(await say("amara", "confirm"), "done")!;
    const ack = done.reference;
    const owners = await database.prisma.person.count({ where: { roles: { has: "owner" } } });
    expect(done.lines[0]).toBe(`${owners} people have been asked by direct message to read it by 15 January 2027.`);

    const request = await database.prisma.notification.findFirstOrThrow({ where: { audience: personAudience(people.get("kenji")!), kind: "policy_acknowledgement_request", recordRef: ack } });
    expect(request.text).toContain("In short: Use only approved AI tools for work");
    expect(request.actions).toEqual([{ label: "I have read it", input: { kind: "record_action", reference: ack, action: "acknowledge" } }]);
    expect(await database.prisma.notification.count({ where: { audience: personAudience(people.get("tom")!), recordRef: ack } })).toBe(0);

    expect(find(await click("sofia", ack, "acknowledge"), "text")!.text).toMatch(/^Thank you: your confirmation that you have read .* \(v2 \(Version 2\.1\)\) is recorded\.$/);
    expect(find(await click("sofia", ack, "acknowledge"), "text")!.text).toMatch(/^You already confirmed reading/);
    expect(find(await say("hannah", `read ${ack}`), "text")!.text).toMatch(/^Thank you/);
    expect(find(await click("tom", ack, "acknowledge"), "error")!.text).toMatch(new RegExp(`^${ack} did not ask you to read`));
    expect((await database.prisma.changeLog.findFirstOrThrow({ where: { entityType: "Acknowledgement", entityRef: `${ack} Sofia Alvarez` } })).channel).toBe("local_chat");

    const status = find(await say("daniel", `campaign ${ack}`), "notice")!.text;
    expect(status).toContain(`Confirmed: 2 of ${owners}.`);
    expect(status).toMatch(/Have read it: Hannah Vogel \(\d{1,2} [A-Z][a-z]+ \d{4}\), Sofia Alvarez \(\d{1,2} [A-Z][a-z]+ \d{4}\)\./);
    expect(status).toMatch(/Not yet: .*Kenji Tan/);
    expect(find(await say("tom", `campaign ${ack}`), "error")!.text).toBe("Only the governance team, auditors and managers can see acknowledgement campaigns.");
    expect(find(await say("daniel", "campaigns"), "record_list")!.items.map((item) => item.reference)).toEqual([ack, "ACK-0001"]);
  });

  it("reminds those who have not read it, and policy owners before a review", async () => {
    const ack = "ACK-0002";
    await queueReminders(database.prisma, new Date("2027-01-08T12:00:00Z"), reminderSettings);
    const kenji = await database.prisma.notification.findFirstOrThrow({ where: { audience: personAudience(people.get("kenji")!), kind: "reminder", recordRef: `acknowledge:${ack}/${people.get("kenji")}` } });
    expect(kenji.subject).toMatch(/^Reminder: Reading .* and confirming it \(ACK-0002\)$/);
    expect(JSON.stringify(kenji.actions)).toContain('"label":"I have read it"');
    expect(await database.prisma.notification.count({ where: { kind: "reminder", recordRef: `acknowledge:${ack}/${people.get("sofia")}` } })).toBe(0);

    const dataRules = await reference("ai-data-handling-rules.md"); // next review 10 December 2026, owner Lukas
    await queueReminders(database.prisma, new Date("2026-12-03T12:00:00Z"), reminderSettings);
    const review = await database.prisma.notification.findFirstOrThrow({ where: { kind: "reminder", recordRef: `policy:${dataRules}` } });
    expect(review.audience).toBe(personAudience(people.get("lukas")!));
    expect(find(await turn("tom", { kind: "reminder_action", item: `policy:${dataRules}`, action: "done" }), "error")!.text).toMatch(/^This reminder is for someone else/);
    expect(find(await turn("lukas", { kind: "reminder_action", item: `policy:${dataRules}`, action: "done" }), "text")!.text).toMatch(new RegExp(`^The review of ${dataRules} is recorded. The next one is due on \\d{1,2} [A-Z][a-z]+ \\d{4}\\.$`));
  });

  it("exports the policy versions and who has acknowledged them in the evidence pack", async () => {
    const pack = await buildEvidencePack(database.prisma, new Date(), { timeZone: "UTC", exportedBy: { personId: null, label: "test", channel: "cli" } });
    const index = (pack.find((file) => file.path === "README.md")!.content as string);
    expect(index).toMatch(/\| Controlled policy documents and their versions \| [^|]+ \| 4 \| policy-versions\.md/);
    expect(index).toMatch(/\| Policy acknowledgements \| [^|]+ \| \d+ \| policy-acknowledgements\.md/);
    const versions = JSON.parse((pack.find((file) => file.path === "policy-versions.json")!.content as string)) as { version: string; approvedByName: string | null; contentHash: string }[];
    expect(versions.map((version) => version.version)).toEqual(["v1", "v2", "v1", "v1"].map((label) => expect.stringMatching(new RegExp(`^${label}`))));
    const acks = JSON.parse((pack.find((file) => file.path === "policy-acknowledgements.json")!.content as string)) as { campaign: string; personName: string; acknowledged: boolean }[];
    expect(acks.filter((row) => row.campaign === "ACK-0002" && row.acknowledged).map((row) => row.personName)).toEqual(["Hannah Vogel", "Sofia Alvarez"]);
    expect(acks.filter((row) => row.campaign === "ACK-0001" && row.acknowledged)).toHaveLength(6); // the demo organisation's campaign
  });

  it("lets governance close a campaign with a final record of who has and has not read it; nobody is chased or can confirm after", async () => {
    const ack = "ACK-0002";
    expect(find(await say("sofia", `close campaign ${ack}`), "error")!.text).toBe("Only the governance team can close acknowledgement campaigns.");
    const closed = find(await say("amara", `close campaign ${ack}`), "notice")!;
    expect(closed.subject).toMatch(new RegExp(`^${ack} closed: the final record of who has read `));
    expect(closed.text).toMatch(/^Confirmed: 2 of \d+\.\nHave read it: Hannah Vogel \(\d{1,2} [A-Z][a-z]+ \d{4}\), Sofia Alvarez \(\d{1,2} [A-Z][a-z]+ \d{4}\)\.\nHad not confirmed: [^\n]*Kenji Tan/);
    expect(find(await say("amara", `campaign ${ack} close`), "error")!.text).toBe(`${ack} is already closed; "campaign ${ack}" shows its final record.`);
    expect(find(await say("daniel", `campaign ${ack}`), "notice")!.text).toContain("(closed: the final record)");

    // The final record is in the change history, with who closed it.
    const entry = await database.prisma.changeLog.findFirstOrThrow({ where: { entityType: "AcknowledgementCampaign", entityRef: ack, action: "status_change" } });
    expect(entry.actorLabel).toBe("Amara Okafor");
    expect((entry.changes as { notConfirmed: { to: string[] } }).notConfirmed.to).toContain("Kenji Tan");
    expect((entry.changes as { confirmed: { to: string[] } }).confirmed.to).toEqual([expect.stringMatching(/^Hannah Vogel \(/), expect.stringMatching(/^Sofia Alvarez \(/)]);

    // Nobody is chased any more, and a late confirmation is refused with the reason.
    const before = await database.prisma.notification.count({ where: { recordRef: { startsWith: `acknowledge:${ack}/` } } });
    await queueReminders(database.prisma, new Date("2027-01-20T12:00:00Z"), reminderSettings);
    expect(await database.prisma.notification.count({ where: { recordRef: { startsWith: `acknowledge:${ack}/` } } })).toBe(before);
    expect(find(await click("kenji", ack, "acknowledge"), "error")!.text).toMatch(new RegExp(`^${ack} is closed: the governance team has taken its final record\\.`));
    const rows = JSON.parse(await exportText(database.prisma, "acknowledgements", "json")) as { campaign: string; campaignStatus: string }[];
    expect(new Set(rows.filter((row) => row.campaign === ack).map((row) => row.campaignStatus))).toEqual(new Set(["closed"]));
  });
});
