// The organisation's policy documents, split into passages at their numbered headings, each
// keeping its document, section number and heading path so that answers can cite them.
import fs from "node:fs";
import path from "node:path";

export interface PolicyPassage {
  id: string;
  /** File name relative to POLICY_DIR, e.g. "ai-acceptable-use-policy.md". */
  document: string;
  documentTitle: string;
  /** The heading's number as written, e.g. "4.2". */
  section: string;
  heading: string;
  /** Document title › section › subsection. */
  headingPath: string[];
  text: string;
}

const headingLine = /^(#{1,6})\s+(.*)$/;
const numbered = /^(\d+(?:\.\d+)*)\.?\s+(.*)$/;

export function listPolicyFiles(policyDir: string): string[] {
  if (!fs.existsSync(policyDir)) return [];
  return fs
    .readdirSync(policyDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.toLowerCase().endsWith(".md"))
    .sort();
}

export function loadPolicyCorpus(policyDir: string): PolicyPassage[] {
  return listPolicyFiles(policyDir).flatMap((file) => splitDocument(file, fs.readFileSync(path.join(policyDir, file), "utf8")));
}

export function splitDocument(document: string, markdown: string): PolicyPassage[] {
  const passages: PolicyPassage[] = [];
  let documentTitle = document;
  const trail: { level: number; section: string; heading: string }[] = [];
  let body: string[] = [];
  const flush = () => {
    const current = trail.at(-1);
    const text = body.join("\n").trim();
    if (current && text) {
      passages.push({
        id: `${document}#${current.section}`,
        document,
        documentTitle,
        section: current.section,
        heading: current.heading,
        headingPath: [documentTitle, ...trail.map((entry) => entry.heading)],
        text,
      });
    }
    body = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = headingLine.exec(line);
    if (!heading) {
      body.push(line);
      continue;
    }
    flush();
    const level = heading[1]!.length;
    const title = heading[2]!.trim();
    if (level === 1) {
      documentTitle = title;
      trail.length = 0;
      continue;
    }
    const number = numbered.exec(title);
    while (trail.length > 0 && trail.at(-1)!.level >= level) trail.pop();
    trail.push({ level, section: number ? number[1]! : title, heading: number ? number[2]! : title });
  }
  flush();
  return passages;
}
