// `npm run slack:manifest`: writes into manifests/slack/manifest.json what is made from the code:
// the `/aims` usage hint (from the command registry, so the hint Slack shows always names the
// commands the bot has) and the AI assistant view (its description and starting prompts).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chatCommands } from "../src/commands/commandRegistry.js";
import { slashUsageHint } from "../src/conversations/commands/commandHelp.js";
import { assistantView } from "../src/channels/slack/assistantManifest.js";

const manifestFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "manifests", "slack", "manifest.json");
// Only these parts change, so the file keeps its layout (and merges cleanly).
let source = fs.readFileSync(manifestFile, "utf8");
const hint = slashUsageHint(chatCommands);
source = source.replace(/("usage_hint": )"[^"]*"/, `$1${JSON.stringify(hint)}`);

const view = JSON.stringify(assistantView(chatCommands), null, 2).replace(/\n/g, "\n    ");
const viewEntry = `"assistant_view": ${view},\n    `;
const existing = /"assistant_view": \{[\s\S]*?\n {4}\},\n {4}/;
source = existing.test(source) ? source.replace(existing, viewEntry) : source.replace(/("features": \{\n {4})/, `$1${viewEntry}`);
JSON.parse(source); // never write a manifest Slack would reject as malformed
fs.writeFileSync(manifestFile, source);
console.log(`usage hint: ${hint}`);
console.log(`assistant view: ${assistantView(chatCommands).suggested_prompts.map((prompt) => prompt.title).join(" | ")}`);
