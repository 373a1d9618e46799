#!/usr/bin/env node
// The `aims` command: the compiled CLI in dist/ (`npm install` builds it; `npm run build` again after a change).
import fs from "node:fs";

const cli = new URL("../dist/cli/aims.js", import.meta.url);
if (!fs.existsSync(cli)) {
  console.error("AIMS Assistant is not built yet: run `npm run build` (npm install does it) and try again.");
  process.exit(1);
}
await import(cli.href);
