// `aims import soa FILE.csv` and `aims export soa`, run as people run them.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliEnvironment, runAims } from "../support/processes.js";

describe("importing the Statement of Applicability with the CLI", () => {
  // Several CLI runs: on a PostgreSQL server when there is one.
  const { env, dir } = cliEnvironment("aims-soa-");

  const exportedControls = async () => JSON.parse((await runAims(["export", "soa", "--format", "json"], env)).stdout) as Record<string, unknown>[];

  it("imports a CSV all or nothing, naming each bad line, and exports every control once", async () => {
    expect((await runAims(["demo-data"], env)).code).toBe(0);
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, [
      "control,applicable,justification,implementation,owner_email,evidence_links",
      "A.6.2.4,yes,Every release is verified,in progress,kenji.tan@northwind.example,https://docs.example/validation",
      "A.6.9.9,yes,,,,",
      "a.6.2.4,no,Duplicate line,,,",
      "A.10.3,no,,,,",
      "A.7.2,perhaps,,,,",
      "A.7.3,yes,,,nobody@northwind.example,",
      "A.7.4,yes,,,,the data wiki",
    ].join("\n"));
    const refused = await runAims(["import", "soa", bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Nothing was imported");
    expect(refused.stderr).toContain("line 3: control: A.6.9.9 is not an Annex A control");
    expect(refused.stderr).toContain("line 4: control: A.6.2.4 is already on line 2; one line per control");
    expect(refused.stderr).toMatch(/line 5: justification: An excluded control needs a justification/);
    expect(refused.stderr).toContain("line 6: applicable: Write yes or no.");
    expect(refused.stderr).toContain("line 7: owner_email: nobody with the email nobody@northwind.example is in the directory");
    expect(refused.stderr).toMatch(/line 8: evidence_links: "the data wiki" is not a full link/);
    expect(refused.stderr).not.toMatch(/line 2:/);
    const untouched = await exportedControls();
    expect(untouched).toHaveLength(38);
    expect(untouched.every((row) => row.decided === false)).toBe(true);

    const good = path.join(dir, "good.csv");
    fs.writeFileSync(good, [
      "Control,Applicable,Justification,Implementation,Owner_Email,Evidence_Links",
      "A.6.2.4,yes,Every release is verified,in progress,kenji.tan@northwind.example,\"https://docs.example/validation, https://tickets.example/VAL-1\"",
      "A.10.3,no,We share no AI systems with customers,,,",
      "a.2.2,yes,,implemented,,",
    ].join("\n"));
    const imported = await runAims(["import", "soa", good], env);
    expect(imported.stderr).toContain("Imported 3 Statement of Applicability decisions");
    const rows = await exportedControls();
    expect(rows).toHaveLength(38);
    expect(new Set(rows.map((row) => row.control)).size).toBe(38);
    expect(rows.filter((row) => row.decided).map((row) => [row.control, row.applicable, row.implementation, row.ownerEmail, row.lastChangedBy, row.lastChangeChannel])).toEqual([
      ["A.2.2", true, "implemented", null, `import of ${good}`, "import"],
      ["A.6.2.4", true, "in_progress", "kenji.tan@northwind.example", `import of ${good}`, "import"],
      ["A.10.3", false, null, null, `import of ${good}`, "import"],
    ]);
    expect(rows.find((row) => row.control === "A.6.2.4")!.evidenceLinks).toEqual(["https://docs.example/validation", "https://tickets.example/VAL-1"]);
  }, 180_000);
});
