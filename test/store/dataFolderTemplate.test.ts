// What `npm install` prepares (scripts/prepareEmbeddedDatabase.mjs): a template whose copy already
// holds the service's migrated database and no records, so a first start has nothing to apply.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDataFolderTemplate } from "../../src/store/dataFolderTemplate.js";
import { clusterSuperuser, copyClusterTemplate } from "../../src/store/embedded/clusterTemplate.js";
import { embeddedDatabaseName } from "../../src/store/embedded/embeddedServer.js";
import { generatePassword, initialiseCluster, postgresBinaries, serverUser, spawnPostmaster, stopPostmaster } from "../../src/store/embedded/postgresProcess.js";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "aims-data-template-test-"));
fs.chmodSync(scratch, 0o755); // as root the server runs as `postgres`, which must reach it
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("the data folder template npm install makes", () => {
  it("is a migrated, empty database, made once, that a new folder's copy opens with its own password", async () => {
    const template = { clusterDir: path.join(scratch, "cache", "template"), passwordFile: path.join(scratch, "cache", "template.password") };
    expect(await prepareDataFolderTemplate(template)).toBe(true);
    expect(await prepareDataFolderTemplate(template)).toBe(false);

    const binaries = await postgresBinaries();
    const user = await serverUser();
    const clusterDir = path.join(scratch, "folder", "postgres");
    const password = generatePassword();
    let copied = false;
    await initialiseCluster(binaries, clusterDir, user, { user: clusterSuperuser, password }, async (dir) => (copied = await copyClusterTemplate(binaries, dir, user, password, template)));
    expect(copied).toBe(true);

    const server = await spawnPostmaster(binaries, clusterDir, user, path.join(scratch, "folder.log"));
    try {
      const client = await connected({ host: "127.0.0.1", port: server.port, user: clusterSuperuser, password, database: embeddedDatabaseName });
      try {
        const { rows } = await client.query<{ inbox: string | null; systems: string }>(`SELECT to_regclass('"InboxMessage"')::text AS inbox, (SELECT count(*) FROM "AiSystem")::text AS systems`);
        expect(rows[0]).toEqual({ inbox: '"InboxMessage"', systems: "0" });
        // Only what a data folder needs, so a first start writes little: no `postgres` database, 1 MB WAL segments, none kept spare.
        const databases = await client.query<{ datname: string }>("SELECT datname FROM pg_database ORDER BY datname");
        expect(databases.rows.map((row) => row.datname)).toEqual([embeddedDatabaseName, "template0", "template1"]);
        const walSegments = fs.readdirSync(path.join(template.clusterDir, "pg_wal")).filter((name) => /^[0-9A-F]{24}$/.test(name));
        expect(walSegments.length).toBeLessThanOrEqual(3);
        for (const segment of walSegments) expect(fs.statSync(path.join(template.clusterDir, "pg_wal", segment)).size).toBe(1024 * 1024);
      } finally {
        await client.end();
      }
    } finally {
      await stopPostmaster(server.pid);
    }
  });
});

/** A client once the just-started server accepts it. */
async function connected(config: pg.ClientConfig): Promise<pg.Client> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client(config);
    client.on("error", () => {});
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt > 300) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
