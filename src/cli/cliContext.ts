// What every CLI command needs: the validated config and an open, migrated database.
import { loadEnvironmentFile } from "../config/environmentFile.js";
import { ConfigError, loadConfig, type Config } from "../config/config.js";
import { openDatabase, type Database } from "../store/database.js";
import { createStore, type Store } from "../store/store.js";

export class CliError extends Error {}

export function cliConfig(): Config {
  loadEnvironmentFile();
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

export async function withStore<T>(work: (store: Store, database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    return await work(createStore(database.prisma), database, config);
  } finally {
    await database.close();
  }
}
