// `aims digest --preview [--out DIR] [--time-zone ZONE]`: the weekly governance digest as it stands
// now, printed as Markdown, and with --out also saved with its chart, to check before it goes out.
import fs from "node:fs";
import path from "node:path";
import { renderDigestChart } from "../../digest/digestChart.js";
import { renderDigestMarkdown } from "../../digest/digestMarkdown.js";
import { buildWeeklyDigest } from "../../digest/weeklyDigest.js";
import { assertTimeZone } from "../../digest/zonedCalendar.js";
import { queueWeeklyDigest } from "../../digest/digestSchedule.js";
import { CliError, withStore } from "../cliContext.js";

/** This week's digest, queued at once (each recipient still gets it once a week); the service delivers it. */
async function sendDigestNow(): Promise<void> {
  const queued = await withStore((_store, database, config) =>
    queueWeeklyDigest(database.prisma, new Date(), { timeZone: config.digest.timeZone, hoursIntoWeek: 0, attestationMonths: config.reminders.attestationMonths }),
  );
  console.log(queued > 0 ? `Queued this week's digest for ${queued} recipient${queued === 1 ? "" : "s"}; the running service sends it.` : "This week's digest was already queued for every manager and subscribed channel; nothing new to send.");
}

export interface DigestCommandOptions {
  preview?: boolean;
  /** Queue this week's digest now, whatever the hour: the running service's outbox sends it. */
  sendNow?: boolean;
  out?: string;
  timeZone: string;
}

export async function previewDigest(options: DigestCommandOptions): Promise<void> {
  if (options.sendNow) return sendDigestNow();
  if (!options.preview) throw new CliError("Run `aims digest --preview` to see it, or `aims digest --send-now` to queue this week's digest for the managers and subscribed channels now.");
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
