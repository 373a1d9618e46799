// The organisation's policy documents in POLICY_DIR, read whatever their format and split into
// passages at their headings. What could not be read is kept as a problem with the file's name,
// so that the start-up log and `aims ask --json` say why a document is not being used.
import fs from "node:fs";
import path from "node:path";
import { isPolicyFile, readPolicyFile } from "./policyFormats.js";
import { splitDocument, type PolicyPassage } from "./policySections.js";

export { splitDocument, type PolicyPassage } from "./policySections.js";

export interface PolicyCorpusProblem {
  /** File name relative to POLICY_DIR, or the folder itself. */
  file: string;
  problem: string;
}

export interface PolicyCorpus {
  passages: PolicyPassage[];
  /** Files read, with how many passages each gave. */
  documents: { file: string; passages: number }[];
  problems: PolicyCorpusProblem[];
}

export class PolicyDirMissingError extends Error {
  constructor(readonly policyDir: string) {
    super(`POLICY_DIR ${policyDir} does not exist or is not a folder: set POLICY_DIR to the folder holding the AI policy documents (Markdown, Word .docx, OpenDocument .odt, PDF, HTML, text, AsciiDoc or reStructuredText).`);
  }
}

export function policyDirExists(policyDir: string): boolean {
  return fs.existsSync(policyDir) && fs.statSync(policyDir).isDirectory();
}

/** Every file under POLICY_DIR (hidden files and Word's "~$" lock files left out). */
function allFiles(policyDir: string): string[] {
  if (!policyDirExists(policyDir)) return [];
  return fs
    .readdirSync(policyDir, { recursive: true, encoding: "utf8" })
    .filter((file) => !file.split(path.sep).some((part) => part.startsWith(".") || part.startsWith("~$")))
    .filter((file) => fs.statSync(path.join(policyDir, file)).isFile())
    .sort();
}

/** The policy files the assistant reads, in a stable order. */
export function listPolicyFiles(policyDir: string): string[] {
  return allFiles(policyDir).filter(isPolicyFile);
}

export async function loadPolicyCorpus(policyDir: string): Promise<PolicyCorpus> {
  if (!policyDirExists(policyDir)) return { passages: [], documents: [], problems: [{ file: policyDir, problem: new PolicyDirMissingError(policyDir).message }] };
  const problems: PolicyCorpusProblem[] = allFiles(policyDir)
    .filter((file) => !isPolicyFile(file))
    .map((file) => ({ file, problem: "skipped: not a format the assistant reads (Markdown, .docx, .odt, .pdf, .html, .txt, .adoc, .rst)" }));
  const passages: PolicyPassage[] = [];
  const documents: PolicyCorpus["documents"] = [];
  for (const file of listPolicyFiles(policyDir)) {
    try {
      const read = await readPolicyFile(path.join(policyDir, file));
      const split = splitDocument(file.split(path.sep).join("/"), read.text, { plainText: read.plainText });
      if (split.length === 0) problems.push({ file, problem: "no text found (a scanned PDF without a text layer, or an empty file)" });
      passages.push(...split);
      documents.push({ file, passages: split.length });
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0]!.split(" : ")[0] : String(error);
      problems.push({ file, problem: `could not be read as a ${path.extname(file).slice(1).toUpperCase()} file (damaged, password-protected or another format): ${detail}` });
    }
  }
  return { passages, documents, problems: problems.sort((a, b) => a.file.localeCompare(b.file)) };
}
