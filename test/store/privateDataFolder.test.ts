// As root (containers, CI) the embedded server runs as `postgres`, which cannot enter a folder private to
// root, such as a checkout under /root or a `mktemp -d`. The data folder there still works: the cluster
// lives in a folder of postgres's own under /var/lib, linked from the data folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stopEmbeddedServerIn } from "../../src/store/embedded/embeddedServer.js";
import { relocatedClustersDir } from "../../src/store/embedded/postgresProcess.js";
import { runAims } from "../support/processes.js";

describe.runIf(process.getuid?.() === 0)("a data folder private to root", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-private-")); // mode 0700: postgres cannot enter it
  const dataDir = path.join(dir, "data");
  afterAll(async () => {
    await stopEmbeddedServerIn(dataDir);
    const link = path.join(dataDir, "postgres");
    if (fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) fs.rmSync(fs.readlinkSync(link), { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("holds the embedded database, whose cluster lives where postgres can reach it", async () => {
    expect(fs.statSync(dir).mode & 0o077).toBe(0);
    const demo = await runAims(["demo-data"], { AIMS_DATA_DIR: dataDir });
    expect(demo.stderr).not.toMatch(/cannot enter/);
    expect(demo.code).toBe(0);
    const cluster = fs.readlinkSync(path.join(dataDir, "postgres"));
    expect(path.dirname(cluster)).toBe(relocatedClustersDir);
    expect(fs.existsSync(path.join(cluster, "PG_VERSION"))).toBe(true);

    // A second command opens the same database through the link.
    const exported = await runAims(["export", "systems", "--format", "json"], { AIMS_DATA_DIR: dataDir });
    expect(exported.code).toBe(0);
    expect((JSON.parse(exported.stdout) as unknown[]).length).toBeGreaterThan(10);
  }, 180_000);
});
