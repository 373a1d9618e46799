// `npm run slack:manifest`: writes the `/aims` usage hint into manifests/slack/manifest.json from the
// command registry, so the hint Slack shows always names the commands the bot has.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chatCommands } from "../src/commands/commandRegistry.js";
import { slashUsageHint } from "../src/conversations/commands/commandHelp.js";

const manifestFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "manifests", "slack", "manifest.json");
// Only the hint's line changes, so the file keeps its layout.
const source = fs.readFileSync(manifestFile, "utf8");
const hint = slashUsageHint(chatCommands);
fs.writeFileSync(manifestFile, source.replace(/("usage_hint": )"[^"]*"/, `$1${JSON.stringify(hint)}`));
console.log(`usage hint: ${hint}`);
