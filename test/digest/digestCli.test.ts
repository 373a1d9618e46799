import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot, runAims, runProcess, scratchDataDir } from "../support/processes.js";

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
    expect(result.stdout).not.toMatch(/career gap|individual salaries|hidden instructions/i);
  });

  it("never describes a confidential incident in any copy, and names one only in the governance team's", async () => {
    const incidents = JSON.parse((await runAims(["export", "incidents", "--format", "json"], env)).stdout) as { reference: string; confidential: boolean; description: string; status: string }[];
    const confidential = incidents.filter((incident) => incident.confidential);
    expect(confidential.length).toBeGreaterThan(0);
    for (const reader of ["governance", "manager", "channel"]) {
      const copy = (await runAims(["digest", "--preview", "--for", reader], env)).stdout;
      for (const incident of confidential) {
        expect(copy).not.toContain(incident.description.slice(0, 40));
        if (reader !== "governance") expect(copy).not.toContain(incident.reference);
      }
    }
  });

  it("is in UTC unless AIMS_DIGEST_TIME_ZONE says otherwise, the zone the Monday digest is sent in", async () => {
    expect((await runAims(["digest", "--preview"], env)).stdout).toMatch(/^_Week from .*, \d\d:\d\d \(UTC\); the governance team's copy_$/m);
    expect((await runAims(["digest", "--preview"], { ...env, AIMS_DIGEST_TIME_ZONE: "Asia/Tokyo" })).stdout).toContain("(Asia/Tokyo)");
  });

  it("names the overdue systems in the governance copy and only counts them in a channel's", async () => {
    const governance = (await runAims(["digest", "--preview"], env)).stdout;
    const overdue = /## AI systems overdue for review\n(\d+) in all\.\n\n([^]*?)\n\n##/.exec(governance);
    expect(overdue, governance).not.toBeNull();
    const named = [...overdue![2]!.matchAll(/^\| (AIS-\d{4}) \|/gm)].map((row) => row[1]);
    expect(named.length).toBe(Math.min(Number(overdue![1]), 10));
    const channel = (await runAims(["digest", "--preview", "--for", "channel"], env)).stdout;
    expect(channel).toContain(`## AI systems overdue for review\n${overdue![1]} in all.`);
    expect(channel).not.toMatch(/AIS-\d{4}/);
  });

  it("shows the same Needs attention list as the digest in chat", async () => {
    const preview = (await runAims(["digest", "--preview"], env)).stdout;
    const inPreview = /\*\*Needs attention:\*\* (.*)$/m.exec(preview)![1]!.split(" · ");
    const chat = await runProcess(process.execPath, [path.join(projectRoot, "bin", "aims.js"), "chat", "--as", "governance"], env, "digest\nquit\n");
    const inChat = /Needs attention: (.*)$/m.exec(chat.stdout)![1]!.split("; ");
    expect(inPreview.length).toBeGreaterThan(3);
    expect(inChat).toEqual(inPreview);
  });
});
