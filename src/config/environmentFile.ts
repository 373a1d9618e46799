// An optional .env in the working directory; real environment variables win over it.
import fs from "node:fs";
import dotenv from "dotenv";

export function loadEnvironmentFile(file = ".env"): void {
  if (fs.existsSync(file)) dotenv.config({ path: file, quiet: true });
}
