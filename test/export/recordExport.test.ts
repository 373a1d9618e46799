import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { Prisma } from "../../src/generated/prisma/client.js";
import { buildTable, renderTable } from "../../src/export/recordExport.js";
import { createStore } from "../../src/store/store.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const count = 1000;

describe.each(backends)("exporting 1,000 records on the %s database", (backend) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const store = createStore(database.prisma);
    const owner = await store.people.create({ displayName: "Grace Owner", email: "grace@example.test" });
    const actor = { personId: owner.id, label: owner.displayName, channel: "cli" as const };
    // Bulk rows keep the fixture fast; two records also go through the store to carry history.
    await database.prisma.aiSystem.createMany({
      data: Array.from({ length: count - 1 }, (_, i) => ({
        reference: `AIS-${String(i + 2).padStart(4, "0")}`,
        name: `System ${i + 2}`,
        purpose: `Purpose, with "quotes" | pipes\nand a new line ${i}`,
        kind: "third_party_service" as const,
        vendor: "Vendor",
        dataCategories: ["personal" as const, "public_only" as const],
        createdVia: "import" as const,
      })),
    });
    await database.prisma.referenceCounter.create({ data: { prefix: "AIS", last: count } });
    const first = await database.prisma.aiSystem.create({
      data: { reference: "AIS-0001", name: "System 1", createdVia: "cli", ownerId: owner.id },
    });
    await store.aiSystems.update(first.reference, { riskTier: "high", status: "approved" }, actor);
    await database.prisma.incident.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        reference: `INC-${String(i + 1).padStart(4, "0")}`,
        type: "privacy" as const,
        severity: "sev3" as const,
        description: `Incident ${i + 1}`,
        systemId: first.id,
        createdVia: "import" as const,
      })),
    });
  });
  afterAll(() => database.dispose());

  it("writes every stored column and the latest change, for every system, in CSV", async () => {
    const table = await buildTable(database.prisma, "systems");
    const rows: Record<string, string>[] = parse(renderTable(table, "csv"), { columns: true });
    expect(rows).toHaveLength(count);
    for (const column of Object.values(Prisma.AiSystemScalarFieldEnum)) expect(Object.keys(rows[0]!)).toContain(column);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["ownerName", "lastChangedAt", "lastChangedBy", "lastChangeAction"]));
    const first = rows.find((row) => row.reference === "AIS-0001")!;
    expect(first).toMatchObject({ riskTier: "high", status: "approved", ownerName: "Grace Owner", lastChangedBy: "Grace Owner", lastChangeAction: "status_change" });
    const other = rows.find((row) => row.reference === "AIS-0500")!;
    expect(other.purpose).toBe('Purpose, with "quotes" | pipes\nand a new line 498');
    expect(other.dataCategories).toBe("personal; public_only");
  });

  it("writes every incident with its system in JSON", async () => {
    const records = JSON.parse(renderTable(await buildTable(database.prisma, "incidents"), "json")) as Record<string, unknown>[];
    expect(records).toHaveLength(count);
    for (const column of Object.values(Prisma.IncidentScalarFieldEnum)) expect(records[999]).toHaveProperty(column);
    expect(records[999]).toMatchObject({ reference: "INC-1000", systemReference: "AIS-0001", systemName: "System 1", severity: "sev3" });
  });

  it("writes a Markdown table with one line per record and escaped cells", async () => {
    const text = renderTable(await buildTable(database.prisma, "systems"), "md");
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(count + 2);
    const header = lines[0]!.split(" | ").length;
    expect(lines.every((line) => line.split(/(?<!\\) \| /).length === header)).toBe(true);
    expect(text).toContain("with \"quotes\" \\| pipes<br>and a new line");
  });
});
