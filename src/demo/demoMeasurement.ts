// Northwind Mutual's measurement (ISO/IEC 42001 9.1) and audit programme (9.2.2): a measure on each
// demo objective with a few results recorded by their owners, and an internal audit of the claims
// AI systems with its criteria, scope and an auditor independent of them. Loaded once: objectives
// that already have a measure, and an audit programme that already has an audit, are left alone.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { MeasurementFrequency } from "../generated/prisma/enums.js";
import { independenceConflicts } from "../domain/auditIndependence.js";
import { systemActor } from "../store/changeHistory.js";
import { ObjectiveStore } from "../store/objectives.js";
import { MeasurementStore } from "../store/objectiveMeasurements.js";
import { createRecord } from "../store/recordWriter.js";
import { demoObjectives } from "./demoScopeAndObjectives.js";

interface DemoMeasure {
  /** The demo objective, by its sentence. */
  objective: string;
  metric: string;
  frequency: MeasurementFrequency;
  target: { value: number; unit: string | null; atMost: boolean };
  /** [day, value, note], oldest first, recorded by the objective's owner. */
  results: [string, number, string | null][];
}

const demoMeasures: DemoMeasure[] = [
  {
    objective: demoObjectives[0]!.objective,
    metric: "Share of AI systems in use with a named owner",
    frequency: "quarterly",
    target: { value: 100, unit: "%", atMost: false },
    results: [
      ["2026-06-30", 83, "19 of 23; four found through shadow-AI reports"],
      ["2026-09-30", 91, "21 of 23; the two remaining reports are being registered"],
    ],
  },
  {
    objective: demoObjectives[1]!.objective,
    metric: "Share of high-tier AI systems with an impact assessment less than 12 months old",
    frequency: "quarterly",
    target: { value: 100, unit: "%", atMost: false },
    results: [
      ["2026-06-30", 50, null],
      ["2026-09-30", 67, "the claims models' assessments are booked for January"],
    ],
  },
  {
    objective: demoObjectives[2]!.objective,
    metric: "Share of owners and governance members with valid responsible AI training",
    frequency: "half_yearly",
    target: { value: 95, unit: "%", atMost: false },
    results: [],
  },
  {
    objective: demoObjectives[3]!.objective,
    metric: "Longest time from report to triage of a SEV1 or SEV2 incident in the month, in working days",
    frequency: "monthly",
    target: { value: 1, unit: "days", atMost: true },
    results: [
      ["2026-08-31", 1, null],
      ["2026-09-30", 0.5, null],
      ["2026-10-31", 1, "the triage rota covered the October holidays"],
    ],
  },
];

export async function loadDemoMeasurement(prisma: PrismaClient, personIds: Map<string, string>): Promise<void> {
  await loadMeasures(prisma);
  await loadAuditProgramme(prisma, personIds);
}

async function loadMeasures(prisma: PrismaClient): Promise<void> {
  const objectives = new ObjectiveStore(prisma);
  for (const measure of demoMeasures) {
    const objective = await prisma.aiObjective.findFirst({ where: { objective: measure.objective, metric: null }, include: { owner: true } });
    if (!objective) continue;
    const updated = await objectives.update(objective.reference, { metric: measure.metric, frequency: measure.frequency, targetValue: measure.target.value, targetUnit: measure.target.unit, targetAtMost: measure.target.atMost }, systemActor("cli"));
    for (const [day, value, note] of measure.results) {
      await new MeasurementStore(prisma).record({ objective: updated, value, unit: measure.target.unit, measuredOn: new Date(`${day}T00:00:00Z`), note }, { personId: objective.ownerId, label: objective.owner.displayName, channel: "slack" });
    }
  }
}

/** The claims AI systems audited by the auditor with the head of AI governance: neither owns any of them. */
async function loadAuditProgramme(prisma: PrismaClient, personIds: Map<string, string>): Promise<void> {
  if ((await prisma.scheduledReview.count({ where: { kind: "internal_audit" } })) > 0) return;
  const systems = await prisma.aiSystem.findMany({ where: { name: { in: ["Claims Fast-Track Triage", "Claims Document OCR and Extraction", "ClaimsDesk Damage Photo Estimator"] } }, select: { reference: true, name: true, ownerId: true }, orderBy: { reference: "asc" } });
  const [daniel, amara, priya] = ["daniel", "amara", "priya"].map((key) => personIds.get(key));
  if (!daniel || !amara || !priya || systems.length === 0) return;
  const auditors = await prisma.person.findMany({ where: { id: { in: [daniel, amara] } }, select: { id: true, displayName: true } });
  const ordered = [daniel, amara].map((id) => auditors.find((auditor) => auditor.id === id)!);
  await createRecord(prisma, {
    entityType: "ScheduledReview",
    prefix: "REV",
    actor: { personId: amara, label: ordered[1]!.displayName, channel: "slack" },
    create: (tx, reference) =>
      tx.scheduledReview.create({
        data: {
          reference,
          kind: "internal_audit",
          scheduledOn: new Date("2027-01-20T00:00:00Z"),
          scope: "Claims AI systems: risk and impact assessment, operation and monitoring",
          criteria: "ISO/IEC 42001 clauses 6.1, 8.2–8.4 and 9.1; Annex A.5, A.6.2.4–A.6.2.6; the AI policy; the model release procedure",
          scopeSystems: systems.map((system) => system.reference),
          areaOwnerId: priya,
          leadId: daniel,
          auditorIds: ordered.map((auditor) => auditor.id),
          independenceConflicts: independenceConflicts(ordered, systems, priya),
          createdVia: "slack",
        },
      }),
  });
}
