// Starts AIMS Assistant: `npm start`. Configuration comes from the environment and .env.
import { loadEnvironmentFile } from "./config/environmentFile.js";
import { ConfigError, loadConfig } from "./config/config.js";
import { createLogger } from "./logging/logger.js";
import { startService } from "./service.js";

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
try {
  const service = await startService(config, logger);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await service.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
} catch (error) {
  logger.fatal({ err: error }, "AIMS Assistant could not start");
  process.exit(1);
}
