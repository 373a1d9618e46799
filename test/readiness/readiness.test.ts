// "readiness": the road to certification read from the records, for the demo organisation in chat
// (governance and managers only) and for an organisation that has recorded nothing yet, from the CLI.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversationEngine } from "../../src/conversationEngine.js";
import { createHarness, type Harness } from "../support/conversationHarness.js";
import { cliEnvironment, projectRoot, runAims } from "../support/processes.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const texts = (reply: { messages: { kind: string }[] }) => reply.messages.map((message) => ("text" in message ? String(message.text) : "")).join("\n");

describe.each(backends)("readiness for the demo organisation in chat (%s database)", (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await createHarness(database);
    // The service hands the engine its policy folder; the harness's engine is rebuilt with it.
    harness.engine = createConversationEngine(database.prisma, { clock: harness.clock.read, policyDir: path.join(projectRoot, "policies") });
  });
  afterAll(() => database.dispose());

  it("shows governance each phase with what is done, what is missing and what to type", async () => {
    const said = texts(await harness.user("amara").say("readiness"));
    expect(said).toContain("Road to ISO/IEC 42001 certification: 1 of 8 phases done.");
    expect(said).toContain("⬜ 1. Inventory and scope: Scope SCP-0001 version 1 recorded; 22 AI systems in the inventory, 2 without an owner.\n    Missing: owners for AIS-0022, AIS-0023. Type \"edit scope\", \"register\", \"my systems\".");
    expect(said).toContain("⬜ 2. Gap analysis: No gap analysis yet.\n    Missing: a gap analysis against clauses 4–10. Type \"gap analysis\", \"gap report\".");
    expect(said).toContain("⬜ 3. Risk assessment and Statement of Applicability: 12 medium or high-tier systems without a risk assessment; 0 of 38 Annex A controls decided.");
    expect(said).toContain("✅ 4. Policy and procedures: 3 policy documents read (1 procedure); 4 AI objectives recorded.");
    expect(said).toContain("⬜ 6. Training and awareness: 0 of 8 system owners and governance members have a valid training record.");
    expect(said).toContain("⬜ 8. Certification: 6 of 9 stage-1 checklist items met.\n    Missing: the stage-1 checklist: Risk assessment (6.1.2), Statement of Applicability (6.1.3), Internal audit and management review records (9.2, 9.3).");
  });

  it("moves a phase to done when the records show it, and is for governance and managers only", async () => {
    await database.prisma.gapAnalysis.create({ data: { reference: "GAP-0901", createdVia: "cli", findings: { create: [{ clauseId: "4.3", status: "in_place" }, { clauseId: "6.2", status: "partial" }] } } });
    const said = texts(await harness.user("priya").say("/aims readiness"));
    expect(said).toContain("Road to ISO/IEC 42001 certification: 2 of 8 phases done.");
    expect(said).toContain("✅ 2. Gap analysis: GAP-0901: 1 clause in place, 1 partial or missing.");
    const refused = await harness.user("tom").say("readiness");
    expect(refused.messages).toEqual([{ kind: "error", text: "Only the governance team or managers can see the certification readiness." }]);
    expect(texts(await harness.user("daniel").say("help"))).not.toContain("readiness");
    expect(texts(await harness.user("amara").say("help"))).toContain("readiness");
  });
});

describe("readiness for an organisation with nothing recorded, from the CLI", () => {
  const { env, dir } = cliEnvironment("aims-readiness-");

  it("lists every phase as missing, each with the command that fills it", async () => {
    const policies = path.join(dir, "policies");
    fs.mkdirSync(policies);
    const result = await runAims(["readiness"], { ...env, POLICY_DIR: policies });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Road to ISO/IEC 42001 certification: 0 of 8 phases done.");
    expect(result.stdout).toContain("⬜ 1. Inventory and scope: No scope recorded; 0 AI systems in the inventory.\n    Missing: the scope (4.3); the AI systems in use. Type \"edit scope\", \"register\", \"my systems\".");
    expect(result.stdout).toContain("⬜ 4. Policy and procedures: 0 policy documents read (0 procedures); 0 AI objectives recorded.\n    Missing: the AI policy in POLICY_DIR; a procedure document (e.g. the AI incident procedure); AI objectives (6.2).");
    expect(result.stdout).toContain("⬜ 6. Training and awareness: Nobody holds the owner or governance role yet.");
    expect(result.stdout).toContain("⬜ 8. Certification: 1 of 9 stage-1 checklist items met.");
    const json = JSON.parse((await runAims(["readiness", "--json"], { ...env, POLICY_DIR: policies })).stdout) as { phases: { done: boolean }[]; stageOneChecklist: { title: string; done: boolean }[] };
    expect(json.phases.filter((phase) => phase.done)).toHaveLength(0);
    expect(json.stageOneChecklist.filter((item) => item.done).map((item) => item.title)).toEqual(["Nonconformities closed (10.2)"]);
  }, 120_000);
});
