// Loads Prisma's schema engine compiled to WebAssembly. The `prisma` CLI would download a
// native engine, which is not always possible; this engine needs no binary and no network
// and talks to the database through the same driver adapter as Prisma Client.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { readingCatalogChars } from "./catalogChars.js";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

export type { SchemaEngine };

let wasmLoaded = false;

/** The package's entry imports a .wasm file as an ES module, which Node 20 cannot do: instantiate it by hand, once. */
function loadWasmOnce(): void {
  if (wasmLoaded) return;
  const require = createRequire(import.meta.url);
  // The package's exports map hides the .wasm file: resolve a visible entry and look beside it.
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const wasmBytes = fs.readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasmBytes), {
    "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports,
  });
  engineGlue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  wasmLoaded = true;
}

export async function openSchemaEngine(
  schemaText: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  loadWasmOnce();
  const glue = engineGlue as unknown as { SchemaEngine: typeof SchemaEngine };
  return glue.SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaText]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(readingCatalogCharsOf(adapterFactory)),
  );
}

/** Every connection the engine opens reads the catalogs' "char" columns (see catalogChars.ts). */
function readingCatalogCharsOf(inner: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const wrap = async (adapter: Promise<SqlDriverAdapter>) => {
    const connected = await adapter;
    readingCatalogChars(connected);
    return connected;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => wrap(inner.connect()),
    connectToShadowDb: () => wrap(inner.connectToShadowDb()),
  };
}
