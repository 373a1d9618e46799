// A demo organisation taken through the whole management-system loop in the local chat, phase by
// phase, then the evidence pack it asked for in chat, unzipped and checked against the records.
//
// The eight phases, as this project numbers them: 1 AI inventory, 2 gap analysis, 3 risk and impact
// assessment, 4 incident management, 5 Statement of Applicability, 6 approval of systems,
// 7 internal audit and management review, 8 improvement (nonconformities, corrective actions) and
// the evidence pack. Between 7 and 8 come the records a stage-2 auditor samples: context and
// interested parties, risk treatment and its sign-off, the supplier, the user documentation, who was
// told outside the organisation, a policy read-and-confirm campaign, and the system's dataset and
// tooling. Its life-cycle records, the audit's criteria and an objective's result are recorded on
// the way. The pack's index is then checked against every clause and control of the catalog.
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { annexAControls, requirementClauses } from "../../src/iso42001/catalog.js";
import { expectHonestPackIndex } from "../support/evidencePackIndex.js";
import { firstOfKind, useLocalChat } from "../support/localChatSession.js";

type Csv = Record<string, string>[];

describe("the ISO/IEC 42001 loop in chat, and the evidence pack", () => {
  const chat = useLocalChat();
  const { people } = chat;
  const state: Partial<Record<"system" | "incident" | "audit" | "review" | "contextIssue" | "party" | "treatment" | "supplier" | "notice" | "campaign" | "dataset" | "resource", string>> & { pack?: Map<string, string> } = {};

  const { turn, say, click } = chat;
  const find = firstOfKind;
  const done = async (person: string) => {
    const messages = await say(person, "confirm");
    const saved = find(messages, "done");
    expect(saved, JSON.stringify(messages)).toBeDefined();
    return saved!;
  };
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it("1. an owner registers a high-tier AI system, which waits for review", async () => {
    await say("hannah", "register a new AI system", "Claims Letter Writer", "Drafts decline letters for motor claims", "Claims handlers send its drafts after reading them; it must not decide claims",
      "1", "skip", "me", "personal data", "customers", "fully automated", "credit and insurance", "in production", "yes");
    const saved = await done("hannah");
    expect(saved.lines.join("\n")).toMatch(/Risk tier: High/);
    state.system = saved.reference;
    await expect(chat.database.prisma.aiSystem.findUniqueOrThrow({ where: { reference: saved.reference } })).resolves.toMatchObject({ status: "pending_review", riskTier: "high" });
  });

  it("2. governance walks the gap analysis through all 32 clauses and gets the gap report", async () => {
    await say("amara", "gap analysis");
    for (const [index, clause] of requirementClauses.entries()) {
      if (index < 3) await say("amara", "missing", `Nothing yet for ${clause.id}`, "Lukas");
      else await say("amara", "in place");
    }
    const saved = await done("amara");
    expect(saved.lines[0]).toBe("29 in place, 0 partial, 3 missing of 32 clauses.");
    const report = (await say("daniel", "gap report")).map((message) => JSON.stringify(message)).join("\n");
    expect(report).toContain("4.1");
  });

  it("3. the owner assesses the system's risk and impact", async () => {
    await say("hannah", `assess risk ${state.system}`, "1", "1", "Letters could cite the wrong policy clause and mislead a customer", "3", "1", "3", "4", "4", "2", "1",
      "mitigate", "A handler reads each letter before it is sent", "A.6.2.4, A.9.3", "2", "4", "in 3 months");
    expect((await done("hannah")).reference).toBe("RSK-0004");
    await say("hannah", `assess impact ${state.system}`, "Customers may receive a wrong or unclear decline", "Customers with less common claims could be treated less fairly",
      "Little effect beyond the customers concerned", "Sending drafts without reading them", "Handler sign-off and a monthly sample review", "skip");
    expect((await done("hannah")).reference).toBe("AIA-0004");
  });

  it("4. staff report an incident on it; governance triages it and raises a nonconformity from it", async () => {
    await turn("tom", { kind: "start", flowId: "report_incident" });
    await say("tom", "Claims Letter Writer", "A decline letter cited a clause from the wrong policy", "Inaccurate or harmful output", "yesterday", "one customer", "no", "sev3", "skip", "no", "no");
    const reported = await done("tom");
    state.incident = reported.reference;
    expect(find(await turn("amara", { kind: "incident_action", reference: reported.reference, action: "acknowledge" }), "incident")).toBeDefined();
    await turn("amara", { kind: "incident_action", reference: reported.reference, action: "raise_nonconformity" });
    await say("amara", "8.1", "Letters went out without the handler check the operational plan requires");
    expect((await done("amara")).lines.join("\n")).toContain("NC-0001");
    await expect(chat.database.prisma.nonconformity.findUniqueOrThrow({ where: { reference: "NC-0001" }, include: { incident: true } })).resolves.toMatchObject({ source: "incident", incident: { reference: reported.reference } });
  });

  it("5. governance records the Statement of Applicability in chat", async () => {
    await say("amara", "soa A.6.2.4", "yes", "Every model release is verified against its requirements", "in progress", "Hannah", "https://docs.example/verification");
    expect((await done("amara")).title).toMatch(/^Saved A\.6\.2\.4/);
    await say("amara", "soa A.10.3", "no", "We supply no AI to customers or partners", "skip", "skip");
    expect((await done("amara")).title).toMatch(/^Saved A\.10\.3/);
    const shown = (await say("tom", "soa")).map((message) => JSON.stringify(message)).join("\n");
    expect(shown).toContain("2 of 38 controls decided");
  });

  it("6. the owner records the system's life cycle, governance accepts its test results and approves it; the owner is told", async () => {
    expect(find(await click("priya", state.system!, "approve"), "error")!.text).toMatch(/Only the governance team can approve a high-tier system/);
    expect(find(await click("amara", state.system!, "approve"), "error")!.text).toContain(`• its requirements and specification (add requirements ${state.system})`);
    await say("hannah", `add requirements ${state.system}`, "Draft decline letters citing the clause relied on; a handler reads and sends each one", "skip");
    await done("hannah");
    await say("hannah", `add verification ${state.system}`, "Letters citing the right clause (200 past declines)", ">= 98%", "99%", "200 past declines rewritten and checked by two handlers", "skip");
    const results = await done("hannah");
    expect(results.lines[0]).toBe("Result 99% against ≥ 98%: passed.");
    await say("hannah", `add deployment plan ${state.system}`, "Pilot with one claims team for a month, then all motor declines; rollback to the old templates", "skip");
    await done("hannah");
    await say("hannah", `add monitoring plan ${state.system}`, "performance, errors", "monthly", "me", "Any letter citing the wrong clause: incident and prompt review", "skip");
    await done("hannah");
    await say("hannah", `add technical documentation ${state.system}`, "https://docs.example/letter-writer", "Prompts, templates, model version, limitations");
    await done("hannah");
    await say("hannah", `add event logging ${state.system}`, "Every draft with its claim, prompt version and the handler who sent it", "Claims system letter log", "7 years");
    const logging = await done("hannah");
    expect(logging.lines).toContain(`Still needed for its high tier: the governance team's acceptance of its verification results (accept ${results.reference}).`);
    expect(find(await say("lukas", `accept ${results.reference}`), "text")!.text).toBe(`${results.reference} version 1 is accepted by you today.`);
    expect(find(await click("amara", state.system!, "approve"), "text")!.text).toMatch(/is approved/);
    const toOwner = await chat.database.prisma.notification.findMany({ where: { audience: `person:${people.get("hannah")}`, recordRef: state.system! } });
    expect(toOwner.map((notice) => notice.subject).join("\n")).toMatch(/approved/i);
  });

  it("7. an internal audit with a finding, and a management review with its inputs assembled from the records", async () => {
    expect(find(await say("amara", `schedule audit ${inDays(0)} Claims AI systems`), "question")!.stepId).toBe("criteria");
    await say("amara", "ISO/IEC 42001 clauses 8 and 9; the AI policy", "skip", "skip", "Daniel Mensah", "skip", "skip");
    expect((await done("amara")).title).toMatch(/^Internal audit REV-\d{4} is scheduled/);
    state.audit = (await chat.database.prisma.scheduledReview.findFirstOrThrow({ where: { kind: "internal_audit" }, orderBy: { reference: "desc" } })).reference;
    // The objective's owner records this quarter's result of its measure (9.1).
    expect(find(await say("amara", "measure OBJ-0001 92%"), "done")!.title).toMatch(/^MSR-\d{4}: OBJ-0001 measured 92% on .*, not met against the target of at least 100%$/);
    await say("amara", `audit ${state.audit} results`, "yesterday", "Daniel Mensah, Hannah", "Conforms except for missing verification evidence", "yes");
    await done("amara");
    await say("daniel", `finding ${state.audit}`, "A.6.2.4", "No verification record for the letter writer's latest release");
    expect((await done("daniel")).reference).toBe("NC-0002");

    expect(find(await say("amara", `schedule review ${inDays(30)} Annual management review`), "text")!.text).toMatch(/REV-\d{4} is scheduled/);
    state.review = (await chat.database.prisma.scheduledReview.findFirstOrThrow({ where: { kind: "management_review" } })).reference;
    const inputs = (await say("priya", `review inputs ${state.review}`)).map((message) => JSON.stringify(message)).join("\n");
    expect(inputs).toMatch(/nonconformit/i);
    expect(inputs).toMatch(/incident/i);
  });

  it("7a. governance records the organisation's context and an interested party, which the review inputs list", async () => {
    await say("amara", "add issue", "external", "Motor claims regulators expect decisions on claims to stay with people", "Drafting tools must keep a handler in the loop", inDays(180));
    state.contextIssue = (await done("amara")).reference;
    await say("amara", "add interested party", "Motor policyholders", "Clear, correct letters and a person who decides their claim", "Insurance conduct rules; our customer charter", inDays(180));
    state.party = (await done("amara")).reference;
    const inputs = (await say("priya", `review inputs ${state.review}`)).map((message) => JSON.stringify(message)).join("\n");
    expect(inputs).toContain(state.contextIssue);
    expect(inputs).toContain(state.party);
  });

  it("7b. the owner plans the risk's treatment, its owner marks it done, and the residual risk is signed off", async () => {
    await say("hannah", "treat RSK-0004", "A.6.2.4", "A handler reads and signs each letter before it is sent", "Hannah", inDays(14));
    state.treatment = (await done("hannah")).reference;
    expect(find(await say("hannah", "sign off RSK-0004"), "error")!.text).toContain(state.treatment);
    expect(find(await say("hannah", `${state.treatment} done`), "text")!.text).toMatch(/is done/);
    expect(find(await say("hannah", "sign off RSK-0004"), "text")!.text).toMatch(/^The residual risk of RSK-0004 .* is signed off by you today\.$/);
  });

  it("7c. governance records the letter writer's supplier, its user documentation and who was told about the incident", async () => {
    await say("amara", "add supplier", "Lexica Drafting Ltd", state.system!, "yes", inDays(-30), "MSA-LEX-2026", "They: the model and its hosting. We: the prompts, handler review and letter templates.", "Lukas", inDays(200));
    state.supplier = (await done("amara")).reference;
    expect(find(await say("amara", `docs ${state.system} https://intranet.example/claims/letter-writer`), "text")!.text).toContain("https://intranet.example/claims/letter-writer");
    await say("amara", `notified ${state.incident}`, "customer", "The motor policyholder who received the letter", inDays(0),
      "We apologised, sent a corrected letter and confirmed the decision was made by a handler.", "me", "skip");
    state.notice = (await done("amara")).reference;
  });

  it("7d. governance asks the owners to read the AI policy, and an owner confirms", async () => {
    const policy = (await chat.database.prisma.policyDocument.findUniqueOrThrow({ where: { fileName: "ai-acceptable-use-policy.md" } })).reference;
    await say("amara", `campaign ${policy}`, "AI system owners", inDays(21));
    state.campaign = (await done("amara")).reference;
    expect(find(await click("hannah", state.campaign, "acknowledge"), "text")!.text).toMatch(/^Thank you/);
    expect(find(await say("daniel", `campaign ${state.campaign}`), "notice")!.text).toMatch(/Have read it: Hannah Vogel/);
  });

  it("7e. the owner records the data the letter writer is tested on, and the tooling it runs on", async () => {
    await say("hannah", "add dataset", "Motor decline letters 2024–2026", state.system!, "Sent letters in the claims system, with the handler's corrections", "Legitimate interests",
      "Exported by the claims MI team; policyholder names and addresses removed", "Every letter has its claim's decision and the policy clause cited", "skip",
      "Letters paired with the clause that applied; letters under complaint set aside", "Three years after the claim closes", "me", inDays(365));
    state.dataset = (await done("hannah")).reference;
    await say("hannah", `add resource ${state.system}`, "Tooling", "Prompt and template repository", "Versioned prompts and letter templates, reviewed before each release", "skip");
    state.resource = (await done("hannah")).reference;
  });

  it("7f. change control finds the approved letter writer up to date: approved, assessed and with its life-cycle records", async () => {
    const late = find(await say("amara", "out of date"), "record_list")!;
    expect(late.items.map((item) => item.reference)).not.toContain(state.system);
  });

  it("8. nonconformities are corrected and closed only after their actions are done; then governance asks for the evidence pack", async () => {
    await say("amara", "NC-0002 plan", "Release checklist lacked a verification step", "Verification run and filed for the release", "Add verification evidence to the release checklist", "Hannah", "in 2 weeks");
    await done("amara");
    await say("amara", "NC-0002 close", "The next release had its verification filed");
    expect(find(await say("amara", "confirm"), "error")).toBeDefined(); // its corrective action is still open
    const action = await chat.database.prisma.correctiveAction.findFirstOrThrow({ where: { nonconformity: { reference: "NC-0002" } } });
    expect(find(await say("hannah", `${action.reference} done`), "text")!.text).toMatch(/is done/);
    expect((await done("amara")).title).toBe("NC-0002 is closed");

    expect(find(await say("tom", "evidence pack"), "error")!.text).toBe("Only the governance team can export the evidence pack.");
    expect(find(await say("amara", "evidence pack"), "text")!.text).toMatch(/putting the evidence pack together/);
    const notices = (await (await fetch(`${chat.service.url}/chat/api/notifications?personId=${people.get("amara")}`)).json()) as { id: string; kind: string; attachmentName: string | null }[];
    const packNotice = notices.find((notice) => notice.kind === "evidence_pack")!;
    expect(packNotice.attachmentName).toMatch(/^aims-evidence-pack-\d{4}-\d{2}-\d{2}\.zip$/);
    expect((await fetch(`${chat.service.url}/chat/api/notifications/${packNotice.id}/file?personId=${people.get("tom")}`)).status).toBe(404);
    const zip = new Uint8Array(await (await fetch(`${chat.service.url}/chat/api/notifications/${packNotice.id}/file?personId=${people.get("amara")}`)).arrayBuffer());
    const decoder = new TextDecoder();
    state.pack = new Map(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name.split("/").slice(1).join("/"), decoder.decode(bytes)]));
  });

  describe("the evidence pack", () => {
    const csv = (file: string): Csv => parse(state.pack!.get(`${file}.csv`)!, { columns: true }) as Csv;

    it("holds every register in Markdown, CSV and JSON, with an index", () => {
      const registers = ["ai-system-inventory", "objective-measurements", "lifecycle-records", "gap-report", "statement-of-applicability", "risk-register", "impact-assessments", "incident-register", "nonconformities", "corrective-actions", "audits-and-management-reviews", "competence-records", "change-history"];
      for (const register of registers) for (const format of ["md", "csv", "json"]) expect(state.pack!.has(`${register}.${format}`), `${register}.${format}`).toBe(true);
      // Data, resources, suppliers and customers (A.4, A.7, A.10) are in the pack with the demo organisation's records.
      for (const register of ["dataset-register", "ai-resources", "supplier-register", "customer-obligations"]) expect(csv(register).length, register).toBeGreaterThan(0);
      expect(state.pack!.get("README.md")).toMatch(/\| Statement of Applicability \| all 38 Annex A controls[^|]* \| 38 \|/);
      // The controls decided in chat count as evidence only once implemented or excluded with a reason.
      expect(state.pack!.get("README.md")).toMatch(/^\| A\.10\.3 Managing AI suppliers \| statement-of-applicability\.md: 1; supplier-register\.md: \d+ \|$/m);
      expect(state.pack!.get("README.md")).toMatch(/\| A\.6\.2\.4 Verifying and validating the AI system \| [^\n]*lifecycle-records\.md: \d+/);
      expect(state.pack!.get("management-review-inputs.md")).toContain(state.review!);
    });

    it("lists every one of the 38 Annex A controls exactly once, with the decisions made in chat", () => {
      const rows = csv("statement-of-applicability");
      expect(rows.map((row) => row.control)).toEqual(annexAControls.map((control) => control.id));
      expect(rows.find((row) => row.control === "A.6.2.4")).toMatchObject({ decided: "true", applicable: "true", implementation: "in_progress", ownerName: "Hannah Vogel" });
      expect(rows.find((row) => row.control === "A.10.3")).toMatchObject({ applicable: "false", justification: "We supply no AI to customers or partners" });
      expect(rows.filter((row) => row.decided === "true")).toHaveLength(2);
    });

    it("has registers consistent with the records", async () => {
      const prisma = chat.database.prisma;
      const references = (rows: Csv) => rows.map((row) => row.reference).sort();
      const stored = async (rows: Promise<{ reference: string }[]>) => (await rows).map((row) => row.reference).sort();
      expect(references(csv("ai-system-inventory"))).toEqual(await stored(prisma.aiSystem.findMany({ select: { reference: true } })));
      expect(references(csv("risk-register"))).toEqual(await stored(prisma.risk.findMany({ select: { reference: true } })));
      expect(references(csv("impact-assessments"))).toEqual(await stored(prisma.impactAssessment.findMany({ select: { reference: true } })));
      expect(references(csv("incident-register"))).toEqual(await stored(prisma.incident.findMany({ select: { reference: true } })));
      expect(references(csv("nonconformities"))).toEqual(await stored(prisma.nonconformity.findMany({ select: { reference: true } })));
      expect(references(csv("corrective-actions"))).toEqual(await stored(prisma.correctiveAction.findMany({ select: { reference: true } })));
      expect(references(csv("audits-and-management-reviews"))).toEqual(await stored(prisma.scheduledReview.findMany({ select: { reference: true } })));
      expect(references(csv("objective-measurements"))).toEqual(await stored(prisma.objectiveMeasurement.findMany({ select: { reference: true } })));
      expect(csv("audits-and-management-reviews").find((row) => row.reference === state.audit)).toMatchObject({ criteria: "ISO/IEC 42001 clauses 8 and 9; the AI policy", independence: "Independent: no auditor owns a system in scope or the area audited" });
      expect(references(csv("lifecycle-records"))).toEqual(await stored(prisma.lifecycleRecord.findMany({ select: { reference: true } })));
      const letterWriter = csv("lifecycle-records").filter((row) => row.systemReference === state.system);
      expect(letterWriter.map((row) => row.control).sort()).toEqual(["A.6.2.2", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8"]);
      expect(letterWriter.find((row) => row.kind === "verification")).toMatchObject({ passed: "true", acceptedBy: "Lukas Brandt" });

      expect(csv("ai-system-inventory").find((row) => row.reference === state.system)).toMatchObject({ status: "approved", riskTier: "high", ownerName: "Hannah Vogel" });
      expect(csv("risk-register").find((row) => row.reference === "RSK-0004")).toMatchObject({ systemReference: state.system, score: "12", level: "high", treatment: "mitigate" });
      expect(csv("nonconformities").map((row) => [row.reference, row.status, row.requirement])).toEqual([["NC-0001", "open", "8.1"], ["NC-0002", "closed", "A.6.2.4"]]);
      expect(csv("incident-register").find((row) => row.reference === state.incident)).toMatchObject({ status: "triaged" });
      expect(csv("gap-report")).toHaveLength(32);
    });

    it("holds the stage-2 registers with the records made in the walk", () => {
      const holds = (file: string, reference: string) => expect(csv(file).map((row) => row.reference), `${file} holds ${reference}`).toContain(reference);
      holds("context-issues", state.contextIssue!);
      holds("interested-parties", state.party!);
      holds("risk-treatment-actions", state.treatment!);
      holds("supplier-register", state.supplier!);
      holds("external-notifications", state.notice!);
      holds("dataset-register", state.dataset!);
      holds("ai-resources", state.resource!);
      expect(csv("inventory-status").find((row) => row.reference === state.system)).toMatchObject({ upToDate: "true" });
      expect(csv("dataset-register").find((row) => row.reference === state.dataset)!.systemReferences).toContain(state.system!);
      expect(csv("policy-acknowledgements").some((row) => Object.values(row).includes(state.campaign!) && Object.values(row).includes("Hannah Vogel"))).toBe(true);
      expect(csv("policy-versions").length).toBeGreaterThan(0);
      expect(csv("ai-system-inventory").find((row) => row.reference === state.system)).toMatchObject({ userDocumentationUrl: "https://intranet.example/claims/letter-writer" });
      expect(csv("risk-treatment-actions").find((row) => row.reference === state.treatment)).toMatchObject({ risk: "RSK-0004", status: "done", residualSignedOffBy: "Hannah Vogel" });
    });

    it("has an index that credits each clause and control to files holding its records, or lists it as lacking evidence", () => {
      const { evidenced } = expectHonestPackIndex((file) => state.pack!.get(file) ?? "");
      expect(evidenced).toMatch(/\| A\.10\.3 [^|]+\|[^|]*supplier-register\.md: \d+/);
      expect(evidenced).toMatch(/\| 4\.2 [^|]+\|[^|]*interested-parties\.md: \d+/);
      expect(evidenced).toMatch(/\| 7\.3 [^|]+\|[^|]*policy-acknowledgements\.md: \d+/);
    });

    it("carries the change history of every record created in the walk", () => {
      const history = csv("change-history");
      const changed = new Set(history.map((row) => row.entityRef));
      for (const reference of [state.system!, "RSK-0004", "AIA-0004", state.incident!, "NC-0001", "NC-0002", state.audit!, state.review!, "A.6.2.4", "A.10.3", "GAP-0001"]) {
        expect(changed.has(reference), reference).toBe(true);
      }
      const approval = history.find((row) => row.entityRef === state.system && row.action === "status_change")!;
      expect(approval.actorLabel).toBe("Amara Okafor");
      expect(JSON.parse(approval.changes!).status).toEqual({ from: "pending_review", to: "approved" });
      expect(state.pack!.get("change-history.md")).toContain(`## AI system ${state.system}`);
      expect(state.pack!.get("change-history.md")).toMatch(/status changed by Amara Okafor via Local chat\n  - status: Pending review → Approved/);
    });
  });
});
