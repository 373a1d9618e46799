import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { teamsPackage } from "../../scripts/teamsPackage.js";
import { understandFirstMessage } from "../../src/conversations/understanding/firstMessage.js";
import { chatCommands } from "../../src/commands/commandRegistry.js";
import { runProcess, projectRoot } from "../support/processes.js";

const appId = "6f0c5c43-5a5d-4a51-9c1e-2f7a1d6a9b10";
const files = unzipSync(teamsPackage(appId, "aims.northwind.example"));
const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));

/** Width, height and RGBA pixels of one of our PNGs (8-bit RGBA, no filtering). */
function decodePng(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  expect(buffer[25]).toBe(6); // RGBA
  const idat = buffer.indexOf("IDAT");
  const raw = zlib.inflateSync(buffer.subarray(idat + 4, idat + 4 + buffer.readUInt32BE(idat - 4)));
  const pixels = Array.from({ length: width * height }, (_, i) => {
    const offset = Math.floor(i / width) * (1 + width * 4) + 1 + (i % width) * 4;
    return [raw[offset]!, raw[offset + 1]!, raw[offset + 2]!, raw[offset + 3]!];
  });
  return { width, height, pixels };
}

describe("the Teams app package", () => {
  it("has the manifest's required fields, with the bot id from configuration", () => {
    for (const field of ["$schema", "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor", "bots", "validDomains"]) {
      expect(manifest).toHaveProperty(field);
    }
    expect(manifest.manifestVersion).toBe("1.19");
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0].botId).toBe(appId);
    expect(manifest.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.developer.websiteUrl).toBe("https://aims.northwind.example/");
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(JSON.stringify(manifest)).not.toContain("{{");
  });

  it("lists commands the bot understands", () => {
    const commands = manifest.bots[0].commandLists[0].commands as { title: string }[];
    for (const command of commands.filter((candidate) => candidate.title !== "help")) expect(understandFirstMessage(command.title, chatCommands).route, command.title).not.toBe("clarify");
  });

  it("ships a 192×192 colour icon and a 32×32 white-on-transparent outline icon", () => {
    const color = decodePng(files["color.png"]!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(files["outline.png"]!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.pixels.some(([, , , alpha]) => alpha === 0)).toBe(true);
    expect(outline.pixels.every(([r, g, b, alpha]) => alpha === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
  });

  it("refuses to build without MicrosoftAppId, saying what to set", async () => {
    const result = await runProcess(process.execPath, ["--import", "tsx", `${projectRoot}/scripts/teamsPackage.ts`], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/MicrosoftAppId is not set/);
  });
});
