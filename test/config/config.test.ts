import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.js";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("starts on embedded defaults with an empty environment", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.host).toBe("127.0.0.1");
    expect(config.database.kind).toBe("embedded");
    expect(config.slack).toBeUndefined();
    expect(config.openai).toBeUndefined();
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const config = loadConfig({ DATABASE_URL: "postgresql://aims:secret@db.internal:5432/aims" });
    expect(config.database).toEqual({ kind: "postgresql", url: "postgresql://aims:secret@db.internal:5432/aims" });
  });

  it.each([
    ["abc", /PORT: must be a whole number/],
    ["0", /PORT: must be between 1 and 65535/],
    ["70000", /PORT: must be between 1 and 65535/],
    ["39.5", /PORT: must be a whole number/],
  ])("names PORT when it is %s", (value, message) => {
    expect(problemsOf({ PORT: value }).join("\n")).toMatch(message);
  });

  it.each(["mysql://localhost/aims", "not a url", "postgresql://", "postgresql://host-only"])(
    "names DATABASE_URL when it is %s",
    (value) => {
      expect(problemsOf({ DATABASE_URL: value }).join("\n")).toMatch(/^DATABASE_URL: must look like postgresql:\/\//);
    },
  );

  it("lists every problem at once, each with its variable", () => {
    const problems = problemsOf({
      PORT: "http",
      DATABASE_URL: "mysql://x/y",
      LOG_LEVEL: "chatty",
      SLACK_BOT_TOKEN: "xoxp-user-token",
      MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
      OPENAI_BASE_URL: "ftp://models",
    });
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual(
      ["DATABASE_URL", "LOG_LEVEL", "MicrosoftAppPassword", "OPENAI_BASE_URL", "PORT", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"].sort(),
    );
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "", SLACK_BOT_TOKEN: "" }).port).toBe(3978);
  });
});

describe(".env.example", () => {
  it("documents every variable the service reads, and starts on defaults when copied unchanged", async () => {
    const fs = await import("node:fs");
    const dotenv = await import("dotenv");
    const example = dotenv.parse(fs.readFileSync(new URL("../../.env.example", import.meta.url)));
    const source = fs.readFileSync(new URL("../../src/config/config.ts", import.meta.url), "utf8");
    const read = [...source.matchAll(/^\s+([A-Za-z_]+): /gm)].map((match) => match[1]!).filter((name) => /^[A-Z]|^Microsoft/.test(name));
    expect(read.length).toBeGreaterThan(10);
    for (const name of read) expect(Object.keys(example)).toContain(name);
    expect(loadConfig(example).database.kind).toBe("embedded");
  });
});
