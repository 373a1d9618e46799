// The demo organisation's governance records beyond people, systems and incidents: the assessments
// behind its high-tier approvals and an example of change control, written through the same stores
// (and so with the same change history) as records made in chat. Only for systems created in this run,
// so loading twice adds nothing.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Actor } from "../store/changeHistory.js";
import { RiskStore } from "../store/risks.js";
import { ImpactAssessmentStore } from "../store/impactAssessments.js";
import { AiSystemStore } from "../store/aiSystems.js";
import { SystemChangeStore } from "../store/systemChanges.js";
import { SystemApprovals } from "../store/systemApprovals.js";
import { inTransaction } from "../store/recordWriter.js";
import { demoContextIssues, demoInterestedParties, demoResidualSignOffs, demoTreatmentActions, demoCampaign, demoChanges, demoImpacts, demoPeople, demoPolicies, demoReferenceDate, demoRisks } from "./demoOrganisation.js";
import { approveLatestVersion, syncPolicyDocuments, updateRegisterEntry } from "../policyDocuments/policyRegister.js";
import { acknowledge, startCampaign } from "../policyDocuments/acknowledgementCampaigns.js";
import { systemActor } from "../store/changeHistory.js";
import { recordContextIssue, recordInterestedParty } from "../context/contextRegister.js";
import { addTreatmentAction, completeTreatmentAction, signOffResidualRisk } from "../treatment/treatmentActions.js";
import { inProject } from "../project/projectFolder.js";

/** The sample policies shipped with the service (the default POLICY_DIR). */
const samplePolicyDir = inProject("policies");

export interface DemoIds {
  personIds: Map<string, string>;
  /** Systems created in this run, by demo key → reference and id. */
  newSystems: Map<string, { id: string; reference: string }>;
}

const actorFor = (ids: DemoIds, key: string): Actor & { personId: string } => ({
  personId: ids.personIds.get(key)!,
  label: demoPeople.find((person) => person.key === key)!.displayName,
  channel: "cli",
});

export async function loadDemoRecords(prisma: PrismaClient, ids: DemoIds): Promise<void> {
  const now = new Date(`${demoReferenceDate}T12:00:00Z`);
  for (const { systemKey, assessorKey, reviewDate, ...risk } of demoRisks) {
    const system = ids.newSystems.get(systemKey);
    if (!system) continue;
    await new RiskStore(prisma).assess({ ...risk, systemId: system.id, reviewDate: new Date(reviewDate) }, actorFor(ids, assessorKey), { assessorMayApprove: false, now });
  }
  for (const { systemKey, assessorKey, reassessOn, ...impact } of demoImpacts) {
    const system = ids.newSystems.get(systemKey);
    if (!system) continue;
    await new ImpactAssessmentStore(prisma).create({ ...impact, systemId: system.id, reassessOn: new Date(reassessOn), assessorId: ids.personIds.get(assessorKey)!, createdVia: "cli" }, actorFor(ids, assessorKey));
  }
  for (const change of demoChanges) await loadChange(prisma, ids, change, now);
  await loadTreatment(prisma, ids);
  await loadPolicies(prisma, ids);
  await loadContext(prisma, ids);
}

/** The organisation's issues and interested parties, recorded by the head of AI governance; only into empty registers. */
async function loadContext(prisma: PrismaClient, ids: DemoIds): Promise<void> {
  if ((await prisma.contextIssue.count()) + (await prisma.interestedParty.count()) > 0) return;
  const actor = actorFor(ids, "amara");
  for (const { reviewOn, ...issue } of demoContextIssues) await recordContextIssue(prisma, { ...issue, reviewOn: new Date(`${reviewOn}T00:00:00Z`) }, actor);
  for (const { reviewOn, ...party } of demoInterestedParties) await recordInterestedParty(prisma, { ...party, reviewOn: new Date(`${reviewOn}T00:00:00Z`) }, actor);
}

/** The sample policies' register entries, approvals and one campaign; only into an empty register. */
async function loadPolicies(prisma: PrismaClient, ids: DemoIds): Promise<void> {
  if ((await prisma.policyDocument.count()) > 0) return;
  await syncPolicyDocuments(prisma, samplePolicyDir, systemActor("cli"));
  for (const policy of demoPolicies) {
    const document = await prisma.policyDocument.findUnique({ where: { fileName: policy.fileName } });
    if (!document) continue;
    const approver = actorFor(ids, policy.approverKey);
    const fields = { ownerId: ids.personIds.get(policy.ownerKey)!, approverId: approver.personId, nextReviewOn: new Date(`${policy.nextReviewOn}T00:00:00Z`), summary: policy.summary };
    await updateRegisterEntry(prisma, document.reference, fields, actorFor(ids, policy.ownerKey));
    // The named approver (not a governance member) approves: the register's approver relation allows it.
    const roles = demoPeople.find((person) => person.key === policy.approverKey)!.roles ?? [];
    await approveLatestVersion(prisma, document.reference, { personId: approver.personId, roles }, approver, new Date(`${policy.approvedOn}T09:00:00Z`));
  }
  const document = await prisma.policyDocument.findUnique({ where: { fileName: demoCampaign.fileName } });
  if (!document) return;
  const started = await startCampaign(prisma, { documentReference: document.reference, audience: demoCampaign.audience, dueOn: new Date(`${demoCampaign.dueOn}T00:00:00Z`), actor: actorFor(ids, demoCampaign.startedByKey), notify: false });
  for (const key of demoCampaign.acknowledgedBy) {
    const person = actorFor(ids, key);
    await acknowledge(prisma, started.campaign.reference, { personId: person.personId, displayName: person.label }, "cli", new Date(`${demoReferenceDate}T10:00:00Z`));
  }
}

/** Applies the change as an owner's update would, then the approval that followed it (if any). */
async function loadChange(prisma: PrismaClient, ids: DemoIds, change: (typeof demoChanges)[number], now: Date): Promise<void> {
  const system = ids.newSystems.get(change.systemKey);
  if (!system) return;
  const actor = actorFor(ids, change.byKey);
  await inTransaction(prisma, async (tx) => {
    const before = await tx.aiSystem.findUniqueOrThrow({ where: { id: system.id } });
    const after = await new AiSystemStore(tx).update(system.reference, change.patch, actor);
    await new SystemChangeStore(tx).afterUpdate(tx, before, after, actor);
  });
  if (!change.approvedByKey) return;
  const approver = actorFor(ids, change.approvedByKey);
  await new SystemApprovals(prisma).decide(system.reference, "approve", { viewer: { personId: approver.personId, roles: ["governance"] }, actor: approver, now });
}

/** The demo risks' treatment actions, as their owners planned and completed them. */
async function loadTreatment(prisma: PrismaClient, ids: DemoIds): Promise<void> {
  const governance = { personId: ids.personIds.get("amara")!, roles: ["governance" as const] };
  const riskOf = async (systemKey: string) => {
    const system = ids.newSystems.get(systemKey);
    return system ? prisma.risk.findFirst({ where: { systemId: system.id }, orderBy: { reference: "asc" } }) : null;
  };
  for (const planned of demoTreatmentActions) {
    const risk = await riskOf(planned.systemKey);
    if (!risk) continue;
    const { action } = await inTransaction(prisma, (tx) =>
      addTreatmentAction(tx, { riskReference: risk.reference, control: planned.control, description: planned.description, ownerId: ids.personIds.get(planned.ownerKey)!, dueDate: new Date(`${planned.dueDate}T00:00:00Z`) }, governance, actorFor(ids, "amara"), { notify: false }),
    );
    if (planned.doneOn) await completeTreatmentAction(prisma, action.reference, governance, actorFor(ids, planned.ownerKey), new Date(`${planned.doneOn}T12:00:00Z`));
  }
  for (const signOff of demoResidualSignOffs) {
    const risk = await riskOf(signOff.systemKey);
    if (risk) await signOffResidualRisk(prisma, risk.reference, governance, actorFor(ids, signOff.byKey), new Date(`${signOff.on}T12:00:00Z`));
  }
}
