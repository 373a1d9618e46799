// `aims export pack --out DIR`, run as an operator runs it on the server.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { annexAControls } from "../../src/iso42001/catalog.js";
import { cliEnvironment, runAims } from "../support/processes.js";

describe("exporting the evidence pack with the CLI", () => {
  const { env, dir } = cliEnvironment("aims-pack-");

  it("asks for a folder, then writes every register in three formats with the change history and an index", async () => {
    const withoutFolder = await runAims(["export", "pack"], env);
    expect(withoutFolder.code).toBe(1);
    expect(withoutFolder.stderr).toContain("The evidence pack is a folder of files: say where with --out DIR");

    expect((await runAims(["demo-data"], env)).code).toBe(0);
    const out = path.join(dir, "pack");
    const written = await runAims(["export", "pack", "--out", out], env);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain(`Written 58 files to ${out}`);

    const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
    const csv = (file: string) => parse(read(file), { columns: true }) as Record<string, string>[];
    expect(csv("statement-of-applicability.csv").map((row) => row.control)).toEqual(annexAControls.map((control) => control.id));
    const systems = csv("ai-system-inventory.csv");
    expect(systems).toHaveLength(23);
    expect(JSON.parse(read("ai-system-inventory.json"))).toHaveLength(23);
    expect(read("README.md")).toContain(`| AI system inventory | 4.3, A.4 (AI systems in scope and their resources) | 23 |`);
    // Every demo system and incident has its creation in the history.
    const created = new Set(csv("change-history.csv").filter((row) => row.action === "create").map((row) => row.entityRef));
    for (const system of systems) expect(created.has(system.reference!), system.reference).toBe(true);
    for (const incident of csv("incident-register.csv")) expect(created.has(incident.reference!), incident.reference).toBe(true);
    // Change control: the demo organisation's changes, and an inventory where nothing in production lacks an approval.
    expect(csv("system-changes.csv").map((row) => [row.reference, row.status])).toEqual([["CHG-0001", "approved"], ["CHG-0002", "awaiting_approval"]]);
    const status = csv("inventory-status.csv");
    expect(status.filter((row) => row.lifecycleStage === "in_production" && row.status !== "approved")).toEqual([]);
    for (const change of ["CHG-0001", "CHG-0002"]) expect(created.has(change), change).toBe(true);
    // The sample policies as controlled documents, and the demo campaign with who has read the policy.
    expect(csv("policy-documents.csv").map((row) => [row.fileName, row.approvedByName])).toEqual([
      ["ai-acceptable-use-policy.md", "Priya Raman"], ["ai-data-handling-rules.md", "Priya Raman"], ["ai-incident-procedure.md", "Priya Raman"],
    ]);
    const acknowledgements = csv("policy-acknowledgements.csv");
    expect(acknowledgements).toHaveLength(11);
    expect(acknowledgements.filter((row) => row.acknowledged === "true")).toHaveLength(6);
  }, 180_000);
});
