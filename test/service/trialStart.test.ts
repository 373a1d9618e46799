// A first trial: `npm start` on an empty data folder with nothing configured, the local chat open
// and the demo organisation loaded into it. Everything the service writes is a JSON log line a
// collector can read, and nothing fails, from the first start to an orderly stop.
import { afterAll, describe, expect, it } from "vitest";
import { scratchDataDir, startServiceProcess } from "../support/processes.js";

describe("npm start for a first trial on an empty data folder", () => {
  const data = scratchDataDir("aims-trial-");
  afterAll(async () => {
    await data.dispose();
  });

  it("loads the demo organisation and writes only JSON log lines, none of them a failure", async () => {
    const service = await startServiceProcess({ AIMS_DATA_DIR: data.dataDir, LOCAL_CHAT: "on" });
    expect(await service.stop()).toBe(0);
    const lines = service.output().trim().split("\n");
    const unreadable = lines.filter((line) => !isJson(line));
    expect(unreadable).toEqual([]);
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(entries.some((entry) => entry.msg === "loaded the demo organisation for the local chat")).toBe(true);
    expect(entries.filter((entry) => entry.level >= 50 || /failed/i.test(entry.msg))).toEqual([]);
  }, 180_000);
});

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
