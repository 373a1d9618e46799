// `aims digest --preview [--out DIR] [--time-zone ZONE]`: the weekly governance digest as it stands
// now, printed as Markdown, and with --out also saved with its chart, to check before it goes out.
import fs from "node:fs";
import path from "node:path";
import { renderDigestChart } from "../../digest/digestChart.js";
import { renderDigestMarkdown } from "../../digest/digestMarkdown.js";
import { buildWeeklyDigest } from "../../digest/buildWeeklyDigest.js";
import { assertTimeZone } from "../../digest/zonedCalendar.js";
import { CliError, withStore } from "../cliContext.js";

export interface DigestCommandOptions {
  preview?: boolean;
  out?: string;
  timeZone: string;
}

export async function previewDigest(options: DigestCommandOptions): Promise<void> {
  if (!options.preview) throw new CliError("Only a preview is available here: run `aims digest --preview` (chat delivery sends the weekly digest).");
  try {
    assertTimeZone(options.timeZone);
  } catch (error) {
    throw new CliError(`--time-zone: ${(error as Error).message}`);
  }
  const digest = await withStore((_store, database) => buildWeeklyDigest(database.prisma, { now: new Date(), timeZone: options.timeZone }));
  const markdown = renderDigestMarkdown(digest);
  process.stdout.write(markdown);
  if (options.out) {
    fs.mkdirSync(options.out, { recursive: true });
    fs.writeFileSync(path.join(options.out, "digest.md"), markdown);
    fs.writeFileSync(path.join(options.out, "digest-chart.png"), renderDigestChart(digest));
    console.error(`Written ${path.join(options.out, "digest.md")} and ${path.join(options.out, "digest-chart.png")}`);
  }
}
