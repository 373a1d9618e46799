// The project's own folder (package.json, prompts/, prisma/, policies/, manifests/, src/), found
// from wherever this code runs: src/ under tsx, dist/ as compiled by tsc, and the bundled service
// in dist/bundle/ (its chunks sit at another depth than the modules they were made from), so no
// module counts "../.." from its own place.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageName = "aims-assistant";

function findProjectFolder(start: string): string {
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (isThisPackage(path.join(folder, "package.json"))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`no package.json of ${packageName} above ${start}`);
  }
}

function isThisPackage(packageJson: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { name?: string }).name === packageName;
  } catch {
    return false;
  }
}

export const projectFolder = findProjectFolder(path.dirname(fileURLToPath(import.meta.url)));

/** A file of the project, by its path from the project folder: `inProject("prompts")`. */
export const inProject = (...parts: string[]) => path.join(projectFolder, ...parts);
