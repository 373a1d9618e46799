// `aims digest --preview [--for governance|manager|channel] [--out DIR] [--time-zone ZONE]`: the weekly
// governance digest as it stands now, printed as Markdown, and with --out also saved with its chart,
// to check before it goes out. The week is the one in AIMS_DIGEST_TIME_ZONE (default UTC), the zone
// the Monday digest is sent in, unless --time-zone says otherwise.
import fs from "node:fs";
import path from "node:path";
import { renderDigestChart } from "../../digest/digestChart.js";
import { renderDigestMarkdown } from "../../digest/digestMarkdown.js";
import { buildWeeklyDigest } from "../../digest/buildWeeklyDigest.js";
import { assertTimeZone } from "../../digest/zonedCalendar.js";
import { queueWeeklyDigest } from "../../digest/digestSchedule.js";
import { serviceHolding } from "../../store/embedded/serviceLock.js";
import type { DigestReader } from "../../digest/weeklyDigest.js";
import { CliError, withStore } from "../cliContext.js";

export interface DigestCommandOptions {
  preview?: boolean;
  sendNow?: boolean;
  out?: string;
  timeZone?: string;
  for: DigestReader;
}

export async function digestCommand(options: DigestCommandOptions): Promise<void> {
  if (options.sendNow) return sendDigestNow();
  if (!options.preview) throw new CliError("Say what to do: `aims digest --preview` shows it here, `aims digest --send-now` sends this week's digest now.");
  return previewDigest(options);
}

/**
 * Queues this week's digest for every governance member, manager and subscribed channel now instead of at Monday's
 * hour (the same once-per-week key, so Monday does not send it again). The service's outbox sends it.
 */
async function sendDigestNow(): Promise<void> {
  const { queued, service } = await withStore(async (_store, database, config) => ({
    queued: await queueWeeklyDigest(database.prisma, new Date(), { ...config.digest, hoursIntoWeek: 0, attestationMonths: config.reminders.attestationMonths }),
    service: config.database.kind === "postgresql" || serviceHolding(config.dataDir) !== undefined,
  }));
  if (queued === 0) {
    console.log("This week's digest is already queued or sent for every governance member, manager and subscribed channel: nothing new to send.");
    return;
  }
  console.log(`Queued this week's digest for ${queued} recipient${queued === 1 ? "" : "s"}.`);
  console.log(service ? "The service sends it within its delivery interval." : "It goes out when the service starts (npm start).");
}

async function previewDigest(options: DigestCommandOptions): Promise<void> {
  try {
    if (options.timeZone) assertTimeZone(options.timeZone);
  } catch (error) {
    throw new CliError(`--time-zone: ${(error as Error).message}`);
  }
  const digest = await withStore((_store, database, config) =>
    buildWeeklyDigest(database.prisma, { now: new Date(), timeZone: options.timeZone ?? config.digest.timeZone, attestationMonths: config.reminders.attestationMonths }),
  );
  const markdown = renderDigestMarkdown(digest, options.for);
  process.stdout.write(markdown);
  if (options.out) {
    fs.mkdirSync(options.out, { recursive: true });
    fs.writeFileSync(path.join(options.out, "digest.md"), markdown);
    fs.writeFileSync(path.join(options.out, "digest-chart.png"), renderDigestChart(digest));
    console.error(`Written ${path.join(options.out, "digest.md")} and ${path.join(options.out, "digest-chart.png")}`);
  }
}
