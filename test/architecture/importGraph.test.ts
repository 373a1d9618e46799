// The import graph of src/, read with the TypeScript compiler: no file imports itself back through
// others (an import circle), and the conversation, command and flow code never imports the Prisma
// client: it goes through the features' use cases and the store.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const src = path.join(root, "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every module a file names (imports, re-exports, type-only ones too), resolved to a path in the tree when relative. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map(({ fileName }) => (fileName.startsWith(".") ? path.resolve(path.dirname(file), fileName.replace(/\.js$/, ".ts")) : fileName));
}

const files = sourceFiles(src);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const relative = (file: string) => path.relative(root, file);

/** Strongly connected components with more than one file (Tarjan): each is an import circle. */
function importCircles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let counter = 0;
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(relative(member));
    } while (member !== file);
    if (component.length > 1) circles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return circles;
}

/** The client and its models; the schema's enums (plain constants, no database) are the domain's vocabulary. */
const prismaEnums = path.join(src, "generated", "prisma", "enums.ts");
const prismaClient = (target: string) => (target.startsWith(path.join(src, "generated", "prisma")) && target !== prismaEnums) || target.startsWith("@prisma/");
const conversationCode = (file: string) => {
  const inSrc = path.relative(src, file).split(path.sep);
  return inSrc[0] === "conversations" || inSrc[0] === "commands" || inSrc.includes("commands") || inSrc.includes("flows");
};

/** Folder-level arrows: src/<folder> → src/<other folder>, with one import that draws each. */
function folderArrows(): Map<string, Map<string, string>> {
  const folderOf = (file: string) => {
    const parts = path.relative(src, file).split(path.sep);
    return parts.length === 1 ? "(src)" : parts[0]!;
  };
  const arrows = new Map<string, Map<string, string>>();
  for (const [file, targets] of graph) {
    for (const target of targets.filter((candidate) => graph.has(candidate))) {
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      const row = arrows.get(from) ?? new Map<string, string>();
      if (!row.has(to)) row.set(to, `${relative(file)} → ${relative(target)}`);
      arrows.set(from, row);
    }
  }
  return arrows;
}

/** Arrows that are part of a folder-level circle. */
function folderCircles(): string[] {
  const arrows = folderArrows();
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    from === to || (!seen.has(from) && (seen.add(from), [...(arrows.get(from)?.keys() ?? [])].some((next) => reaches(next, to, seen))));
  return [...arrows].flatMap(([from, row]) => [...row].filter(([to]) => reaches(to, from)).map(([to, example]) => `${from} → ${to} (${example})`));
}

describe("the import graph of src/", () => {
  it("reads a graph of the whole tree", () => {
    expect(files.length).toBeGreaterThan(150);
    expect(graph.get(path.join(src, "conversations", "engine.ts"))).toContain(path.join(src, "conversations", "messages.ts"));
  });

  it("has no import circle", () => {
    expect(importCircles()).toEqual([]);
  });

  it("has no circle between folders either (features use conversations and the store, never the reverse)", () => {
    expect(folderCircles()).toEqual([]);
  });

  it("keeps the Prisma client out of conversation, command and flow code", () => {
    const checked = files.filter(conversationCode);
    expect(checked.length).toBeGreaterThan(40);
    const offenders = checked.filter((file) => graph.get(file)!.some(prismaClient)).map(relative);
    expect(offenders).toEqual([]);
  });
});
