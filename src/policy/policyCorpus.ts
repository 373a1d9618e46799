// The organisation's policy documents in POLICY_DIR, read whatever their format and split into
// passages at their headings. What could not be read is kept as a problem with the file's name,
// so that the start-up log and `aims ask --json` say why a document is not being used.
import fs from "node:fs";
import path from "node:path";
import { isPolicyFile, readPolicyFile } from "./policyFormats.js";
import { splitDocument, type PolicyPassage } from "./policySections.js";
import { allWords } from "./policyWords.js";

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
  /** Files left out as copies of another file in another format ("policy.pdf" beside "policy.docx"). */
  copies: { file: string; sameAs: string }[];
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
  if (!policyDirExists(policyDir)) return { passages: [], documents: [], problems: [{ file: policyDir, problem: new PolicyDirMissingError(policyDir).message }], copies: [] };
  const problems: PolicyCorpusProblem[] = allFiles(policyDir)
    .filter((file) => !isPolicyFile(file))
    .map((file) => ({ file, problem: "skipped: not a format the assistant reads (Markdown, .docx, .odt, .pdf, .html, .txt, .adoc, .rst)" }));
  const read: { file: string; passages: PolicyPassage[] }[] = [];
  for (const file of listPolicyFiles(policyDir)) {
    try {
      const document = await readPolicyFile(path.join(policyDir, file));
      const split = splitDocument(file.split(path.sep).join("/"), document.text, { plainText: document.plainText });
      if (split.length === 0) problems.push({ file, problem: "no text found (a scanned PDF without a text layer, or an empty file)" });
      read.push({ file, passages: split });
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0]!.split(" : ")[0] : String(error);
      problems.push({ file, problem: `could not be read as a ${path.extname(file).slice(1).toUpperCase()} file (damaged, password-protected or another format): ${detail}` });
    }
  }
  const { kept, copies } = withoutCopies(read);
  return {
    passages: kept.flatMap((document) => document.passages),
    documents: kept.map(({ file, passages }) => ({ file, passages: passages.length })),
    problems: problems.sort((a, b) => a.file.localeCompare(b.file)),
    copies,
  };
}

/** Formats by how faithfully their headings and text are read: of two copies, the one in the later format is left out. */
const fidelity = [".md", ".markdown", ".docx", ".odt", ".html", ".htm", ".adoc", ".asciidoc", ".rst", ".txt", ".pdf"];
const fidelityOf = (file: string) => {
  const place = fidelity.indexOf(path.extname(file).toLowerCase());
  return place === -1 ? fidelity.length : place;
};

/**
 * Organisations keep a policy as Word and as the PDF they published from it. Read twice, every section
 * would be cited twice, taking the places of other sections, and no answer could stand out from its
 * own copy. A document is a copy when another has its title and version and nearly all of its
 * wording (PDF adds page headers and numbers); the one in the more faithful format is kept.
 */
function withoutCopies(documents: { file: string; passages: PolicyPassage[] }[]): { kept: typeof documents; copies: PolicyCorpus["copies"] } {
  const ordered = [...documents].sort((a, b) => fidelityOf(a.file) - fidelityOf(b.file) || a.file.localeCompare(b.file));
  const kept: typeof documents = [];
  const copies: PolicyCorpus["copies"] = [];
  for (const document of ordered) {
    const original = kept.find((other) => isCopy(document.passages, other.passages));
    if (original) copies.push({ file: document.file, sameAs: original.file });
    else kept.push(document);
  }
  const order = new Map(documents.map((document, place) => [document.file, place]));
  return { kept: kept.sort((a, b) => order.get(a.file)! - order.get(b.file)!), copies };
}

/** Share of the smaller document's word pairs the other must have to be its copy. */
const copyOverlap = 0.9;

function isCopy(a: PolicyPassage[], b: PolicyPassage[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a[0]!.documentTitle !== b[0]!.documentTitle || a[0]!.documentVersion !== b[0]!.documentVersion) return false;
  const [pairsA, pairsB] = [wordPairs(a), wordPairs(b)];
  const [smaller, larger] = pairsA.size <= pairsB.size ? [pairsA, pairsB] : [pairsB, pairsA];
  let shared = 0;
  for (const pair of smaller) if (larger.has(pair)) shared++;
  return smaller.size > 0 && shared / smaller.size >= copyOverlap;
}

function wordPairs(passages: PolicyPassage[]): Set<string> {
  const words = passages.flatMap((passage) => allWords(passage.text));
  return new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`));
}
