// What the service loads before it answers: the modules src/main.ts and src/service.ts (which main
// loads alongside the database) reach through static imports (type-only imports and `import()` left out). The chat platforms' SDKs, OpenAI's client,
// the Word reader, the chart renderer and the zip writer are large; each is loaded only where the
// configuration or the request needs it, so none of them may be reachable from here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../../src");

/** Modules a file imports for their values at load time: `import x from`, `import {…} from`, `export … from`, `import "x"`. */
function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
    const clause = match[0];
    // `import { type A, type B } from` loads nothing at run time either.
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    if (names && !/^\s*import\s+\w/.test(clause) && names.split(",").every((name) => !name.trim() || name.trim().startsWith("type "))) continue;
    found.push(match[1]!);
  }
  return found;
}

function reachable(...entries: string[]): { files: Set<string>; packages: Set<string>; specifiers: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const specifiers = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith(".")) visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, ".ts")));
      else {
        specifiers.add(specifier);
        packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
      }
    }
  };
  for (const entry of entries) visit(entry);
  return { files, packages, specifiers };
}

describe("the service's start-up imports", () => {
  it("loads no chat platform SDK, OpenAI, Word reader, chart renderer or zip writer before it knows it needs them", () => {
    const { packages } = reachable(path.join(src, "main.ts"), path.join(src, "service.ts"));
    expect(packages.has("pino")).toBe(true); // the walk does follow the imports
    const heavy = ["botbuilder", "@slack/bolt", "@slack/web-api", "openai", "mammoth", "chart.js", "@napi-rs/canvas", "fflate", "read-excel-file", "@electric-sql/pglite"];
    expect(heavy.filter((name) => packages.has(name))).toEqual([]);
  });

  it("reads relative dates with chrono's English alone: its other languages (270 modules together) load only for a locale that needs one", () => {
    const { specifiers } = reachable(path.join(src, "main.ts"), path.join(src, "service.ts"));
    expect(specifiers.has("chrono-node/en")).toBe(true);
    expect([...specifiers].filter((specifier) => specifier.startsWith("chrono-node") && specifier !== "chrono-node/en")).toEqual([]);
  });

  it("gives Teams a channel that loads the Bot Framework SDK only when Teams first has work", () => {
    const { packages } = reachable(path.join(src, "channels/teams/teamsOnDemand.ts"));
    expect(packages.has("express")).toBe(true);
    expect(packages.has("botbuilder")).toBe(false);
    expect(reachable(path.join(src, "channels/teams/teamsChannel.ts")).packages.has("botbuilder")).toBe(true);
  });

  it("loads the service's own code through the same walk (the engine, the store, the HTTP server)", () => {
    const { files } = reachable(path.join(src, "service.ts"));
    for (const part of ["conversationEngine.ts", "store/store.ts", "http/httpServer.ts"]) expect([...files].some((file) => file.endsWith(part))).toBe(true);
  });
});
