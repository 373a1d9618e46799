// `npm run teams:package`: the zip to upload to Teams (manifest + color and outline icons),
// with the bot id taken from MicrosoftAppId (environment or .env).
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { loadEnvironmentFile } from "../src/config/environmentFile.js";
import { encodePng } from "./png.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const templatePath = path.join(root, "manifests", "teams", "manifest.json");

/** A blue tile with a white ring: the full-colour icon (192×192). */
export function colorIcon(): Buffer {
  return encodePng(192, 192, (x, y) => {
    const distance = Math.hypot(x - 95.5, y - 95.5);
    return distance > 44 && distance < 62 ? [255, 255, 255, 255] : [59, 91, 219, 255];
  });
}

/** A white ring on transparency: the outline icon (32×32), as Teams requires. */
export function outlineIcon(): Buffer {
  return encodePng(32, 32, (x, y) => {
    const distance = Math.hypot(x - 15.5, y - 15.5);
    return distance > 9 && distance < 13 ? [255, 255, 255, 255] : [0, 0, 0, 0];
  });
}

export function teamsManifest(appId: string, hostName: string): Record<string, unknown> {
  const text = fs.readFileSync(templatePath, "utf8").replaceAll("{{MicrosoftAppId}}", appId).replaceAll("{{HOST_NAME}}", hostName);
  return JSON.parse(text) as Record<string, unknown>;
}

export function teamsPackage(appId: string, hostName: string): Uint8Array {
  return zipSync({
    "manifest.json": new TextEncoder().encode(JSON.stringify(teamsManifest(appId, hostName), null, 2)),
    "color.png": colorIcon(),
    "outline.png": outlineIcon(),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  loadEnvironmentFile();
  const appId = process.env.MicrosoftAppId?.trim();
  if (!appId) {
    console.error("MicrosoftAppId is not set: put the bot's app id in .env or the environment, then run npm run teams:package again.");
    process.exit(1);
  }
  const hostName = process.env.AIMS_PUBLIC_HOST?.trim() || "aims.example.com";
  const out = path.join(root, "dist", "teams", "aims-assistant-teams.zip");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, teamsPackage(appId, hostName));
  console.log(`Written ${path.relative(root, out)}: upload it in Teams (Apps → Manage your apps → Upload an app).`);
}
