// `aims export systems|incidents|risks|soa|gap|… --format csv|json|md [--out FILE]`, and
// `aims export pack --out DIR`: the whole evidence pack for an auditor.
import fs from "node:fs";
import os from "node:os";
import type { Store } from "../../store/store.js";
import type { Actor } from "../../store/changeHistory.js";
import { exportText, type ExportFormat, type ExportKind } from "../../export/recordExport.js";
import { buildEvidencePack, writeEvidencePack } from "../../export/evidencePack.js";
import { CliError, withStore } from "../cliContext.js";

export const evidencePackRegister = "pack";

export async function exportRecords(kind: ExportKind | typeof evidencePackRegister, options: { format: ExportFormat; out?: string; by?: string }): Promise<void> {
  if (kind === evidencePackRegister) return exportPack(options.out, options.by);
  const text = await withStore(async (_store, database) => exportText(database.prisma, kind, options.format));
  if (options.out) {
    fs.writeFileSync(options.out, text);
    console.error(`Written ${options.out}`);
  } else {
    process.stdout.write(text);
  }
}

async function exportPack(directory: string | undefined, by: string | undefined): Promise<void> {
  if (!directory) throw new CliError("The evidence pack is a folder of files: say where with --out DIR, e.g. `npx aims export pack --out evidence-pack`.");
  const files = await withStore(async (store, database, config) =>
    buildEvidencePack(database.prisma, new Date(), { timeZone: config.digest.timeZone, policyDir: config.policyDir, exportedBy: await exporter(store, by) }),
  );
  const written = writeEvidencePack(files, directory);
  console.error(`Written ${written.length} files to ${directory} (start with ${directory}/README.md; MANIFEST.json holds their SHA-256).`);
}

/** Who the manifest and the change history name: the person given with --by, or the operator's account. */
async function exporter(store: Store, by: string | undefined): Promise<Actor> {
  if (!by) return { personId: null, label: `${os.userInfo().username} (operator account)`, channel: "cli" };
  const wanted = by.trim().toLowerCase();
  const person = (await store.people.list()).find((candidate) => candidate.email?.toLowerCase() === wanted || candidate.displayName.toLowerCase() === wanted);
  if (!person) throw new CliError(`Nobody with the e-mail or name "${by}" is in the directory: give --by the e-mail of the person exporting the pack (\`npx aims people list\` shows them).`);
  return { personId: person.id, label: person.displayName, channel: "cli" };
}
