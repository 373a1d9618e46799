// The change history for the evidence pack (7.5.3): every change to every record, oldest first. The
// CSV and JSON keep the entries as stored; the Markdown groups them by record and reads them for
// people: names for the ids a change points at, "assignee" for assigneeId, local dates.
import type { PrismaClient } from "../generated/prisma/client.js";
import { affectedPartyLabels, aiSystemKindLabels, aiSystemStatusLabels, autonomyLevelLabels, channelLabels, dataCategoryLabels, incidentStatusLabels, incidentTypeLabels, lifecycleStageLabels, regulatedDomainLabels, riskTierLabels, roleLabels, severityLabels } from "../domain/labels.js";
import { objectiveStatusLabels } from "../domain/objectiveStatus.js";
import { riskCategoryLabels, riskStatusLabels, riskTreatmentLabels } from "../domain/riskRegister.js";
import { riskLevelLabels } from "../domain/riskMatrix.js";
import { nonconformitySourceLabels, nonconformityStatusLabels } from "../domain/nonconformity.js";
import { momentText, dayText, uuidPattern } from "./readableText.js";
import type { RecordContent } from "./managementSystemRecords.js";

const entityLabels: Record<string, string> = {
  AiSystem: "AI system",
  Incident: "Incident",
  CorrectiveAction: "Corrective action",
  TrainingRecord: "Training record",
  Risk: "Risk",
  ImpactAssessment: "Impact assessment",
  ControlApplicability: "Annex A control",
  GapAnalysis: "Gap analysis",
  Nonconformity: "Nonconformity",
  ScheduledReview: "Audit or review",
  AimsScope: "Scope",
  AiObjective: "AI objective",
  EvidencePack: "Evidence pack",
  person: "Person",
  policy_question: "Policy question",
  curated_policy_answer: "Curated policy answer",
  NoticeRoute: "Notice route",
};

/** Stored codes read as their labels: by field, and for "status" by the kind of record. */
const fieldLabels: Record<string, Record<string, string>> = {
  kind: aiSystemKindLabels,
  autonomyLevel: autonomyLevelLabels,
  dataCategories: dataCategoryLabels,
  affectedParties: affectedPartyLabels,
  regulatedDomain: regulatedDomainLabels,
  lifecycleStage: lifecycleStageLabels,
  riskTier: riskTierLabels,
  severity: severityLabels,
  type: incidentTypeLabels,
  createdVia: channelLabels,
  roles: roleLabels,
  category: riskCategoryLabels,
  treatment: riskTreatmentLabels,
  level: riskLevelLabels,
  residualLevel: riskLevelLabels,
  source: nonconformitySourceLabels,
};
const statusLabels: Record<string, Record<string, string>> = {
  AiSystem: aiSystemStatusLabels,
  Incident: incidentStatusLabels,
  AiObjective: objectiveStatusLabels,
  Risk: riskStatusLabels,
  Nonconformity: nonconformityStatusLabels,
};
const labelsFor = (entityType: string, field: string) => (field === "status" ? statusLabels[entityType] : fieldLabels[field]);
/** "riskTier" → "risk tier", "assigneeId" → "assignee". */
const fieldWords = (field: string) => field.replace(/Id$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** Every id a change can point at, with the name or reference a person knows it by. */
async function namesById(prisma: PrismaClient): Promise<Map<string, string>> {
  const [people, systems, incidents, reviews, nonconformities, answers, risks, controls] = await Promise.all([
    prisma.person.findMany({ select: { id: true, displayName: true } }),
    prisma.aiSystem.findMany({ select: { id: true, reference: true, name: true } }),
    prisma.incident.findMany({ select: { id: true, reference: true } }),
    prisma.scheduledReview.findMany({ select: { id: true, reference: true } }),
    prisma.nonconformity.findMany({ select: { id: true, reference: true } }),
    prisma.curatedPolicyAnswer.findMany({ select: { id: true, reference: true } }),
    prisma.risk.findMany({ select: { id: true, reference: true } }),
    prisma.controlApplicability.findMany({ select: { id: true, reference: true } }),
  ]);
  return new Map<string, string>([
    ...people.map((person): [string, string] => [person.id, person.displayName]),
    ...systems.map((system): [string, string] => [system.id, `${system.reference} ${system.name}`]),
    ...[...incidents, ...reviews, ...nonconformities, ...answers, ...risks, ...controls].map((record): [string, string] => [record.id, record.reference]),
  ]);
}

export async function changeHistoryRecord(prisma: PrismaClient, timeZone: string): Promise<RecordContent> {
  const [entries, names] = await Promise.all([prisma.changeLog.findMany({ orderBy: { id: "asc" } }), namesById(prisma)]);
  const rows = entries.map((entry) => ({ ...entry, id: entry.id.toString() }));
  const readable = (value: unknown, labels?: Record<string, string>): string => {
    if (value === null || value === undefined || value === "") return "(empty)";
    if (Array.isArray(value)) return value.map((item) => readable(item, labels)).join(", ") || "(none)";
    if (labels && typeof value === "string" && labels[value]) return labels[value]!;
    if (typeof value === "object") return readable(JSON.stringify(value));
    const text = String(value).replace(/\r?\n/g, " ");
    if (/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(text)) return dayText(new Date(text));
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text)) return momentText(new Date(text), timeZone);
    return text.replace(new RegExp(uuidPattern.source, "gi"), (id) => names.get(id) ?? "(a record no longer held)");
  };
  const byRecord = new Map<string, typeof entries>();
  for (const entry of entries) {
    const key = `${entityLabels[entry.entityType] ?? entry.entityType} ${entry.entityRef ?? names.get(entry.entityId) ?? "(no reference)"}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), entry]);
  }
  const sections = [...byRecord.entries()].map(([record, changes]) => {
    const lines = changes.map((entry) => {
      const fields = Object.entries((entry.changes ?? {}) as Record<string, { from: unknown; to: unknown }>)
        .map(([field, change]) => {
          const labels = labelsFor(entry.entityType, field);
          return `  - ${fieldWords(field)}: ${readable(change.from, labels)} → ${readable(change.to, labels)}`;
        })
        .join("\n");
      const action = { create: "created", update: "changed", status_change: "status changed" }[entry.action];
      return `- ${momentText(entry.at, timeZone)} · ${action} by ${readable(entry.actorLabel)} via ${channelLabels[entry.channel]}${fields ? `\n${fields}` : ""}`;
    });
    return `## ${readable(record)}\n\n${lines.join("\n")}`;
  });
  return {
    table: { columns: ["at", "entityType", "entityRef", "entityId", "action", "actorLabel", "channel", "changes"], rows },
    markdown: `${entries.length} changes to ${byRecord.size} records, oldest first. Times are in ${timeZone}.\n\n${sections.join("\n\n")}\n`,
  };
}
