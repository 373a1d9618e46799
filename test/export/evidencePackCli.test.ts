// `aims export pack --out DIR`, run as an operator runs it on the server.
import { createHash } from "node:crypto";
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
    const unknown = await runAims(["export", "pack", "--out", out, "--by", "nobody@northwind.example"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Nobody with the e-mail or name "nobody@northwind.example" is in the directory');
    const written = await runAims(["export", "pack", "--out", out, "--by", "lukas.brandt@northwind.example"], env);
    expect(written.code).toBe(0);
    // 19 registers (three formats each, two of them fewer), the three policy documents, the index and the manifest.
    expect(written.stderr).toContain(`Written 59 files to ${out} (start with ${out}/README.md; MANIFEST.json holds their SHA-256).`);

    const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
    const csv = (file: string) => parse(read(file), { columns: true }) as Record<string, string>[];
    expect(csv("statement-of-applicability.csv").map((row) => row.control)).toEqual(annexAControls.map((control) => control.id));
    const systems = csv("ai-system-inventory.csv");
    expect(systems).toHaveLength(23);
    expect(JSON.parse(read("ai-system-inventory.json"))).toHaveLength(23);
    expect(read("README.md")).toContain("| AI system inventory | every AI system, its owner, risk tier and approval | 23 | ai-system-inventory.md, ai-system-inventory.csv, ai-system-inventory.json |");
    expect(read("README.md")).toMatch(/^Exported \d{1,2} \w{3,4} \d{4}, \d\d:\d\d \(UTC\) by Lukas Brandt via Command line\./m);
    expect(JSON.parse(read("MANIFEST.json"))).toMatchObject({ exportedBy: "Lukas Brandt", exportedVia: "Command line" });
    // Every demo system and incident has its creation in the history.
    const created = new Set(csv("change-history.csv").filter((row) => row.action === "create").map((row) => row.entityRef));
    for (const system of systems) expect(created.has(system.reference!), system.reference).toBe(true);
    for (const incident of csv("incident-register.csv")) expect(created.has(incident.reference!), incident.reference).toBe(true);

    // A second export holds the first in its change history, with the manifest that identifies it.
    const again = path.join(dir, "pack-again");
    expect((await runAims(["export", "pack", "--out", again], env)).code).toBe(0);
    const exports = (parse(fs.readFileSync(path.join(again, "change-history.csv"), "utf8"), { columns: true }) as Record<string, string>[]).filter((row) => row.entityType === "EvidencePack");
    expect(exports.map((row) => [row.actorLabel, row.channel])).toEqual([["Lukas Brandt", "cli"]]);
    expect(JSON.parse(exports[0]!.changes!).manifestSha256.to).toBe(createHash("sha256").update(fs.readFileSync(path.join(out, "MANIFEST.json"))).digest("hex"));
    expect(JSON.parse(fs.readFileSync(path.join(again, "MANIFEST.json"), "utf8")).exportedBy).toMatch(/\(operator account\)$/);
    expect(fs.readFileSync(path.join(again, "change-history.md"), "utf8")).toMatch(/## Evidence pack aims-evidence-pack-\d{4}-\d{2}-\d{2}T\d{6}Z\n\n- .* · created by Lukas Brandt via Command line/);
  }, 180_000);
});
