// The dataset register (A.7), resources (A.4), obligations to customers (A.10.4) and the supplier
// review (A.10.3) through the local chat's HTTP API, over the demo organisation: recorded in
// conversation by those allowed, refused to others, reviewed from a reminder, exported and in the pack.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import type { OutgoingMessage } from "../../src/conversations/messages.js";
import { loadDemoOrganisation } from "../../src/demo/loadDemoOrganisation.js";
import { buildEvidencePack } from "../../src/export/evidencePack.js";
import { exportText } from "../../src/export/recordExport.js";
import { startService, type RunningService } from "../../src/service.js";
import { createStore } from "../../src/store/store.js";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase.js";
import { firstOfKind as find, localChatTurns } from "../support/localChatSession.js";
import { displayDate } from "../../src/domain/dateDisplay.js";

const day = 86_400_000;

describe("datasets, resources, customer obligations and supplier reviews in the local chat", () => {
  let database: TestDatabase;
  let service: RunningService;
  const people = new Map<string, string>();
  let now = new Date();
  const refs = new Map<string, string>();

  beforeAll(async () => {
    database = await openTestDatabase("embedded");
    const demo = await loadDemoOrganisation(createStore(database.prisma));
    for (const [key, id] of demo.personIds) people.set(key, id);
    service = await startService({ ...loadConfig({ LOCAL_CHAT: "on" }), port: 0 }, pino({ level: "silent" }), { database, clock: () => now });
    for (const system of await database.prisma.aiSystem.findMany()) refs.set(system.name, system.reference);
  });
  afterAll(async () => {
    await service.stop();
    await database.dispose();
  });

  const { say, click, turn } = localChatTurns(() => service.url, people);
  const shown = (messages: OutgoingMessage[]) => JSON.stringify(messages);
  const errorOf = (messages: OutgoingMessage[]) => find(messages, "error")?.text ?? "";
  const ref = (name: string) => refs.get(name)!;
  const pack = () => buildEvidencePack(database.prisma, now, { timeZone: "UTC", exportedBy: { personId: null, label: "test", channel: "cli" } });
  const readme = async () => (await pack()).find((file) => file.path === "README.md")!.content as string;

  it("shows the demo organisation's datasets to those who work on AI, and not to members", async () => {
    const list = find(await say("daniel", "datasets"), "record_list")!;
    expect(list.items.map((item) => item.reference)).toEqual(["DS-0001", "DS-0002", "DS-0003", "DS-0004"]);
    expect(list.items[0]!.text).toBe(`Motor and home claims 2019–2025 · used by ${ref("Claims Fast-Track Triage")} Claims Fast-Track Triage, ${ref("Claims Fraud Scoring")} Claims Fraud Scoring, ${ref("Claims Reserving Forecast")} Claims Reserving Forecast · contract · quality checked · owner Sofia Alvarez · review 31 May 2027`);
    expect(list.items[2]!.text).toContain("quality not checked yet");
    expect(find(await say("sofia", `datasets ${ref("Home Insurance Pricing Model")}`), "record_list")!.items.map((item) => item.reference)).toEqual(["DS-0002"]);
    expect(errorOf(await say("tom", "datasets"))).toBe("The dataset register is for system owners, managers, auditors and the governance team.");
    expect(errorOf(await say("tom", "add dataset"))).toBe("Only system owners and the governance team keep the dataset register.");
  });

  it("lets a system owner add a dataset of their own systems in a conversation, with a friendly refusal for someone else's", async () => {
    const fraud = ref("Claims Fraud Scoring");
    const churn = ref("Renewal Churn Propensity"); // Marcus's
    await say("sofia", "add dataset", "Fraud investigation outcomes 2021–2026");
    expect(errorOf(await say("sofia", "the fraud model"))).toContain("Please give the inventory references of the systems that use it");
    const reviewOn = new Date(now.getTime() + 5 * day).toISOString().slice(0, 10);
    await say("sofia", `${fraud}, ${churn}`, "Closed investigations in the special investigations unit's case system", "Legitimate interests", "Exported quarterly by the SIU analyst; claimant identifiers replaced by claim keys", "Every closed case has an outcome; no case counted twice", "skip", "Outcomes mapped to fraud / not fraud; cases under appeal excluded", "Six years after the case closes", "me", reviewOn);
    const refused = shown(await say("sofia", "confirm"));
    expect(refused).toContain(`You don't own ${churn}: only its owner or the governance team can record the data it uses.`);
    expect(await database.prisma.dataset.count()).toBe(4);

    // The answer is corrected from the summary; nothing else is asked again.
    await say("sofia", "edit 2", fraud);
    const done = find(await say("sofia", "confirm"), "done")!;
    expect(done.reference).toBe("DS-0005");

    const view = find(await say("daniel", "dataset DS-0005"), "notice")!;
    expect(view.text).toContain(`Used by: ${fraud} Claims Fraud Scoring`);
    expect(view.text).toContain("Lawful basis: Legitimate interests");
    expect(view.text).toContain('Quality results: not checked yet ("quality DS-0005 <results>" records them)');
    expect(view.text).toMatch(/History:\n• \d{1,2} [A-Z][a-z]+ \d{4} Sofia Alvarez: added it/);
    expect(view.actions).toEqual([]); // an auditor reads, the owner acts

    expect(errorOf(await say("kenji", "quality DS-0005 all fine"))).toBe("Only the owner of DS-0005 or the governance team can change it.");
    expect(find(await say("sofia", "quality DS-0005 2026-11: 3,412 closed cases, 100% with an outcome, 0 duplicates"), "text")!.text).toContain("Quality results of DS-0005 recorded");
    expect(find(await say("sofia", "DS-0005"), "notice")!.text).toMatch(/• \d{1,2} [A-Z][a-z]+ \d{4} Sofia Alvarez: changed quality results/);
  });

  it("lets the owner correct an entry from what is recorded, keeping the change in its history", async () => {
    expect(errorOf(await say("sofia", "edit DS-0003"))).toBe("Only the owner of DS-0003 or the governance team can change it.");
    expect(shown(await say("kenji", "edit DS-0003"))).toContain("Here is DS-0003 as recorded. Edit whatever has changed, then confirm.");
    await say("kenji", "edit 7", "2026-12: all 58,000 photos have a settled cost; smallest damage type 640 photos");
    const done = find(await say("kenji", "confirm"), "done")!;
    expect(done.title).toBe("DS-0003 ClaimsDesk damage photos (licensed by customers) is updated");
    const entry = find(await say("kenji", "dataset DS-0003"), "notice")!.text;
    expect(entry).toContain("Quality results: 2026-12: all 58,000 photos have a settled cost");
    expect(entry).toMatch(/• \d{1,2} [A-Z][a-z]+ \d{4} Kenji Tan: changed quality results$/m);
    expect(await database.prisma.dataset.count()).toBe(5);
  });

  it("reminds the owner before a dataset's review, and Mark reviewed sets the next a year on", async () => {
    await service.runScheduledWork();
    const reminders = await database.prisma.notification.findMany({ where: { audience: `person:${people.get("sofia")}`, recordRef: "dataset:DS-0005" } });
    expect(reminders.map((notice) => notice.text).join("\n")).toContain("The review of dataset DS-0005 Fraud investigation outcomes 2021–2026");
    expect(JSON.stringify(reminders[0]!.actions)).toContain('"label":"Mark reviewed"');

    expect(errorOf(await click("kenji", "DS-0005", "reviewed"))).toBe("Only the owner of DS-0005 or the governance team can change it.");
    const reviewed = find(await click("sofia", "DS-0005", "reviewed"), "text")!.text;
    const nextYear = new Date(now);
    nextYear.setUTCFullYear(nextYear.getUTCFullYear() + 1);
    expect(reviewed).toBe(`The review of DS-0005 Fraud investigation outcomes 2021–2026 is recorded today. The next one is due on ${displayDate(nextYear)}.`);
    const pending = await database.prisma.notificationDelivery.count({ where: { status: "pending", notification: { recordRef: "dataset:DS-0005", kind: "reminder" } } });
    expect(pending).toBe(0);
  });

  it("records the resources of a system for its owner only, and lists them with its datasets", async () => {
    const nora = ref("Nora Customer Assistant");
    expect(errorOf(await say("sofia", `add resource ${nora}`))).toMatch(/^Only the governance team or the owner can record the resources of this AI system\. Ask the owner of AIS-\d{4}\.$/);
    await say("kenji", `add resource ${nora}`, "People and skills", "Prompt engineering rota", "Two engineers review Nora's prompts monthly; competence recorded in training records", "skip");
    const done = find(await say("kenji", "confirm"), "done")!;
    expect(done.reference).toBe("RES-0009");
    expect(done.title).toBe(`RES-0009: people and skills "Prompt engineering rota" recorded for ${nora} Nora Customer Assistant`);
    const list = find(await say("priya", `resources ${nora}`), "record_list")!;
    expect(list.items.map((item) => item.text)).toContain(`${nora} Nora Customer Assistant · Computing: Provisioned throughput in Sweden Central · Reserved capacity for Nora's peak of 300 conversations an hour; data stays in the EU · provided by Microsoft Azure`);
    expect(list.items.map((item) => item.reference)).toContain("RES-0009");
    expect(errorOf(await say("tom", "resources"))).toMatch(/^Only .* can see the resources of AI systems\.$/);
  });

  it("keeps obligations to customers: recorded by governance, reviewed by their owner", async () => {
    const estimator = ref("ClaimsDesk Damage Photo Estimator");
    expect(errorOf(await say("kenji", "add obligation"))).toBe("Only the governance team records obligations to customers.");
    await say("amara", `add obligation ${estimator}`, "Harbour Insurance (pilot customer)", "Photos they upload are deleted within 30 days of the claim closing", "Pilot agreement HI-2026-07 §5", "Kenji", "2027-06-30");
    const done = find(await say("amara", "confirm"), "done")!;
    expect(done.reference).toBe("COB-0004");
    const list = find(await say("daniel", `customer obligations ${estimator}`), "record_list")!;
    expect(list.items.map((item) => item.reference)).toEqual(["COB-0002", "COB-0004"]);
    expect(list.items[1]!.text).toBe(`to Harbour Insurance (pilot customer) · ${estimator} ClaimsDesk Damage Photo Estimator · we promise: Photos they upload are deleted within 30 days of the claim closing · written in Pilot agreement HI-2026-07 §5 · owner Kenji Tan · review 30 June 2027`);
    expect(errorOf(await say("sofia", "COB-0004 reviewed"))).toBe("Only the owner of COB-0004 or the governance team can record its review.");
    expect(find(await say("kenji", "COB-0004 reviewed"), "text")!.text).toMatch(/^The review of COB-0004 \(Harbour Insurance \(pilot customer\)\) is recorded today\. The next one is due on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    expect(errorOf(await say("tom", "customer obligations"))).toMatch(/^Only .* can see obligations to customers\.$/);
  });

  it("reminds a supplier's owner before its review; Mark reviewed records it and snoozing works", async () => {
    // The demo's AWS entry (Sofia's) is reviewed on 2027-02-15 and Microsoft's (Grace's) on 2027-03-31.
    now = new Date("2027-02-10T10:00:00Z");
    await service.runScheduledWork();
    const reminder = await database.prisma.notification.findFirstOrThrow({ where: { audience: `person:${people.get("sofia")}`, recordRef: "supplier:SUP-0004" } });
    expect(reminder.text).toContain("The review of supplier SUP-0004 Amazon Web Services");
    expect(JSON.stringify(reminder.actions)).toContain('"label":"Mark reviewed"');

    expect(errorOf(await say("tom", "SUP-0004 reviewed"))).toBe("Only the owner of SUP-0004 or the governance team can record its review.");
    // The service's clock moves the reminder scan; the conversations keep the real day.
    const today = new Date().toISOString().slice(0, 10);
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    expect(find(await click("sofia", "SUP-0004", "reviewed"), "text")!.text).toBe(`The review of SUP-0004 Amazon Web Services is recorded today. The next one is due on ${displayDate(nextYear)}.`);
    expect(await database.prisma.supplier.findUniqueOrThrow({ where: { reference: "SUP-0004" } })).toMatchObject({ lastReviewedOn: new Date(`${today}T00:00:00Z`), reviewDate: new Date(`${nextYear}T00:00:00Z`) });
    expect(shown(await say("daniel", "suppliers"))).toContain(`review ${displayDate(nextYear)} (last reviewed ${displayDate(today)})`);

    // Grace snoozes Microsoft's reminder from the reminder itself (the snooze is checked against the supplier's owner).
    now = new Date("2027-03-25T10:00:00Z");
    await service.runScheduledWork();
    const snoozed = find(await turn("grace", { kind: "reminder_action", item: "supplier:SUP-0001", action: "snooze_week" }), "text")!.text;
    expect(snoozed).toMatch(/^Snoozed until \d{1,2} [A-Z][a-z]+ \d{4}\. I'll remind you again then if it is still open\.$/);
    expect(await database.prisma.reminderState.findUniqueOrThrow({ where: { itemKey: "supplier:SUP-0001" } })).toMatchObject({ snoozedUntil: expect.any(Date) });
    expect(errorOf(await turn("tom", { kind: "reminder_action", item: "supplier:SUP-0001", action: "snooze_day" }))).toMatch(/This reminder is for someone else/);
    const history = await database.prisma.changeLog.findMany({ where: { entityRef: "SUP-0004" }, orderBy: { id: "asc" } });
    expect(history.map((entry) => `${entry.action}/${entry.actorLabel}/${entry.channel}`)).toEqual(["create/Amara Okafor/cli", "update/Sofia Alvarez/local_chat"]);
  });

  it("exports the three registers and puts them in the evidence pack with what they evidence", async () => {
    const datasets = JSON.parse(await exportText(database.prisma, "datasets", "json")) as Record<string, unknown>[];
    expect(datasets.find((row) => row.reference === "DS-0005")).toMatchObject({ systemReferences: [ref("Claims Fraud Scoring")], lawfulBasis: "legitimate_interests", ownerName: "Sofia Alvarez", lastChangedBy: "Sofia Alvarez", lastChangeChannel: "local_chat" });
    const resources = (await exportText(database.prisma, "ai-resources", "csv")).split("\n");
    expect(resources[0]).toContain("reference,systemId,kind,name,details,provider");
    expect(resources.some((line) => line.includes("RES-0009") && line.includes("Prompt engineering rota") && line.includes("People and skills"))).toBe(true);
    const obligations = await exportText(database.prisma, "customer-obligations", "md");
    expect(obligations).toContain("Harbour Insurance (pilot customer)");

    const index = await readme();
    expect(index).toMatch(/\| Datasets used by AI systems \| [^|]+ \| 5 \| dataset-register\.md, dataset-register\.csv, dataset-register\.json \|/);
    expect(index).toMatch(/\| Resources of the AI systems \| [^|]+ \| 9 \|/);
    expect(index).toMatch(/\| Obligations to customers \| [^|]+ \| 4 \|/);
    // Quality (A.7.4) counts only the datasets whose checks have results (DS-0003's were added in chat).
    expect(index).toContain("| A.7.4 Defining and meeting data quality | dataset-register.md: 5 |");
    expect(index).toContain("| A.7.5 Recording where data came from | dataset-register.md: 5 |");
    expect(index).toContain("| A.4.5 Documenting system and computing resources | ai-resources.md: 3 |");
    expect(index).toContain("| A.4.6 Documenting human resources and skills | ai-resources.md: 3 |");
    expect(index).toContain("| A.10.4 Meeting customer expectations and needs | customer-obligations.md: 4 |");
    expect(index).toMatch(/\| A\.10\.3 Managing AI suppliers \| [^|]*supplier-register\.md: 3/);
  });

  it("adds nothing when the demo organisation is loaded again", async () => {
    const counts = () => Promise.all([database.prisma.dataset.count(), database.prisma.aiResource.count(), database.prisma.customerObligation.count(), database.prisma.supplier.count(), database.prisma.externalNotification.count()]);
    const before = await counts();
    expect(before).toEqual([5, 9, 4, 4, 2]);
    await loadDemoOrganisation(createStore(database.prisma));
    expect(await counts()).toEqual(before);
    const documented = await database.prisma.aiSystem.findMany({ where: { userDocumentationUrl: { not: null } }, orderBy: { reference: "asc" } });
    expect(documented.map((system) => system.name)).toEqual(["Claims Fast-Track Triage", "Nora Customer Assistant", "ClaimsDesk Email Reply Assistant"]);
  });
});
