// `aims export pack --out DIR`, run as an operator runs it on the server.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { annexAControls } from "../../src/iso42001/catalog.js";
import { uuidPattern } from "../../src/export/readableText.js";
import { cliEnvironment, projectRoot, runAims } from "../support/processes.js";

/** `aims chat` as governance, each line typed in turn. */
function terminalChat(env: Record<string, string>, lines: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(projectRoot, "bin", "aims.js"), "chat", "--as", "amara.okafor@northwind.example"], { cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  child.stdin.end(lines.join("\n") + "\n");
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("exporting the evidence pack with the CLI", () => {
  const { env, dir } = cliEnvironment("aims-pack-");

  it("asks for a folder, then writes every register in three formats with the change history and an index", async () => {
    const withoutFolder = await runAims(["export", "pack"], env);
    expect(withoutFolder.code).toBe(1);
    expect(withoutFolder.stderr).toContain("The evidence pack is a folder of files: say where with --out DIR");

    const demo = await runAims(["demo-data"], env);
    expect(demo.code).toBe(0);
    // What a person sees: the result, and no driver warning on stderr.
    expect(demo.stderr).toBe("");
    // A note with evidence on an incident, from the terminal chat, as a governance member.
    const chat = await terminalChat(env, ["note INC-0004 Drift confirmed against the October baseline https://dashboards.example/pricing/drift-oct", "quit"]);
    expect(chat.code, chat.output).toBe(0);
    const out = path.join(dir, "pack");
    const unknown = await runAims(["export", "pack", "--out", out, "--by", "nobody@northwind.example"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Nobody with the e-mail or name "nobody@northwind.example" is in the directory');
    const written = await runAims(["export", "pack", "--out", out, "--by", "lukas.brandt@northwind.example"], env);
    expect(written.code).toBe(0);
    // 33 registers (three formats each, two of them fewer), the three policy documents, the index and the manifest.
    expect(written.stderr).toContain(`Written 101 files to ${out} (start with ${out}/README.md; MANIFEST.json holds their SHA-256).`);

    const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
    // One register alone: the demo organisation's datasets, as a spreadsheet.
    const datasets = await runAims(["export", "datasets", "--format", "csv"], env);
    expect(datasets.code, datasets.stderr).toBe(0);
    expect((parse(datasets.stdout, { columns: true }) as Record<string, string>[]).map((row) => `${row.reference} ${row.name}`)).toEqual(["DS-0001 Motor and home claims 2019–2025", "DS-0002 Home property and flood-risk features", "DS-0003 ClaimsDesk damage photos (licensed by customers)", "DS-0004 HR policy library"]);
    const csv = (file: string) => parse(read(file), { columns: true }) as Record<string, string>[];
    expect(csv("statement-of-applicability.csv").map((row) => row.control)).toEqual(annexAControls.map((control) => control.id));
    const systems = csv("ai-system-inventory.csv");
    expect(systems).toHaveLength(23);
    expect(JSON.parse(read("ai-system-inventory.json"))).toHaveLength(23);
    // The demo's life-cycle records: 44 current (11 approved medium and high-tier systems and one pending) and one earlier version.
    const lifecycleLine = read("README.md").split("\n").find((line) => line.startsWith("| AI system life-cycle records |"));
    expect(lifecycleLine, lifecycleLine).toMatch(/ \| 45 \| lifecycle-records\.md, lifecycle-records\.csv, lifecycle-records\.json \|$/);
    expect(read("README.md")).toContain("| AI system inventory | every AI system, its owner, risk tier and approval | 23 | ai-system-inventory.md, ai-system-inventory.csv, ai-system-inventory.json |");
    expect(read("README.md")).toMatch(/^Exported \d{1,2} \w{3,4} \d{4}, \d\d:\d\d \(UTC\) by Lukas Brandt via Command line\./m);
    expect(JSON.parse(read("MANIFEST.json"))).toMatchObject({ exportedBy: "Lukas Brandt", exportedVia: "Command line" });
    // Every demo system and incident has its creation in the history.
    const created = new Set(csv("change-history.csv").filter((row) => row.action === "create").map((row) => row.entityRef));
    for (const system of systems) expect(created.has(system.reference!), system.reference).toBe(true);
    for (const incident of csv("incident-register.csv")) expect(created.has(incident.reference!), incident.reference).toBe(true);

    // What an auditor asks for first: the policy documents, the scope, the objectives, the roles, the
    // policy-question log and every incident's timeline, in Markdown written for people.
    for (const document of ["ai-acceptable-use-policy.md", "ai-data-handling-rules.md", "ai-incident-procedure.md"]) {
      const original = fs.readFileSync(path.join(projectRoot, "policies", document));
      expect(fs.readFileSync(path.join(out, "policy-documents", document)).equals(original), document).toBe(true);
      expect(csv("policy-documents.csv").find((row) => row.file === document)!.sha256).toBe(createHash("sha256").update(original).digest("hex"));
    }
    expect(read("scope.md")).toContain("## Exclusions and why");
    expect(read("scope.md")).toContain("| Northwind Pension Trustees Ltd | a separate legal entity with its own governance; it uses no Northwind AI systems |");
    expect(csv("ai-objectives.csv")).toHaveLength(4);
    expect(read("ai-objectives.md")).toContain("| Priya Raman | 30 Jun 2027 | Not started |");
    expect(csv("role-assignments.csv").filter((row) => row.role === "governance").map((row) => row.name)).toEqual(["Amara Okafor", "Lukas Brandt"]);
    expect(read("policy-questions.md")).toContain("No policy questions have been asked yet.");
    const inc4 = read("incident-timelines.md").split("\n## ").find((section) => section.startsWith("INC-0004: "))!;
    expect(inc4).toContain("INC-0004: SEV4 (minor), Investigating\n\nAIS-0002 Home Insurance Pricing Model. Reported 3 Nov 2026, 13:30.");
    expect(inc4).toContain("| 3 Nov 2026, 13:30 | Sofia Alvarez | Reported (SEV4 (minor)). |  |");
    expect(inc4).toMatch(/\| \d{1,2} \w{3,4} \d{4}, \d\d:\d\d \| Amara Okafor \| Drift confirmed against the October baseline \| https:\/\/dashboards\.example\/pricing\/drift-oct \|/);
    const everyFile = (fs.readdirSync(out, { recursive: true, encoding: "utf8" }) as string[]).filter((file) => fs.statSync(path.join(out, file)).isFile());
    for (const file of everyFile.filter((name) => name.endsWith(".md") && !name.startsWith("policy-documents"))) expect(read(file), file).not.toMatch(uuidPattern);
    const manifest = JSON.parse(read("MANIFEST.json")) as { files: { path: string; sha256: string }[] };
    expect(manifest.files.map((file) => file.path).sort()).toEqual(everyFile.filter((file) => file !== "MANIFEST.json").map((file) => file.split(path.sep).join("/")).sort());
    for (const file of manifest.files) expect(createHash("sha256").update(fs.readFileSync(path.join(out, file.path))).digest("hex"), file.path).toBe(file.sha256);

    // A second export holds the first in its change history, with the manifest that identifies it.
    const again = path.join(dir, "pack-again");
    expect((await runAims(["export", "pack", "--out", again], env)).code).toBe(0);
    const exports = (parse(fs.readFileSync(path.join(again, "change-history.csv"), "utf8"), { columns: true }) as Record<string, string>[]).filter((row) => row.entityType === "EvidencePack");
    expect(exports.map((row) => [row.actorLabel, row.channel])).toEqual([["Lukas Brandt", "cli"]]);
    expect(JSON.parse(exports[0]!.changes!).manifestSha256.to).toBe(createHash("sha256").update(fs.readFileSync(path.join(out, "MANIFEST.json"))).digest("hex"));
    expect(JSON.parse(fs.readFileSync(path.join(again, "MANIFEST.json"), "utf8")).exportedBy).toMatch(/\(operator account\)$/);
    expect(fs.readFileSync(path.join(again, "change-history.md"), "utf8")).toMatch(/## Evidence pack aims-evidence-pack-\d{4}-\d{2}-\d{2}T\d{6}Z\n\n- .* · created by Lukas Brandt via Command line/);
    // Change control: the demo organisation's changes, and an inventory where nothing in production lacks an approval.
    expect(csv("system-changes.csv").map((row) => [row.reference, row.status])).toEqual([["CHG-0001", "approved"], ["CHG-0002", "awaiting_approval"]]);
    const status = csv("inventory-status.csv");
    expect(status.filter((row) => row.lifecycleStage === "in_production" && row.status !== "approved")).toEqual([]);
    for (const change of ["CHG-0001", "CHG-0002"]) expect(created.has(change), change).toBe(true);
    // The sample policies as controlled documents, and the demo campaign with who has read the policy.
    expect(csv("policy-versions.csv").map((row) => [row.fileName, row.approvedByName])).toEqual([
      ["ai-acceptable-use-policy.md", "Priya Raman"], ["ai-data-handling-rules.md", "Priya Raman"], ["ai-incident-procedure.md", "Priya Raman"],
    ]);
    const acknowledgements = csv("policy-acknowledgements.csv");
    expect(acknowledgements).toHaveLength(11);
    expect(acknowledgements.filter((row) => row.acknowledged === "true")).toHaveLength(6);
  }, 180_000);
});
