// The composition root: reads nothing global, builds every part from the config it is given,
// and hands back one object that can stop it all. main.ts and the tests both start it here.
import type { Config } from "./config/config.js";
import type { Logger } from "./logging/logger.js";
import { createHttpApp, listen, type RunningHttpServer } from "./http/httpServer.js";
import { openDatabase, type Database } from "./store/database.js";
import { createStore, type Store } from "./store/store.js";

export interface RunningService {
  url: string;
  database: Database;
  store: Store;
  stop(): Promise<void>;
}

export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const database = await openMigratedDatabase(config, logger);
  const store = createStore(database.prisma);
  let server: RunningHttpServer;
  try {
    const app = createHttpApp({
      logger,
      health: async () => {
        const reachable = await database.isReachable();
        return { healthy: reachable, details: { database: reachable ? "reachable" : "unreachable", backend: database.backend } };
      },
    });
    server = await listen(app, config.port, config.host);
  } catch (error) {
    await database.close();
    throw error;
  }
  logger.info({ url: server.url, database: database.backend }, "AIMS Assistant is listening");
  return {
    url: server.url,
    database,
    store,
    async stop() {
      await server.close();
      await database.close();
      logger.info("AIMS Assistant stopped");
    },
  };
}

async function openMigratedDatabase(config: Config, logger: Logger): Promise<Database> {
  const started = performance.now();
  const database = await openDatabase(config.database);
  try {
    const applied = await database.migrate();
    logger.info(
      { backend: database.backend, appliedMigrations: applied, openMs: Math.round(performance.now() - started) },
      applied.length > 0 ? "database migrated" : "database up to date",
    );
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
