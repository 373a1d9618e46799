// `aims export systems|incidents|actions|training|soa|gap --format csv|json|md [--out FILE]`.
import fs from "node:fs";
import { exportText, type ExportFormat, type ExportKind } from "../../export/recordExport.js";
import { withStore } from "../cliContext.js";

export async function exportRecords(kind: ExportKind, options: { format: ExportFormat; out?: string }): Promise<void> {
  const text = await withStore(async (_store, database) => exportText(database.prisma, kind, options.format));
  if (options.out) {
    fs.writeFileSync(options.out, text);
    console.error(`Written ${options.out}`);
  } else {
    process.stdout.write(text);
  }
}
