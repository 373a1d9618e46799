// The resources of each AI system (ISO/IEC 42001 A.4.2, A.4.4–A.4.6): the tools it is built and run
// with, the computing it runs on, and the people and skills it needs. Data resources are the dataset
// register's (A.4.3).
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { AiResourceKind } from "../generated/prisma/enums.js";
import { can, refusalText, type Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { latestChanges, type Actor, latestChangeColumns, latestChangeOf } from "../store/changeHistory.js";
import { createRecord, inTransaction, type Db } from "../store/recordWriter.js";

export const aiResourceEntity = "AiResource";

export const resourceKindLabels: Record<AiResourceKind, string> = {
  tooling: "Tooling",
  compute: "Computing",
  human: "People and skills",
};

export const resourceKindHelp: Record<AiResourceKind, string> = {
  tooling: "Frameworks, platforms, libraries, MLOps and monitoring tools",
  compute: "Cloud or on-premises servers, GPUs, storage, where they run",
  human: "Roles and competence it needs to build, run and oversee it",
};

export interface NewAiResource {
  systemReference: string;
  kind: AiResourceKind;
  name: string;
  details: string;
  provider: string | null;
}

/** Resources are recorded by the system's owner or the governance team. */
export function addAiResource(db: Db, input: NewAiResource, viewer: Viewer, actor: Actor) {
  return inTransaction(db, async (tx) => {
    const system = await tx.aiSystem.findUnique({ where: { reference: input.systemReference } });
    if (!system) throw new ActionRefused(`${input.systemReference} is not in the AI system inventory.`);
    if (!can(viewer, "create", "ai_resource", { ownerId: system.ownerId })) throw new ActionRefused(`${refusalText("create", "ai_resource")} Ask the owner of ${system.reference}.`);
    const { systemReference: _reference, ...fields } = input;
    const resource = await createRecord(tx, { entityType: aiResourceEntity, prefix: "RES", actor, create: (inner, reference) => inner.aiResource.create({ data: { ...fields, reference, systemId: system.id, createdVia: actor.channel } }) });
    return { resource, system };
  });
}

export function listAiResources(db: Db, systemReference?: string) {
  return db.aiResource.findMany({
    where: systemReference ? { system: { reference: systemReference } } : {},
    orderBy: [{ system: { reference: "asc" } }, { kind: "asc" }, { reference: "asc" }],
    include: { system: { select: { reference: true, name: true, owner: { select: { displayName: true } } } } },
  });
}

export async function aiResourceTable(prisma: PrismaClient) {
  const [resources, latest] = await Promise.all([listAiResources(prisma), latestChanges(prisma, aiResourceEntity)]);
  return {
    columns: [...Object.values(Prisma.AiResourceScalarFieldEnum), "systemReference", "systemName", "systemOwnerName", "kindLabel", ...latestChangeColumns],
    rows: resources.map(({ system, ...resource }) => {
      const change = latest.get(resource.id);
      return {
        ...resource,
        systemReference: system.reference,
        systemName: system.name,
        systemOwnerName: system.owner?.displayName ?? null,
        kindLabel: resourceKindLabels[resource.kind],
        ...latestChangeOf(change),
      };
    }),
  };
}
