// After the build (`npm install` runs it): creates the embedded database's cluster template once,
// so that a first start copies it instead of running initdb (src/store/embedded/clusterTemplate.ts).
// It never fails the install: without a template a first start simply takes a second longer.
import { postgresBinaries, serverUser } from "../dist/store/embedded/postgresProcess.js";
import { prepareClusterTemplate } from "../dist/store/embedded/clusterTemplate.js";

try {
  const created = await prepareClusterTemplate(await postgresBinaries(), await serverUser());
  console.log(created ? "embedded database: cluster template created" : "embedded database: cluster template already there");
} catch (error) {
  console.log(`embedded database: no cluster template (${error instanceof Error ? error.message : String(error)}); a first start runs initdb instead`);
}
