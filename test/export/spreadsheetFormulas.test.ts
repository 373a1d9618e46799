// A formula typed into an answer must not run when an auditor opens an export in a spreadsheet:
// through the CLI, as an operator exports, for a single register and for the evidence pack.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { cliEnvironment, runAims } from "../support/processes.js";

const formula = '=HYPERLINK("https://evil.example","x")';

describe("CSV exports opened in a spreadsheet", () => {
  const { env, dir } = cliEnvironment("aims-csv-formulas-");

  it("prefix every cell a spreadsheet would read as a formula with an apostrophe", async () => {
    expect((await runAims(["demo-data"], env)).code).toBe(0);
    const trainings = path.join(dir, "trainings.csv");
    fs.writeFileSync(
      trainings,
      ["email,course,completed_on,valid_until,provider,evidence_link", `sofia.alvarez@northwind.example,"${formula.replace(/"/g, '""')}",2026-01-10,2027-01-10,@provider,`].join("\n"),
    );
    const imported = await runAims(["import", "training", trainings], env);
    expect(imported.code, imported.stderr).toBe(0);

    const exported = await runAims(["export", "training", "--format", "csv"], env);
    expect(exported.code, exported.stderr).toBe(0);
    const row = (parse(exported.stdout, { columns: true }) as Record<string, string>[]).find((candidate) => candidate.course?.includes("HYPERLINK"));
    expect(row?.course).toBe(`'${formula}`);
    expect(row?.provider).toBe("'@provider");
    // The JSON export keeps the answer exactly as typed: only the spreadsheet format is neutralised.
    const json = await runAims(["export", "training", "--format", "json"], env);
    expect(json.stdout).toContain(JSON.stringify(formula).slice(1, -1));

    const out = path.join(dir, "pack");
    expect((await runAims(["export", "pack", "--out", out], env)).code).toBe(0);
    const pack = parse(fs.readFileSync(path.join(out, "competence-records.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(pack.find((candidate) => candidate.course?.includes("HYPERLINK"))?.course).toBe(`'${formula}`);
  }, 180_000);
});
