// Reading incidents for people: the open list and one incident with everything that happened to it.
// What each person may see is decided by the access policy, never here.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { IncidentStatus, Severity } from "../generated/prisma/enums.js";
import { canSeeIncidentDetails, type Viewer } from "../domain/accessPolicy.js";
import { openIncidentStatuses } from "../domain/incidentLifecycle.js";

export interface IncidentFilters {
  statuses?: IncidentStatus[];
  severities?: Severity[];
  /** An AI system's reference (AIS-0003). */
  system?: string;
}

const listLimit = 30;

export async function listIncidents(prisma: PrismaClient, viewer: Viewer, filters: IncidentFilters) {
  const rows = await prisma.incident.findMany({
    where: {
      status: { in: filters.statuses?.length ? filters.statuses : [...openIncidentStatuses] },
      ...(filters.severities?.length ? { severity: { in: filters.severities } } : {}),
      ...(filters.system ? { system: { reference: filters.system } } : {}),
    },
    include: { system: { select: { name: true, reference: true } }, assignee: { select: { displayName: true } } },
    orderBy: [{ severity: "asc" }, { reportedAt: "asc" }],
  });
  const visible = rows.filter((incident) => canSeeIncidentDetails(viewer, incident));
  return { shown: visible.slice(0, listLimit), more: Math.max(0, visible.length - listLimit), hidden: rows.length - visible.length };
}

export function incidentDossier(prisma: PrismaClient, reference: string) {
  return prisma.incident.findUnique({
    where: { reference },
    include: {
      system: { select: { name: true, reference: true } },
      reporter: { select: { displayName: true } },
      assignee: { select: { displayName: true } },
      duplicateOf: { select: { reference: true } },
      events: { orderBy: { id: "asc" } },
      correctiveActions: { orderBy: { reference: "asc" }, include: { owner: { select: { displayName: true } } } },
      externalReporter: true,
      externalNotifications: { orderBy: { reference: "asc" }, include: { notifiedBy: { select: { displayName: true } } } },
    },
  });
}

export type IncidentDossier = NonNullable<Awaited<ReturnType<typeof incidentDossier>>>;
