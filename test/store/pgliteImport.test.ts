// Nothing lost from release 0.1: its data folder (AIMS_DATA_DIR/pgdata, written by PGlite) is
// imported into the embedded PostgreSQL server the first time the new release opens the folder.
// The fixture is a folder release 0.1 wrote on its first start (the demo organisation), stopped cleanly.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIncidents, demoSystems } from "../../src/demo/demoOrganisation.js";
import { openDatabase } from "../../src/store/database.js";
import { projectRoot, runAims, scratchDataDir } from "../support/processes.js";

const fixture = path.join(projectRoot, "test", "fixtures", "pglite-0.1-data.tar.gz");
const countsSql = "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename";

describe("a data folder of release 0.1 (PGlite)", () => {
  const data = scratchDataDir("aims-pglite-");
  let before: Record<string, number>;

  beforeAll(async () => {
    fs.mkdirSync(data.dataDir, { recursive: true });
    execFileSync("tar", ["xzf", fixture, "-C", data.dataDir]);
    before = await pgliteCounts(path.join(data.dataDir, "pgdata"));
  }, 120_000);
  afterAll(() => data.dispose());

  it("is imported whole on first use, kept as a backup, and not imported again", async () => {
    expect(before.AiSystem).toBe(demoSystems.length);
    expect(before.Incident).toBe(demoIncidents.length);

    const exported = await runAims(["export", "incidents", "--format", "json"], { AIMS_DATA_DIR: data.dataDir });
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    const incidents = JSON.parse(exported.stdout) as { reference: string }[];
    expect(incidents.map((incident) => incident.reference).sort()).toEqual(demoIncidents.map((_, index) => `INC-${String(index + 1).padStart(4, "0")}`));

    expect(fs.existsSync(path.join(data.dataDir, "pgdata"))).toBe(false);
    expect(fs.existsSync(path.join(data.dataDir, "pgdata.imported", "PG_VERSION"))).toBe(true);
    const database = await openDatabase({ kind: "embedded", dataDir: data.dataDir });
    try {
      const tables = await database.prisma.$queryRawUnsafe<{ name: string }[]>(countsSql);
      const after: Record<string, number> = {};
      for (const { name } of tables) after[name] = await countRows((sql) => database.prisma.$queryRawUnsafe(sql), name);
      // Every table of the old folder arrived whole; tables that later releases added start empty.
      expect(Object.fromEntries(Object.keys(before).map((name) => [name, after[name]]))).toEqual(before);
      expect(Object.entries(after).filter(([name, rows]) => !(name in before) && rows > 0)).toEqual([]);
      // The people's roles (text arrays) arrived as arrays: the role filters find the governance team.
      expect(await database.prisma.person.count({ where: { roles: { has: "governance" } } })).toBeGreaterThan(0);
      // Serial ids (the change log's) continue after the imported ones instead of colliding.
      const [serial] = await database.prisma.$queryRawUnsafe<{ next: bigint; max: bigint }[]>(
        `SELECT nextval(pg_get_serial_sequence('"ChangeLog"', 'id')) AS next, (SELECT max(id) FROM "ChangeLog") AS max`,
      );
      expect(serial!.next).toBeGreaterThan(serial!.max);
    } finally {
      await database.close();
    }
  });

  it("hands this week's digest to the managers and governance members it knew", async () => {
    const sent = await runAims(["digest", "--send-now"], { AIMS_DATA_DIR: data.dataDir });
    expect(sent.code).toBe(0);
    // The 0.1 folder knew one manager and two governance members; governance gets its own copy too.
    expect(sent.stdout).toContain("Queued this week's digest for 3 recipients");
  });
});

async function pgliteCounts(folder: string): Promise<Record<string, number>> {
  const pglite = new PGlite({ dataDir: folder });
  try {
    const { rows } = await pglite.query<{ name: string }>(countsSql);
    const counts: Record<string, number> = {};
    for (const { name } of rows) counts[name] = await countRows(async (sql) => (await pglite.query<{ count: number }>(sql)).rows, name);
    return counts;
  } finally {
    await pglite.close();
  }
}

async function countRows(query: (sql: string) => Promise<{ count: number }[]>, table: string): Promise<number> {
  const [row] = await query(`SELECT count(*)::int AS count FROM "${table}"`);
  return row!.count;
}
