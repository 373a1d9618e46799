// One service per data folder: two would each believe they own the embedded server and stop it
// under the other. CLI commands do not take this lock: they share the running server.
// The lock is a file holding the service's pid; one left by a killed process is taken over.
import fs from "node:fs";
import path from "node:path";
import { isAlive } from "./postgresProcess.js";

export class DataDirBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another AIMS Assistant service (process ${pid}) is already running on the data folder ${dataDir}. ` +
        "Stop it first, or give this one its own AIMS_DATA_DIR. (CLI commands such as `npx aims export` work while it runs.)",
    );
    this.name = "DataDirBusyError";
  }
}

const lockFileOf = (dataDir: string) => path.join(dataDir, "service.pid");

/** Claims the data folder for this service; returns the release function. */
export function claimServiceLock(dataDir: string): () => void {
  const lockFile = lockFileOf(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => {
        if (serviceHolding(dataDir) === process.pid) fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = serviceHolding(dataDir);
      if (holder !== undefined && holder !== process.pid) throw new DataDirBusyError(dataDir, holder);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** The pid of the live service holding the folder, if any. */
export function serviceHolding(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFileOf(dataDir), "utf8"));
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}
