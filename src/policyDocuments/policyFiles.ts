// What the register needs from each policy file: its content hash, its title and stated version
// (read as the policy assistant reads them) and its front matter.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { listPolicyFiles } from "../policy/policyCorpus.js";
import { readPolicyFile } from "../policy/policyFormats.js";
import { splitDocument } from "../policy/policySections.js";
import { readFrontMatter, type PolicyFrontMatter } from "./frontMatter.js";

export interface PolicyFileFacts {
  fileName: string;
  contentHash: string;
  title: string;
  statedVersion: string | null;
  frontMatter: PolicyFrontMatter;
}

export async function readPolicyFiles(policyDir: string): Promise<{ files: PolicyFileFacts[]; unreadable: string[] }> {
  const files: PolicyFileFacts[] = [];
  const unreadable: string[] = [];
  for (const file of listPolicyFiles(policyDir)) {
    const fullPath = path.join(policyDir, file);
    const fileName = file.split(path.sep).join("/");
    const bytes = fs.readFileSync(fullPath);
    const contentHash = crypto.createHash("sha256").update(bytes).digest("hex");
    try {
      const read = await readPolicyFile(fullPath);
      const first = splitDocument(fileName, read.text, { plainText: read.plainText })[0];
      const frontMatter = /\.(md|markdown)$/i.test(file) ? readFrontMatter(bytes.toString("utf8")) : {};
      files.push({ fileName, contentHash, title: first?.documentTitle ?? fileName, statedVersion: frontMatter.version ?? first?.documentVersion ?? null, frontMatter });
    } catch {
      // The policy assistant already reports unreadable files (aims doctor); the register only notes them.
      unreadable.push(fileName);
    }
  }
  return { files, unreadable };
}
