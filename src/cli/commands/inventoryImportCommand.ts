// `aims import systems FILE.csv|FILE.xlsx`: the AI inventory an organisation already keeps. All rows
// or none (each problem with its line); each owner then gets one DM to confirm or correct their entries.
import { checkInventoryRows } from "../../inventory/inventoryRows.js";
import { importInventory, inventoryContext } from "../../inventory/inventoryImport.js";
import { InventoryFileError, readInventoryFile } from "../../inventory/inventoryFile.js";
import { CliError, withStore } from "../cliContext.js";

export async function importSystems(file: string): Promise<void> {
  const rows = await readInventoryFile(file).catch((error: unknown) => {
    throw error instanceof InventoryFileError ? new CliError(error.message) : error;
  });
  const summary = await withStore(async (_store, database, config) => {
    const checked = checkInventoryRows(rows, await inventoryContext(database.prisma));
    if (checked.problems.length > 0) throw new CliError(`Nothing was imported; please fix these and try again:\n${checked.problems.join("\n")}`);
    return importInventory(database.prisma, checked.entries, {
      actor: { personId: null, label: `import of ${file}`, channel: "import" },
      now: new Date(),
      intervals: config.reviewIntervals,
    });
  });
  const incomplete = summary.systems.filter((system) => system.tier === "incomplete").length;
  console.log(
    [
      `Imported ${summary.systems.length} AI system${summary.systems.length === 1 ? "" : "s"} from ${file} (${incomplete} incomplete); ${summary.owners} owner${summary.owners === 1 ? "" : "s"} will be asked by direct message to confirm or correct them.`,
      ...summary.systems.map((system) => `  ${system.reference}  ${system.tier.padEnd(10)}  ${system.name} (${system.ownerEmail})`),
    ].join("\n"),
  );
}
