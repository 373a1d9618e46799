// The evidence pack's index read as an auditor checks it: every clause and Annex A control of the
// catalog is either credited to files that hold at least that many records, or listed as having no
// evidence yet — never both, never neither.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { projectRoot } from "./processes.js";

export interface PackIndexSections {
  evidenced: string;
  lacking: string;
}

/** Checks the index in the pack's README against the catalog; `read` gives a file's text, "" when absent. */
export function expectHonestPackIndex(read: (file: string) => string): PackIndexSections {
  const readme = read("README.md");
  const evidenced = readme.slice(readme.indexOf("## Clauses and controls with evidence"), readme.indexOf("## No evidence yet"));
  const lacking = readme.slice(readme.indexOf("## No evidence yet"));
  const catalogue = JSON.parse(fs.readFileSync(path.join(projectRoot, "src", "iso42001", "catalog.json"), "utf8")) as { clauses: { id: string }[]; annexA: { id: string }[] };
  const requirements = [...catalogue.clauses, ...catalogue.annexA];
  expect(requirements).toHaveLength(36 + 38);
  const recordsIn = (file: string) => {
    const json = read(`${file.replace(/\.md$/, "")}.json`);
    if (json) return (JSON.parse(json) as unknown[]).length;
    return read(file).length > 0 ? 1 : 0;
  };
  for (const { id } of requirements) {
    const escaped = id.replace(/\./g, "\\.");
    const row = new RegExp(`^\\| ${escaped} [^|]+\\| ([^|]+) \\|$`, "m").exec(evidenced);
    const listed = new RegExp(`^- ${escaped} `, "m").test(lacking);
    expect(Boolean(row) !== listed, `${id} is in exactly one of the two lists`).toBe(true);
    if (!row) continue;
    for (const [, file, count] of row[1]!.matchAll(/([\w-]+\.md): (\d+)/g)) {
      expect(Number(count), `${id} → ${file}`).toBeGreaterThanOrEqual(1);
      expect(recordsIn(file!), `${id} → ${file} holds the records it is credited with`).toBeGreaterThanOrEqual(Number(count));
    }
  }
  return { evidenced, lacking };
}
