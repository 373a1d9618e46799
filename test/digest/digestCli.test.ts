import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runAims, scratchDataDir } from "../support/processes.js";

describe("aims digest --preview", () => {
  const { dir, dataDir, dispose } = scratchDataDir("aims-digest-");
  const env = { AIMS_DATA_DIR: dataDir, LOCAL_CHAT: "off" };
  afterAll(dispose);

  it("prints the demo organisation's digest and writes it with its chart to a new folder", async () => {
    expect((await runAims(["demo-data"], env)).code).toBe(0);
    const out = path.join(dir, "preview", "week");
    const result = await runAims(["digest", "--preview", "--out", out, "--time-zone", "Europe/Berlin"], env);
    expect(result.stderr).toContain("digest-chart.png");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("# AI governance digest");
    expect(result.stdout).toContain("(Europe/Berlin)");
    expect(result.stdout).toMatch(/\*\*Needs attention:\*\* .*AI systems? overdue for review/);
    expect(fs.readFileSync(path.join(out, "digest.md"), "utf8")).toBe(result.stdout);
    const png = fs.readFileSync(path.join(out, "digest-chart.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
    // The demo's confidential incidents are counted, never described.
    expect(result.stdout).not.toMatch(/career gap|individual salaries|hidden instructions|Copilot/i);
  });
});
