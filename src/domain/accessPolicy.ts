// Who may do what with which record. One table, read by every surface (chat commands, flows,
// App Home, the digest, notifications, exports), so that no surface decides on its own.
//
// A grant is a role ("governance") or a relation between the person and the record ("record_owner":
// they own the AI system the record is about, or the action, or the control). The role "owner"
// alone grants nothing over other people's records. A person may act when any of their roles or
// relations is granted. Confidential incidents are the one extra rule: only the governance team,
// the reporter and the assignee see them, whatever else is granted.
import type { Role } from "../generated/prisma/enums.js";

export interface Viewer {
  personId: string;
  roles: Role[];
}

export type RecordType =
  | "ai_system"
  | "incident"
  | "risk"
  | "impact_assessment"
  | "soa_control"
  | "gap_analysis"
  | "review"
  | "nonconformity"
  | "corrective_action"
  | "training"
  | "digest"
  | "evidence_pack"
  /** The people register: who holds which role, and who manages whom (5.3). */
  | "people"
  /** The scope of the AI management system (4.3). */
  | "scope"
  /** AI objectives (6.2). */
  | "objective"
  /** Where the organisation stands on the road to certification. */
  | "readiness"
  /** Controlled policy documents and their versions (5.2, 7.5); "assignee" is the document's named approver. */
  | "policy_document"
  /** Acknowledgement campaigns: who was asked to read a policy and who has (7.3). */
  | "acknowledgement_campaign"
  /** Internal and external issues and interested parties (4.1, 4.2). */
  | "context"
  /** Datasets used by AI systems (A.7, A.4.3); "record_owner" is the dataset's owner. */
  | "dataset"
  /** Tooling, compute and human resources of an AI system (A.4); "record_owner" is the system's owner. */
  | "ai_resource"
  /** Obligations to customers for AI in our own products (A.10.4); "record_owner" is the obligation's owner. */
  | "customer_obligation"
  /** Life-cycle records of an AI system (A.6.2.2–A.6.2.8); "approve" accepts verification results. */
  | "lifecycle_record";

export type Access = "view" | "create" | "edit" | "approve" | "export";

/** How the person relates to one record; the caller fills in what it knows about the record. */
export interface RecordRelations {
  /** The owner of the AI system the record is about (or of the corrective action, the control). */
  ownerId?: string | null;
  /** The manager of that owner (low-tier approvals). */
  ownerManagerId?: string | null;
  reporterId?: string | null;
  assigneeId?: string | null;
  /** The person a training record is about. */
  personId?: string | null;
  /** Who leads an audit or chairs a review. */
  leadId?: string | null;
  confidential?: boolean;
}

type Relation = "record_owner" | "owner_manager" | "reporter" | "assignee" | "self" | "lead";
type Grant = Role | Relation;

const everyone: Grant[] = ["member", "owner", "governance", "manager", "auditor"];
/** Those who check the management system from the outside of day-to-day work. */
const oversight: Grant[] = ["governance", "auditor"];

/** The policy itself. Anything not listed is refused. */
export const accessTable: Record<RecordType, Partial<Record<Access, Grant[]>>> = {
  ai_system: { view: everyone, create: everyone, edit: ["governance", "record_owner"], approve: ["governance", "owner_manager"], export: oversight },
  incident: { view: everyone, create: everyone, edit: ["governance", "assignee"], export: ["governance"] },
  risk: { view: [...oversight, "record_owner", "manager"], create: ["governance", "record_owner"], edit: ["governance", "record_owner"], approve: ["governance"], export: oversight },
  impact_assessment: { view: [...oversight, "record_owner", "manager"], create: ["governance", "record_owner"], edit: ["governance", "record_owner"], export: oversight },
  soa_control: { view: everyone, edit: ["governance"], export: oversight },
  gap_analysis: { view: [...oversight, "manager"], create: ["governance"], export: oversight },
  review: { view: [...oversight, "manager", "lead"], create: ["governance"], edit: ["governance", "lead"], export: oversight },
  nonconformity: { view: [...oversight, "manager", "record_owner"], create: [...oversight, "lead"], edit: ["governance"], export: oversight },
  corrective_action: { view: [...oversight, "record_owner"], edit: ["governance", "record_owner"], export: oversight },
  training: { view: [...oversight, "self"], create: ["governance"], export: oversight },
  digest: { view: ["governance", "manager"] },
  evidence_pack: { export: ["governance"] },
  people: { view: oversight, edit: ["governance"], export: oversight },
  // Scope and objectives are communicated to everyone (7.4); governance decides them, an objective's owner reports progress.
  scope: { view: everyone, edit: ["governance"], export: oversight },
  objective: { view: everyone, create: ["governance"], edit: ["governance", "record_owner"], export: oversight },
  readiness: { view: ["governance", "manager"] },
  policy_document: { view: everyone, edit: ["governance", "record_owner"], approve: ["governance", "assignee"], export: oversight },
  acknowledgement_campaign: { view: [...oversight, "manager"], create: ["governance"], export: oversight },
  context: { view: [...oversight, "manager"], create: ["governance"], edit: ["governance"], export: oversight },
  // System owners record the data and resources of the systems they own; everyone who works on AI may read them.
  dataset: { view: [...oversight, "manager", "owner"], create: ["governance", "owner"], edit: ["governance", "record_owner"], export: oversight },
  ai_resource: { view: [...oversight, "manager", "owner"], create: ["governance", "record_owner"], export: oversight },
  customer_obligation: { view: [...oversight, "manager", "owner"], create: ["governance"], edit: ["governance", "record_owner"], export: oversight },
  lifecycle_record: { view: [...oversight, "record_owner", "manager"], create: ["governance", "record_owner"], edit: ["governance", "record_owner"], approve: ["governance"], export: oversight },
};

function relationsOf(viewer: Viewer, record: RecordRelations): Relation[] {
  const me = viewer.personId;
  const relations: [Relation, string | null | undefined][] = [
    ["record_owner", record.ownerId],
    ["owner_manager", record.ownerManagerId],
    ["reporter", record.reporterId],
    ["assignee", record.assigneeId],
    ["self", record.personId],
    ["lead", record.leadId],
  ];
  return relations.filter(([, id]) => id != null && id === me).map(([relation]) => relation);
}

/** True when the viewer may take this access on this kind of record (and this record, when given). */
export function can(viewer: Viewer, access: Access, type: RecordType, record: RecordRelations = {}): boolean {
  const granted = accessTable[type][access] ?? [];
  const held: Grant[] = [...viewer.roles, ...relationsOf(viewer, record)];
  if (!held.some((grant) => granted.includes(grant))) return false;
  if (type === "incident" && record.confidential) return canSeeIncidentDetails(viewer, record);
  return true;
}

/** A confidential incident's details: its reporter, its assignee and the governance team only. */
export function canSeeIncidentDetails(viewer: Viewer, incident: Pick<RecordRelations, "confidential" | "reporterId" | "assigneeId">): boolean {
  if (viewer.roles.includes("governance")) return true;
  if (incident.reporterId === viewer.personId || incident.assigneeId === viewer.personId) return true;
  return !incident.confidential;
}

export const isGovernance = (viewer: Viewer) => viewer.roles.includes("governance");

/**
 * Whether the viewer could create this kind of record at all, before a record is chosen: through a
 * role, or through owning the AI system it is about (the role "owner" says they own systems). Menus
 * use it to offer only what the person could finish.
 */
export function couldCreate(viewer: Viewer, type: RecordType): boolean {
  if (can(viewer, "create", type)) return true;
  return viewer.roles.includes("owner") && can(viewer, "create", type, { ownerId: viewer.personId });
}

/**
 * Whether the viewer could take this access on some record of the kind, before one is named: through
 * a role, or through a relation their role makes likely (a system owner owns systems, actions, policies
 * and objectives; owners and managers are the people incidents and approvals are assigned to).
 * `help` lists a command only when this holds, so nobody is pointed at a command that refuses them.
 */
export function couldAct(viewer: Viewer, access: Access, type: RecordType): boolean {
  if (can(viewer, access, type)) return true;
  const me = viewer.personId;
  const ownsRecords = viewer.roles.includes("owner");
  const isAssigned = ownsRecords || viewer.roles.includes("manager");
  return can(viewer, access, type, { ...(ownsRecords ? { ownerId: me } : {}), ...(isAssigned ? { assigneeId: me } : {}) });
}

const accessWords: Record<Access, string> = { view: "see", create: "record", edit: "change", approve: "approve", export: "export" };
const typeWords: Record<RecordType, string> = {
  ai_system: "this AI system",
  incident: "this incident",
  risk: "risk assessments of this system",
  impact_assessment: "impact assessments of this system",
  soa_control: "the Statement of Applicability",
  gap_analysis: "the gap analysis",
  review: "audit and review records",
  nonconformity: "nonconformities",
  corrective_action: "this corrective action",
  training: "these training records",
  digest: "the governance digest",
  evidence_pack: "the evidence pack",
  people: "people's roles",
  scope: "the scope of the AI management system",
  objective: "AI objectives",
  readiness: "the certification readiness",
  policy_document: "this policy document",
  acknowledgement_campaign: "acknowledgement campaigns",
  context: "the organisation's context and interested parties",
  dataset: "the dataset register",
  ai_resource: "the resources of this AI system",
  customer_obligation: "obligations to customers",
  lifecycle_record: "an AI system's life-cycle records",
};
const grantWords: Record<Grant, string> = {
  member: "everyone",
  owner: "system owners",
  record_owner: "the owner",
  governance: "the governance team",
  manager: "managers",
  auditor: "auditors",
  owner_manager: "the owner's manager",
  reporter: "the reporter",
  assignee: "the assignee",
  self: "the person concerned",
  lead: "the lead of the audit or review",
};

/** A friendly refusal that says who can, e.g. "Only the governance team can approve …". */
export function refusalText(access: Access, type: RecordType): string {
  const granted = accessTable[type][access] ?? [];
  const who = granted.includes("member") ? "everyone" : inWords([...new Set(granted.map((grant) => grantWords[grant]))]);
  return granted.length === 0 ? `Nobody can ${accessWords[access]} ${typeWords[type]} in chat.` : `Only ${who} can ${accessWords[access]} ${typeWords[type]}.`;
}

/** "a", "a or b", "a, b or c". */
const inWords = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);
