// `aims import systems FILE.csv|FILE.xlsx`, run as an operator runs it on the server.
import fs from "node:fs";
import path from "node:path";
import writeXlsxFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { cliEnvironment, runAims } from "../support/processes.js";

describe("importing an existing AI inventory", () => {
  const { env, dir } = cliEnvironment("aims-inventory-");

  it("refuses a file with problems as a whole, then imports an Excel workbook with tiers derived or marked incomplete", async () => {
    fs.writeFileSync(path.join(dir, "people.csv"), "email,name,roles,manager_email,time_zone\nada@acme.example,Ada Lovelace,owner,,Europe/London\n");
    expect((await runAims(["people", "import", path.join(dir, "people.csv")], env)).code).toBe(0);

    fs.writeFileSync(path.join(dir, "bad.csv"), "name,owner_email,kind\nFraud model,ada@acme.example,internal_model\nChatbot,zed@acme.example,robot\n");
    const bad = await runAims(["import", "systems", path.join(dir, "bad.csv")], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Nothing was imported");
    expect(bad.stderr).toContain("line 3: owner_email: nobody with the e-mail zed@acme.example is in the directory");
    expect(bad.stderr).toContain('line 3: owner_email: nobody with the e-mail zed@acme.example is in the directory (import people first: npx aims people import); kind: "robot" is not one of');

    const workbook = path.join(dir, "inventory.xlsx");
    const header = ["Name", "Owner e-mail", "Description", "Vendor", "Kind", "Lifecycle stage", "Intended use", "Data categories", "Affected parties", "Autonomy level", "Regulated domain"];
    const rows = [
      ["Fraud model", "ada@acme.example", "Flags suspicious claims", "", "internal_model", "in_production", "Claims handlers review flags", "personal", "customers", "advises_human", "none"],
      ["Meeting notes AI", "ADA@acme.example", "Summarises meetings", "Otter", "Third-party AI service", "in production", "", "", "", "", ""],
    ];
    await writeXlsxFile([header, ...rows].map((row) => row.map((value) => ({ value })))).toFile(workbook);
    const imported = await runAims(["import", "systems", workbook], env);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("Imported 2 AI systems");
    expect(imported.stdout).toContain("(1 incomplete); 1 owner will be asked by direct message");

    const systems = JSON.parse((await runAims(["export", "systems", "--format", "json"], env)).stdout) as Record<string, unknown>[];
    expect(systems.map((system) => [system.name, system.riskTier, system.status, system.createdVia, system.lastAttestedAt])).toEqual([
      ["Fraud model", "medium", "pending_review", "import", null],
      ["Meeting notes AI", null, "draft", "import", null],
    ]);
    const again = await runAims(["import", "systems", workbook], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('line 2: name: "Fraud model" is already in the inventory as AIS-0001');
  }, 300_000);
});
