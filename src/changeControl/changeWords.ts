// The words change control shows and reads.
import type { LifecycleStage, SystemChangeStatus } from "../generated/prisma/enums.js";

export const changeStatusLabels: Record<SystemChangeStatus, string> = {
  awaiting_approval: "awaiting approval",
  approved: "approved",
  rejected: "rejected",
  recorded: "recorded (no approval to reopen)",
};

/** What people type after "stage AIS-0001 …". */
export const stageWords: Record<string, LifecycleStage> = {
  proposed: "proposed",
  development: "in_development",
  "in development": "in_development",
  pilot: "pilot",
  production: "in_production",
  "in production": "in_production",
  retired: "retired",
};
