// After `tsc -p tsconfig.build.json`: the files the compiled code reads beside itself
// (src/**/*.json, *.html) are copied into dist/ at the same place. Plain JavaScript, so that
// `npm install` can run it before anything is compiled.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const assetPattern = /\.(json|html)$/;

let copied = 0;
for (const file of fs.readdirSync(path.join(root, "src"), { recursive: true, encoding: "utf8" })) {
  if (!assetPattern.test(file) || file.startsWith(`generated${path.sep}`)) continue;
  const target = path.join(root, "dist", file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(root, "src", file), target);
  copied++;
}
console.log(`build: copied ${copied} asset files to dist/`);
