// After the build (`npm install` runs it): makes the embedded database's template once, a data folder
// made as a first start makes one (initdb and every migration), so that a first start copies it
// instead (src/store/dataFolderTemplate.ts, src/store/embedded/clusterTemplate.ts).
// It never fails the install: without a template a first start simply takes a second longer.
import { prepareDataFolderTemplate } from "../dist/store/dataFolderTemplate.js";

try {
  const created = await prepareDataFolderTemplate();
  console.log(created ? "embedded database: template created (initdb and every migration)" : "embedded database: template already there");
} catch (error) {
  console.log(`embedded database: no template (${error instanceof Error ? error.message : String(error)}); a first start runs initdb instead`);
}
