// Stopping `npm start` as Docker, systemd or a process manager does: a SIGTERM to the npm process.
// npm passes it to the `sh -c` it runs the start script in, and that shell dies without passing it
// on; the service must still shut down in order (its work finished, its database server stopped)
// rather than run on without a parent until it is killed outright.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, projectRoot, scratchDataDir } from "../support/processes.js";
import { isAlive, readPostmasterPid } from "../../src/store/embedded/postgresProcess.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Resolves once `text` has appeared in what the process printed; rejects if it exits first or the deadline passes. */
function printed(child: ChildProcess, output: () => string, text: string, deadlineMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!output().includes(text)) return;
      cleanUp();
      resolve();
    };
    const timer = setTimeout(() => (cleanUp(), reject(new Error(`"${text}" not printed within ${deadlineMs} ms:\n${output()}`))), deadlineMs);
    const cleanUp = () => {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.stderr?.off("data", check);
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    check();
  });
}

/** Whether the process ends before the deadline (it is not our child: its end is only seen by looking). */
async function endsWithin(pid: number, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

describe("npm start, stopped with a SIGTERM to npm", () => {
  const scratch = scratchDataDir("aims-npm-start-");
  afterAll(() => scratch.dispose());

  it("shuts the service down in order and stops its database server", async () => {
    const port = await freePort();
    const child = spawn(npm, ["start"], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, AIMS_DATA_DIR: scratch.dataDir, PORT: String(port), LOCAL_CHAT: "off", LOG_LEVEL: "info" },
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    await printed(child, () => output, "AIMS Assistant is listening");
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const postmaster = readPostmasterPid(path.join(scratch.dataDir, "postgres"));
    expect(postmaster && isAlive(postmaster.pid)).toBe(true);

    child.kill("SIGTERM"); // npm, not the service: what a process manager stopping "npm start" does

    // The service's output still reaches this pipe after npm has gone.
    await printed(child, () => output, "AIMS Assistant stopped", 60_000);
    expect(output).toContain('"signal":"npm start stopped"');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // The service stops its database server last, as it exits.
    expect(await endsWithin(postmaster!.pid, 60_000), output).toBe(true);
  }, 300_000);
});
