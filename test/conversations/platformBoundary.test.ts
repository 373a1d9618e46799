import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const forbidden = /from\s+["'](@slack\/|botbuilder|botframework|express|node:http|node:https|http|https|openai)["'/]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("the domain and the conversations", () => {
  it.each(["src/conversations", "src/domain"])("%s import no Slack, Teams, HTTP or model library", (dir) => {
    const files = sourceFiles(dir);
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.filter((file) => forbidden.test(fs.readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
