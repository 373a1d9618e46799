// A new data folder's cluster copied from the template `npm install` made: it must be a working
// server with the folder's own password (never the template's), and a missing or broken template
// must leave the first start to initdb, as before.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterSuperuser, copyClusterTemplate, initdbInto, prepareClusterTemplate, type ClusterTemplate } from "../../src/store/embedded/clusterTemplate.js";
import { copyUnderWay, generatePassword, initialiseCluster, postgresBinaries, serverUser, spawnPostmaster, stopPostmaster, type PostgresBinaries, type ServerUser } from "../../src/store/embedded/postgresProcess.js";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "aims-template-test-"));
fs.chmodSync(scratch, 0o755); // as root the server runs as `postgres`, which must reach it
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

let binaries: PostgresBinaries;
let user: ServerUser;
let template: ClusterTemplate;
beforeAll(async () => {
  binaries = await postgresBinaries();
  user = await serverUser();
  template = { clusterDir: path.join(scratch, "cache", "template"), passwordFile: path.join(scratch, "cache", "template.password") };
  expect(await prepareClusterTemplate(initdbInto(binaries, user), user, template)).toBe(true);
  // Made once: a second install step finds it.
  expect(await prepareClusterTemplate(initdbInto(binaries, user), user, template)).toBe(false);
});

/** Creates a data folder's cluster as a first start does; whether the template was copied. */
async function firstStart(clusterDir: string, password: string, from: ClusterTemplate): Promise<boolean> {
  let copied = false;
  await initialiseCluster(binaries, clusterDir, user, { user: clusterSuperuser, password }, async (dir) => (copied = await copyClusterTemplate(binaries, dir, user, password, from)));
  return copied;
}

/** Whether the superuser can log in with `password` on the cluster, started for the check. */
async function logsInWith(clusterDir: string, passwords: string[]): Promise<boolean[]> {
  const server = await spawnPostmaster(binaries, clusterDir, user, path.join(scratch, `${path.basename(clusterDir)}.log`));
  try {
    const results: boolean[] = [];
    for (const password of passwords) {
      for (let attempt = 0; ; attempt++) {
        const client = new pg.Client({ host: "127.0.0.1", port: server.port, user: clusterSuperuser, password, database: "postgres" });
        client.on("error", () => {});
        try {
          await client.connect();
          results.push(true);
          break;
        } catch (error) {
          // 28P01: the password was refused; anything else is the server still starting.
          if ((error as { code?: string }).code === "28P01") {
            results.push(false);
            break;
          }
          if (attempt > 300) throw error;
          await new Promise((resolve) => setTimeout(resolve, 20));
        } finally {
          await client.end().catch(() => {});
        }
      }
    }
    return results;
  } finally {
    await stopPostmaster(server.pid);
  }
}

describe("the embedded cluster template", () => {
  it("gives a new data folder a copy with a password of its own, and the template's password does not open it", async () => {
    const clusterDir = path.join(scratch, "folder-a", "postgres");
    const password = generatePassword();
    expect(await firstStart(clusterDir, password, template)).toBe(true);
    const templatePassword = fs.readFileSync(template.passwordFile, "utf8").trim();
    expect(await logsInWith(clusterDir, [password, templatePassword])).toEqual([true, false]);
  });

  it("starts a copy cut short (a crash mid-way) again on the next start", async () => {
    const clusterDir = path.join(scratch, "folder-cut-short", "postgres");
    fs.mkdirSync(path.join(clusterDir, "pg_stat"), { recursive: true });
    fs.writeFileSync(path.join(clusterDir, copyUnderWay), "");
    const password = generatePassword();
    expect(await firstStart(clusterDir, password, template)).toBe(true);
    expect(fs.existsSync(path.join(clusterDir, copyUnderWay))).toBe(false);
    expect(await logsInWith(clusterDir, [password])).toEqual([true]);
  });

  it("leaves the first start to initdb when the template is missing or broken", async () => {
    const missing = { clusterDir: path.join(scratch, "nowhere"), passwordFile: path.join(scratch, "nowhere.password") };
    const broken = path.join(scratch, "broken");
    fs.cpSync(template.clusterDir, broken, { recursive: true });
    fs.rmSync(path.join(broken, "global"), { recursive: true }); // no catalog: single-user mode cannot start
    fs.copyFileSync(template.passwordFile, `${broken}.password`);
    for (const [name, from] of [["missing", missing], ["broken", { clusterDir: broken, passwordFile: `${broken}.password` }]] as const) {
      const clusterDir = path.join(scratch, `folder-${name}`, "postgres");
      const password = generatePassword();
      expect(await firstStart(clusterDir, password, from)).toBe(false);
      expect(await logsInWith(clusterDir, [password])).toEqual([true]);
    }
  });
});
