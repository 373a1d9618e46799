// What `npm install` prepares for the embedded database's first start (scripts/prepareEmbeddedDatabase.mjs):
// a data folder made exactly as a first start makes one (initdb, the server, every migration), kept as
// the cluster template that a new data folder copies (src/store/embedded/clusterTemplate.ts).
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "./database.js";
import { clusterTemplateOf, prepareClusterTemplate, type ClusterTemplate } from "./embedded/clusterTemplate.js";
import { embeddedLayout, stopEmbeddedServerIn } from "./embedded/embeddedServer.js";
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
      const database = await openDatabase({ kind: "embedded", dataDir, role: "command" }, {});
      try {
        await database.migrate();
      } finally {
        await database.close();
        await stopEmbeddedServerIn(dataDir);
      }
      const layout = embeddedLayout(dataDir);
      return { clusterDir: fs.realpathSync(layout.clusterDir), password: fs.readFileSync(layout.passwordFile, "utf8").trim() };
    },
    user,
    template ?? clusterTemplateOf(binaries),
  );
}
