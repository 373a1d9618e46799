// Starts AIMS Assistant: `npm start`. Configuration comes from the environment and .env.
import "./runtimeFlags.js";
import { loadEnvironmentFile } from "./config/environmentFile.js";
import { ConfigError, loadConfig } from "./config/config.js";
import { createLogger } from "./logging/logger.js";
import { logProcessWarnings } from "./logging/processWarnings.js";
import { openReadyDatabase } from "./store/readyDatabase.js";
import { preloadPlatformModules } from "./channels/platformModules.js";
import { stopWhenNpmParentExits } from "./parentProcess.js";

loadEnvironmentFile();

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(78); // EX_CONFIG
}

const logger = createLogger(config.logLevel);
logProcessWarnings(logger);
try {
  // The database (the embedded server starting, or a connection to yours) is readied while the
  // service's modules (and the configured platforms' SDKs) load: both take a moment, and they do not wait for each other.
  const [database, serviceModule] = await Promise.allSettled([openReadyDatabase(config, logger, "service"), import("./service.js"), preloadPlatformModules(config)]);
  if (database.status === "rejected") throw database.reason;
  if (serviceModule.status === "rejected") {
    await database.value.close();
    throw serviceModule.reason;
  }
  let service;
  try {
    service = await serviceModule.value.startService(config, logger, { database: database.value });
  } catch (error) {
    await database.value.close();
    throw error;
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await service.stop();
    await database.value.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  stopWhenNpmParentExits(() => void stop("npm start stopped"));
} catch (error) {
  logger.fatal({ err: error }, "AIMS Assistant could not start");
  process.exit(1);
}
