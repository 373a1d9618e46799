// What `npm install` prepares for the embedded database's first start (scripts/prepareEmbeddedDatabase.mjs):
// a data folder made exactly as a first start makes one (initdb, the server, every migration), kept as
// the cluster template that a new data folder copies (src/store/embedded/clusterTemplate.ts).
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "./database.js";
import { clusterTemplateOf, prepareClusterTemplate, type ClusterTemplate } from "./embedded/clusterTemplate.js";
import pg from "pg";
import { embeddedLayout, openEmbeddedServer, stopEmbeddedServerIn } from "./embedded/embeddedServer.js";
import { postgresBinaries, serverUser } from "./embedded/postgresProcess.js";

/** True when it made the template (in its place with the installed packages, unless given another), false when one was there already. */
export async function prepareDataFolderTemplate(template?: ClusterTemplate): Promise<boolean> {
  const binaries = await postgresBinaries();
  const user = await serverUser();
  return prepareClusterTemplate(
    async (scratch) => {
      const dataDir = path.join(scratch, "data");
      fs.mkdirSync(dataDir, { mode: 0o700 });
      if (user.uid !== undefined) fs.chownSync(dataDir, user.uid, user.gid!);
      // Started here with its WAL kept small, the server the migrations then find running keeps no spare WAL segments.
      await openEmbeddedServer(dataDir, { settings: smallWal });
      const database = await openDatabase({ kind: "embedded", dataDir, role: "command" }, {});
      try {
        try {
          await database.migrate();
        } finally {
          await database.close();
        }
        await leaveOnlyWhatAFolderNeeds(dataDir);
      } finally {
        await stopEmbeddedServerIn(dataDir);
      }
      const layout = embeddedLayout(dataDir);
      return { clusterDir: fs.realpathSync(layout.clusterDir), password: fs.readFileSync(layout.passwordFile, "utf8").trim() };
    },
    user,
    template ?? clusterTemplateOf(binaries),
  );
}

const smallWal = { min_wal_size: "2MB", max_wal_size: "2MB" };

/**
 * What a first start copies, made smaller: initdb's `postgres` database is for people and tools to
 * connect to and the service never uses it (300 files, 7 MB), and with its WAL kept to the minimum
 * the server removes the segments the migrations filled instead of keeping them for reuse. On a busy disk a first start's copy waits behind the writes before it, so every
 * megabyte it does not write counts.
 */
async function leaveOnlyWhatAFolderNeeds(dataDir: string): Promise<void> {
  const server = await openEmbeddedServer(dataDir, { settings: smallWal });
  const client = new pg.Client({ connectionString: server.url() });
  await client.connect();
  try {
    await client.query("DROP DATABASE IF EXISTS postgres"); // a cluster copied from an earlier template has none
    await client.query("CHECKPOINT");
  } finally {
    await client.end();
  }
}
