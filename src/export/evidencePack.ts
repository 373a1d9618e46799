// The evidence pack a certification auditor asks for: the policy documents as read, the scope, the
// objectives, the roles and every register of the AI management system in Markdown (to read) and in
// CSV and JSON (every column, to check by machine), the change history, an index that maps each
// clause and Annex A control to the records behind it, and a manifest of SHA-256 hashes saying who
// exported it and when. Exporting it is itself recorded in the change history.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { zipSync } from "fflate";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Actor } from "../store/changeHistory.js";
import { appendChange } from "../store/changeHistory.js";
import { channelLabels } from "../domain/labels.js";
import { renderTable, type ExportFormat, type Table } from "./recordExport.js";
import { evidenceCounts, packRegisters, type PackContext, type PackRegister } from "./packRegisters.js";
import { readPolicyDocuments } from "./policyDocuments.js";
import { packIndex } from "./packIndex.js";
import { momentText } from "./readableText.js";

export interface PackFile {
  path: string;
  content: string | Uint8Array;
}

export interface PackOptions {
  /** The organisation's time zone, for every date in the Markdown. */
  timeZone: string;
  /** Where the policy documents are (POLICY_DIR); absent or missing, the pack says none were found. */
  policyDir?: string;
  /** Who asks for the pack: named in the manifest and the change history. */
  exportedBy: Actor;
}

export const packEntity = "EvidencePack";
export const manifestFile = "MANIFEST.json";
const defaultFormats: readonly ExportFormat[] = ["md", "csv", "json"];

interface LoadedRegister {
  register: PackRegister;
  table: Table;
  files: string[];
  evidence: Map<string, number>;
}

/** Every file of the pack, in memory (the caller writes them to a folder or zips them), and records the export. */
export async function buildEvidencePack(prisma: PrismaClient, now: Date, options: PackOptions): Promise<PackFile[]> {
  const policyDocuments = await readPolicyDocuments(options.policyDir);
  const context: PackContext = { prisma, now, timeZone: options.timeZone, policyDocuments, policyDir: options.policyDir };
  const loaded = await Promise.all(packRegisters.map(async (register) => ({ register, content: await register.load(context) })));
  const registers: LoadedRegister[] = loaded.map(({ register, content }) => ({
    register,
    table: content.table,
    files: (register.formats ?? defaultFormats).map((format) => `${register.file}.${format}`),
    evidence: evidenceCounts(register, content.table),
  }));
  const registerFiles = loaded.flatMap(({ register, content }) =>
    (register.formats ?? defaultFormats).map((format) => ({
      path: `${register.file}.${format}`,
      content: format === "md" ? `# ${register.title}\n\n${content.markdown}` : renderTable(content.table, format),
    })),
  );
  const documentCopies = policyDocuments.map((document) => ({ path: `policy-documents/${document.file}`, content: document.content }));
  const index = { path: "README.md", content: await packIndex(context, registers, options.exportedBy) };
  const files: PackFile[] = [index, ...registerFiles, ...documentCopies];
  const manifest = manifestOf(files, now, options);
  await recordExport(prisma, files.length + 1, sha256(manifest.content), options.exportedBy, now);
  return [...files, manifest];
}

const sha256 = (content: string | Uint8Array) => createHash("sha256").update(content).digest("hex");
const byteLength = (content: string | Uint8Array) => (typeof content === "string" ? Buffer.byteLength(content) : content.byteLength);

/** MANIFEST.json: who exported the pack and when, and the SHA-256 of every other file in it. */
function manifestOf(files: PackFile[], now: Date, options: PackOptions): PackFile {
  const manifest = {
    pack: "AI management system evidence pack (ISO/IEC 42001)",
    exportedAt: now.toISOString(),
    exportedAtLocal: `${momentText(now, options.timeZone)} (${options.timeZone})`,
    exportedBy: options.exportedBy.label,
    exportedVia: channelLabels[options.exportedBy.channel],
    files: files.map((file) => ({ path: file.path, sha256: sha256(file.content), bytes: byteLength(file.content) })),
  };
  return { path: manifestFile, content: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** One change-history entry per export: who took the evidence out, when, and the manifest that identifies it. */
async function recordExport(prisma: PrismaClient, files: number, manifestSha256: string, actor: Actor, now: Date): Promise<void> {
  const reference = `${packFolderName(now)}T${now.toISOString().slice(11, 19).replace(/:/g, "")}Z`;
  await prisma.$transaction((tx) =>
    appendChange(tx, { actor, entityType: packEntity, entityId: reference, entityRef: reference, action: "create", changes: { files: { from: null, to: files }, manifestSha256: { from: null, to: manifestSha256 } } }),
  );
}

/** Writes the pack into a folder (created when missing) and returns the paths written. */
export function writeEvidencePack(files: PackFile[], directory: string): string[] {
  fs.mkdirSync(directory, { recursive: true });
  return files.map((file) => {
    const target = path.join(directory, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
    return target;
  });
}

/** The pack as one zip file, for sending in chat. */
export function zipEvidencePack(files: PackFile[], folder: string): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(Object.fromEntries(files.map((file) => [`${folder}/${file.path}`, typeof file.content === "string" ? encoder.encode(file.content) : file.content])), { level: 6 });
}

export const packFolderName = (now: Date) => `aims-evidence-pack-${now.toISOString().slice(0, 10)}`;
