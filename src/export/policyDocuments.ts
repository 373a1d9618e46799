// The AI policy documents as the assistant reads them (ISO/IEC 42001 5.2, A.2.2), for the evidence
// pack: each file itself, its SHA-256, its title and the version it states, so an auditor can tell
// which version the staff's answers came from and check that the copy is the one in force.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { listPolicyFiles } from "../policy/policyCorpus.js";
import { readPolicyFile } from "../policy/policyFormats.js";

export interface PolicyDocument {
  /** Path relative to POLICY_DIR, with "/" separators. */
  file: string;
  title: string | null;
  /** The version the document states ("Version 2.1", "version: 2.1" in front matter), or null. */
  version: string | null;
  sha256: string;
  bytes: number;
  modifiedAt: Date;
  content: Uint8Array;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** "version: 2.1" (front matter), "Version 2.1", "Version: 1.4-draft" within the first lines. */
export function statedVersion(text: string): string | null {
  const head = text.split(/\r?\n/).slice(0, 40).join("\n");
  return /(?:^|[\s*_(,.;])version\s*[:#]?\s*v?(\d+(?:\.\d+)*(?:[-\w.]*\w)?)/im.exec(head)?.[1] ?? null;
}

/** The first heading or non-empty line, as a title. */
function titleOf(text: string): string | null {
  const line = text.split(/\r?\n/).map((candidate) => candidate.replace(/^#+\s*/, "").trim()).find((candidate) => candidate.length > 0 && candidate !== "---");
  return line ? line.slice(0, 200) : null;
}

/** Every policy file in the folder, read; a file that cannot be read keeps its hash and says so in its title. */
export async function readPolicyDocuments(policyDir: string | undefined): Promise<PolicyDocument[]> {
  if (!policyDir || !fs.existsSync(policyDir)) return [];
  const documents: PolicyDocument[] = [];
  for (const file of listPolicyFiles(policyDir)) {
    const full = path.join(policyDir, file);
    const content = new Uint8Array(fs.readFileSync(full));
    const text = await readPolicyFile(full).then((read) => read.text, () => "");
    documents.push({
      file: file.split(path.sep).join("/"),
      title: titleOf(text),
      version: statedVersion(text),
      sha256: sha256(content),
      bytes: content.byteLength,
      modifiedAt: fs.statSync(full).mtime,
      content,
    });
  }
  return documents;
}
