// Runs once before the suite: starts a throwaway embedded PostgreSQL server (the same one the
// service uses by default) and builds a migrated template database on it, and on the server in
// TEST_DATABASE_URL when set. Every test database is then a `CREATE DATABASE … TEMPLATE` copy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openEmbeddedServer } from "../../src/store/embedded/embeddedServer.js";
import { openDatabase } from "../../src/store/database.js";
import { createScratchDatabase, type ScratchDatabase } from "../../src/store/postgresAdapter.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The embedded test server, database `postgres` (superuser). */
    embeddedServerUrl: string;
    /** Database names of the migrated templates, by backend. */
    embeddedTemplate: string;
    postgresTemplate: string;
  }
}

/** Speed over durability: the cluster is deleted after the run. */
const throwawaySettings = { fsync: "off", synchronous_commit: "off", full_page_writes: "off", max_connections: "200" };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-test-server-"));
  fs.chmodSync(dir, 0o755); // as root the server runs as `postgres`, which must reach it
  const server = await openEmbeddedServer(path.join(dir, "data"), { settings: throwawaySettings });
  const embeddedTemplate = await migratedTemplate(server.url());
  const postgresTemplate = process.env.TEST_DATABASE_URL ? await migratedTemplate(process.env.TEST_DATABASE_URL) : undefined;
  project.provide("embeddedServerUrl", server.url());
  project.provide("embeddedTemplate", embeddedTemplate.name);
  project.provide("postgresTemplate", postgresTemplate?.name ?? "");
  return async () => {
    await postgresTemplate?.drop();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

async function migratedTemplate(serverUrl: string): Promise<ScratchDatabase & { name: string }> {
  const template = await createScratchDatabase(serverUrl, { prefix: "aims_template" });
  const database = await openDatabase({ kind: "postgresql", url: template.url });
  try {
    await database.migrate();
  } finally {
    await database.close(); // a template must have no open connections to be copied
  }
  return { ...template, name: new URL(template.url).pathname.slice(1) };
}
