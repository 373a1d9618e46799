// `aims demo-data`: a populated inventory for a first look.
import { loadDemoOrganisation } from "../../demo/loadDemoOrganisation.js";
import { withStore } from "../cliContext.js";

export async function loadDemoData(): Promise<void> {
  const result = await withStore((store) => loadDemoOrganisation(store));
  console.log(
    `Demo organisation loaded: ${result.people} people, ${result.systems} AI systems, ${result.incidents} incidents added.`,
  );
}
