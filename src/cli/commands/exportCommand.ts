// `aims export systems|incidents|risks|soa|gap|… --format csv|json|md [--out FILE]`, and
// `aims export pack --out DIR`: the whole evidence pack for an auditor.
import fs from "node:fs";
import { exportText, type ExportFormat, type ExportKind } from "../../export/recordExport.js";
import { buildEvidencePack, writeEvidencePack } from "../../export/evidencePack.js";
import { CliError, withStore } from "../cliContext.js";

export const evidencePackRegister = "pack";

export async function exportRecords(kind: ExportKind | typeof evidencePackRegister, options: { format: ExportFormat; out?: string }): Promise<void> {
  if (kind === evidencePackRegister) return exportPack(options.out);
  const text = await withStore(async (_store, database) => exportText(database.prisma, kind, options.format));
  if (options.out) {
    fs.writeFileSync(options.out, text);
    console.error(`Written ${options.out}`);
  } else {
    process.stdout.write(text);
  }
}

async function exportPack(directory: string | undefined): Promise<void> {
  if (!directory) throw new CliError("The evidence pack is a folder of files: say where with --out DIR, e.g. `npx aims export pack --out evidence-pack`.");
  const files = await withStore((_store, database) => buildEvidencePack(database.prisma, new Date()));
  const written = writeEvidencePack(files, directory);
  console.error(`Written ${written.length} files to ${directory} (start with ${directory}/README.md).`);
}
