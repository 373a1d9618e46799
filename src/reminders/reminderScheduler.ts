// Looks for what falls due every few minutes (and at start-up): reminders, and the weekly digest
// when its hour has come. Then lets the outbox send it.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { ReminderSettings } from "../domain/reminderRules.js";
import type { Logger } from "../logging/logger.js";
import { queueReminders } from "./reminderScan.js";
import { queueWeeklyDigest, type DigestSchedule } from "../digest/digestSchedule.js";

export interface ReminderScheduler {
  runNow(): Promise<number>;
  stop(): Promise<void>;
}

export function startReminderScheduler(deps: { prisma: PrismaClient; settings: ReminderSettings; digest: DigestSchedule; logger: Logger; intervalMs: number; afterScan: () => void; beforeScan?: () => Promise<unknown>; clock?: () => Date }): ReminderScheduler {
  let running: Promise<number> = Promise.resolve(0);
  const scan = async (): Promise<number> => {
    const now = deps.clock?.() ?? new Date();
    try {
      // One after the other: the embedded database has a single connection.
      await deps.beforeScan?.();
      const queued = (await queueReminders(deps.prisma, now, deps.settings)) + (await queueWeeklyDigest(deps.prisma, now, deps.digest));
      if (queued > 0) {
        deps.logger.info({ queued }, "reminders queued");
        deps.afterScan();
      }
      return queued;
    } catch (error) {
      deps.logger.error({ err: error }, "looking for due reminders failed");
      return 0;
    }
  };
  // Scans run one at a time; asking for one while another runs gets a fresh one after it.
  const runNow = () => (running = running.then(scan));
  const timer = setInterval(() => void runNow(), deps.intervalMs);
  timer.unref();
  void runNow();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
