import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { demoSystems } from "../../src/demo/demoOrganisation.js";
import { runAims, runMain, scratchDataDir, startServiceProcess } from "../support/processes.js";
import { createPostgresDatabase, withAdmin } from "../support/testDatabase.js";

const temporaryDirs: { dispose(): Promise<void> }[] = [];
afterAll(async () => {
  for (const dir of temporaryDirs) await dir.dispose();
});

function dataDir(): string {
  const scratch = scratchDataDir("aims-service-");
  temporaryDirs.push(scratch);
  return scratch.dataDir;
}

describe("the service on its embedded database", () => {
  it("starts healthy, keeps records across restarts, and recreates a deleted data folder", async () => {
    const env = { AIMS_DATA_DIR: dataDir(), LOCAL_CHAT: "off" };

    const first = await startServiceProcess(env);
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "reachable", backend: "embedded" });
    // The CLI shares the running service's database; a second service on the folder is refused.
    const whileRunning = await runAims(["export", "systems", "--format", "json"], env);
    expect(whileRunning.code).toBe(0);
    expect(JSON.parse(whileRunning.stdout)).toEqual([]);
    const second = await runMain(env);
    expect(second.code).toBe(1);
    expect(second.stdout + second.stderr).toMatch(/Another AIMS Assistant service \(process \d+\) is already running on the data folder/);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect(await first.stop()).toBe(0);

    const loaded = await runAims(["demo-data"], env);
    expect(loaded.stdout).toContain(`${demoSystems.length} AI systems`);

    const restarted = await startServiceProcess(env);
    expect(await restarted.stop()).toBe(0);
    const exported = await runAims(["export", "systems", "--format", "json"], env);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toHaveLength(demoSystems.length);

    fs.rmSync(env.AIMS_DATA_DIR, { recursive: true, force: true });
    const recreated = await startServiceProcess(env);
    expect(await recreated.stop()).toBe(0);
    const empty = await runAims(["export", "systems", "--format", "json"], env);
    expect(JSON.parse(empty.stdout)).toEqual([]);
  }, 240_000);
});

describe("the service with bad configuration", () => {
  it.each([
    [{ PORT: "eighty" }, /PORT: must be a whole number/],
    [{ PORT: "99999" }, /PORT: must be between 1 and 65535/],
    [{ DATABASE_URL: "postgres:/missing-host" }, /DATABASE_URL: must look like postgresql:\/\//],
  ])("stops with a message naming the variable (%o)", async (env, message) => {
    const result = await runMain(env);
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(".env.example");
  });
});

describe("the service with a policy folder that is not there", () => {
  it("stops, logging the error by its own name and saying which variable to set", async () => {
    const missing = "/nonexistent/aims-policies";
    const result = await runMain({ AIMS_DATA_DIR: dataDir(), LOCAL_CHAT: "off", POLICY_DIR: missing });
    expect(result.code).toBe(1);
    const fatal = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { level: number; err?: { type: string; message: string } })
      .find((line) => line.level === 60);
    // The log's error type is the class's name, in the bundled service as in the sources.
    expect(fatal?.err?.type).toBe("PolicyDirMissingError");
    expect(fatal?.err?.message).toContain(`POLICY_DIR ${missing} does not exist`);
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)("the service on PostgreSQL", () => {
  it("migrates as `prisma migrate deploy` would, and reports the database's health", async () => {
    const { url, drop } = await createPostgresDatabase();
    const service = await startServiceProcess({ DATABASE_URL: url, AIMS_DATA_DIR: dataDir() });
    const client = new pg.Client({ connectionString: url });
    try {
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
      await client.connect();
      const { rows } = await client.query(
        "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
      await client.end();

      // Take the database away from the service, then give it back: health follows, no restart needed.
      const database = new URL(url).pathname.slice(1);
      await withAdmin(process.env.TEST_DATABASE_URL!, async (admin) => {
        await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [database]);
      });
      const down = await fetch(`${service.url}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "unavailable", database: "unreachable" });
      await withAdmin(process.env.TEST_DATABASE_URL!, (admin) => admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`));
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    } finally {
      expect(await service.stop()).toBe(0);
      await drop();
    }
  });
});
