// What every CLI command needs: the validated config and an open, migrated database.
import { loadEnvironmentFile } from "../config/environmentFile.js";
import { ConfigError, loadConfig, type Config } from "../config/config.js";
import type { Database } from "../store/database.js";
import { openReadyDatabase } from "../store/readyDatabase.js";
import { createStore, type Store } from "../store/store.js";
import { configureDateDisplay } from "../domain/dateDisplay.js";
import { loadDateLanguage } from "../conversations/dateAnswers.js";

export class CliError extends Error {}

export function cliConfig(): Config {
  loadEnvironmentFile();
  try {
    const config = loadConfig();
    configureDateDisplay(config.dates);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/** Commands print their own output; only warnings reach standard error. */
const quietLogger = {
  info: () => {},
  warn: (_details: object, message: string) => console.error(message),
};

export async function withStore<T>(work: (store: Store, database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = cliConfig();
  await loadDateLanguage(config.dates.locale);
  // Shares the running service's embedded server, or starts it for this command and stops it after.
  const database = await openReadyDatabase(config, quietLogger, "command");
  try {
    return await work(createStore(database.prisma), database, config);
  } finally {
    await database.close();
  }
}
