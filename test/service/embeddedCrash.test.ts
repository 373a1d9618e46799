// The embedded server after a crash: whatever a `kill -9` leaves behind (a server still running
// with no service, or a postmaster.pid whose server is gone too), the next start works and has
// every record; an orderly stop leaves no server running.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoSystems } from "../../src/demo/demoOrganisation.js";
import { isAlive, readPostmasterPid } from "../../src/store/embedded/postgresProcess.js";
import { runAims, scratchDataDir, startServiceProcess, type ServiceProcess } from "../support/processes.js";

const data = scratchDataDir("aims-crash-");
const env = { AIMS_DATA_DIR: data.dataDir, LOCAL_CHAT: "on" };
const clusterDir = path.join(data.dataDir, "postgres");
afterAll(() => data.dispose());

async function killNine(service: ServiceProcess): Promise<void> {
  const exited = new Promise((resolve) => service.child.once("exit", resolve));
  service.child.kill("SIGKILL");
  await exited;
}

async function systemCount(running: ServiceProcess): Promise<number> {
  expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  const exported = await runAims(["export", "systems", "--format", "json"], env);
  expect(exported.stderr).toBe("");
  return (JSON.parse(exported.stdout) as unknown[]).length;
}

describe("the embedded database after a kill -9 of the service", () => {
  it("starts again on a server left running, and on a stale postmaster.pid, with every record", async () => {
    const first = await startServiceProcess(env);
    expect(await systemCount(first)).toBe(demoSystems.length);
    await killNine(first);

    // The server outlives the service: the next start uses it.
    const orphan = readPostmasterPid(clusterDir)!;
    expect(isAlive(orphan.pid)).toBe(true);
    const second = await startServiceProcess(env);
    expect(readPostmasterPid(clusterDir)!.pid).toBe(orphan.pid);
    expect(await systemCount(second)).toBe(demoSystems.length);
    await killNine(second);

    // Now the server dies as abruptly: its postmaster.pid stays behind, naming a dead process.
    process.kill(orphan.pid, "SIGKILL");
    while (isAlive(orphan.pid)) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fs.existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(true);
    const third = await startServiceProcess(env);
    const restarted = readPostmasterPid(clusterDir)!;
    expect(restarted.pid).not.toBe(orphan.pid);
    expect(await systemCount(third)).toBe(demoSystems.length);

    // An orderly stop takes the server down with the service.
    expect(await third.stop()).toBe(0);
    expect(isAlive(restarted.pid)).toBe(false);
    expect(fs.existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(false);
  }, 240_000);
});
