// Inside a transaction the Prisma client loads a record's relations with several queries at once,
// and a transaction holds one connection: pg warns that it will stop queueing such queries (pg 9
// fails them). The service's adapter sends a transaction's statements in turn, so nothing is
// queued behind a busy connection and nothing is printed to the service's log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

const warnings: string[] = [];
process.on("warning", (warning) => warnings.push(warning.message));

describe.each(backends)("a transaction that reads a record with its relations (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("gets every relation, with no query queued behind another on its connection", async () => {
    const owner = await database.prisma.person.create({ data: { displayName: "Priya Shah", roles: [] } });
    const reporter = await database.prisma.person.create({ data: { displayName: "Leila Okafor", roles: [] } });
    const system = await database.prisma.aiSystem.create({
      data: { reference: "AIS-0901", name: "CV screener", createdVia: "cli", ownerId: owner.id, reportedById: reporter.id, decidedById: owner.id },
    });
    const updated = await database.prisma.$transaction((tx) =>
      tx.aiSystem.update({
        where: { id: system.id },
        data: { purpose: "Shortlists applicants" },
        include: { owner: true, reportedBy: true, decidedBy: true, incidents: true, risks: true, suppliers: true },
      }),
    );
    expect(updated).toMatchObject({ purpose: "Shortlists applicants", owner: { displayName: "Priya Shah" }, reportedBy: { displayName: "Leila Okafor" }, decidedBy: { displayName: "Priya Shah" }, incidents: [], risks: [] });
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    expect(warnings.filter((message) => /already executing a query/.test(message))).toEqual([]);
  });
});
