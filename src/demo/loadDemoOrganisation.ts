// Loads the demo organisation through the store, so its records carry change history like any
// other. Safe to run twice: people are matched by email, systems by name, incidents by description.
import type { Store } from "../store/store.js";
import { systemActor } from "../store/changeHistory.js";
import { demoIncidents, demoManagers, demoPeople, demoSystems } from "./demoOrganisation.js";
import { demoObjectives, demoScope } from "./demoScopeAndObjectives.js";
import { loadDemoRecords } from "./loadDemoRecords.js";
import { loadDemoMeasurement } from "./demoMeasurement.js";
import { loadDemoDataAndSuppliers } from "./demoDataAndSuppliers.js";
import { loadDemoLifecycle } from "./demoLifecycle.js";

export interface DemoLoadResult {
  people: number;
  systems: number;
  incidents: number;
  /** Person id by demo key, e.g. "amara" → uuid. */
  personIds: Map<string, string>;
}

export async function loadDemoOrganisation(store: Store): Promise<DemoLoadResult> {
  const actor = systemActor("cli");
  const personIds = new Map<string, string>();
  let people = 0;
  for (const { key, ...details } of demoPeople) {
    const existing = details.email ? await store.people.byEmail(details.email) : null;
    const person = existing ?? (await store.people.create(details));
    if (!existing) people++;
    personIds.set(key, person.id);
  }
  for (const [key, managerKey] of Object.entries(demoManagers)) {
    await store.people.setManager(personIds.get(key)!, personIds.get(managerKey)!);
  }

  const existingSystems = new Map((await store.aiSystems.list()).map((system) => [system.name, system.id]));
  const systemIds = new Map<string, string>();
  const newSystems = new Map<string, { id: string; reference: string }>();
  for (const { key, ownerKey, reportedByKey, decidedByKey, ...fields } of demoSystems) {
    let id = existingSystems.get(fields.name);
    if (!id) {
      const system = await store.aiSystems.register(
        { ...fields, ownerId: idOf(personIds, ownerKey), reportedById: idOf(personIds, reportedByKey), decidedById: idOf(personIds, decidedByKey), createdVia: "cli" },
        actor,
      );
      id = system.id;
      newSystems.set(key, system);
    }
    systemIds.set(key, id);
  }
  const systems = newSystems.size;
  // Life-cycle records first: the demo's change control re-approves a system, which needs them.
  await loadDemoLifecycle(store.prisma, { personIds, newSystems });
  await loadDemoRecords(store.prisma, { personIds, newSystems });

  const existingIncidents = new Set((await store.incidents.list()).map((incident) => incident.description));
  let incidents = 0;
  for (const { key: _key, systemKey, reporterKey, assigneeKey, ...fields } of demoIncidents) {
    if (existingIncidents.has(fields.description)) continue;
    await store.incidents.report(
      {
        ...fields,
        systemId: idOf(systemIds, systemKey),
        reporterId: fields.anonymous ? null : idOf(personIds, reporterKey),
        assigneeId: idOf(personIds, assigneeKey),
        createdVia: "cli",
      },
      actor,
    );
    incidents++;
  }
  await loadScopeAndObjectives(store, personIds);
  await loadDemoMeasurement(store.prisma, personIds);
  await loadDemoDataAndSuppliers(store.prisma, personIds);
  return { people, systems, incidents, personIds };
}

/** The scope and objectives, once: a second load leaves what is recorded (perhaps edited since) alone. */
async function loadScopeAndObjectives(store: Store, personIds: Map<string, string>): Promise<void> {
  const actor = systemActor("cli");
  if (!(await store.scope.current())) await store.scope.save(demoScope, actor);
  if ((await store.objectives.all()).length > 0) return;
  for (const { ownerKey, dueOn, ...fields } of demoObjectives) {
    await store.objectives.add({ ...fields, ownerId: personIds.get(ownerKey)!, dueOn: new Date(`${dueOn}T00:00:00Z`) }, actor);
  }
}

function idOf(ids: Map<string, string>, key: string | undefined): string | null {
  return key ? (ids.get(key) ?? null) : null;
}
