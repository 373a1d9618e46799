import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/store.js";
import { aiSystemEntity } from "../../src/store/aiSystems.js";
import { incidentEntity } from "../../src/store/incidents.js";
import type { Actor } from "../../src/store/changeHistory.js";
import { anonymousActor } from "../../src/store/changeHistory.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

describe.each(backends)("change history on the %s database", (backend) => {
  let database: TestDatabase;
  let store: Store;
  let owner: Actor;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    store = createStore(database.prisma);
    const person = await store.people.create({ displayName: "Sofia Owner", email: "sofia@example.test", roles: ["owner"] });
    owner = { personId: person.id, label: person.displayName, channel: "slack" };
  });
  afterAll(() => database.dispose());

  it("writes who, when, through which channel and every field for a new AI system", async () => {
    const system = await store.aiSystems.register(
      { name: "Claims triage", kind: "internal_model", dataCategories: ["personal"], createdVia: "slack", ownerId: owner.personId },
      owner,
    );
    expect(system.reference).toMatch(/^AIS-\d{4}$/);
    const [entry, ...rest] = await store.history.of(aiSystemEntity, system.id);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({ action: "create", actorId: owner.personId, actorLabel: "Sofia Owner", channel: "slack", entityRef: system.reference });
    expect(entry?.changes).toMatchObject({
      name: { from: null, to: "Claims triage" },
      kind: { from: null, to: "internal_model" },
      dataCategories: { from: null, to: ["personal"] },
      status: { from: null, to: "pending_review" },
    });
  });

  it("records an update as the fields that changed, from what to what", async () => {
    const system = await store.aiSystems.register({ name: "Copy writer", vendor: "Acme AI", createdVia: "teams" }, owner);
    await store.aiSystems.update(system.reference, { vendor: "Acme AI Ltd", businessUnit: "Marketing" }, owner);
    const history = await store.history.of(aiSystemEntity, system.id);
    expect(history.map((entry) => entry.action)).toEqual(["create", "update"]);
    expect(history[1]?.changes).toEqual({
      vendor: { from: "Acme AI", to: "Acme AI Ltd" },
      businessUnit: { from: null, to: "Marketing" },
    });
  });

  it("marks a status change as such, and writes nothing when nothing changed", async () => {
    const system = await store.aiSystems.register({ name: "Fraud scorer", createdVia: "cli" }, owner);
    await store.aiSystems.update(system.reference, { status: "approved" }, owner);
    await store.aiSystems.update(system.reference, { status: "approved" }, owner);
    const history = await store.history.of(aiSystemEntity, system.id);
    expect(history.map((entry) => entry.action)).toEqual(["create", "status_change"]);
    expect(history[1]?.changes).toEqual({ status: { from: "pending_review", to: "approved" } });
  });

  it("keeps an anonymous incident report free of the reporter's identity", async () => {
    const incident = await store.incidents.report(
      { type: "bias", severity: "sev2", description: "Scores differ by postcode", anonymous: true, confidential: true, createdVia: "slack" },
      anonymousActor("slack"),
    );
    expect(incident.reporterId).toBeNull();
    const [entry] = await store.history.of(incidentEntity, incident.id);
    expect(entry).toMatchObject({ actorId: null, actorLabel: "anonymous" });
  });

  it("refuses to edit or delete history, even through the raw database client", async () => {
    const system = await store.aiSystems.register({ name: "Chat assistant", createdVia: "cli" }, owner);
    const [entry] = await store.history.of(aiSystemEntity, system.id);
    await expect(
      database.prisma.changeLog.update({ where: { id: entry!.id }, data: { actorLabel: "someone else" } }),
    ).rejects.toThrow(/append-only/);
    await expect(database.prisma.changeLog.delete({ where: { id: entry!.id } })).rejects.toThrow(/append-only/);
    await expect(database.prisma.$executeRawUnsafe(`TRUNCATE "ChangeLog"`)).rejects.toThrow(/append-only/);
    expect(await store.history.of(aiSystemEntity, system.id)).toHaveLength(1);
  });

  it("writes no history for a change that fails, and no record without history", async () => {
    const before = await database.prisma.changeLog.count();
    await expect(store.aiSystems.update("AIS-9999", { name: "Ghost" }, owner)).rejects.toThrow(/AIS-9999 does not exist/);
    await expect(store.aiSystems.register({ name: "", createdVia: "cli" }, owner)).rejects.toThrow();
    expect(await database.prisma.changeLog.count()).toBe(before);
  });

  it("hands out consecutive references under concurrent registrations", async () => {
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.aiSystems.register({ name: `Parallel ${i}`, createdVia: "cli" }, owner)),
    );
    const numbers = created.map((system) => Number(system.reference.slice(4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers[7]! - numbers[0]!).toBe(7);
  });
});
