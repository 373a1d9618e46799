// The access policy, role by role and record type by record type, against a table written out
// here independently of the code: a change to who may do what must change this file too.
import { describe, expect, it } from "vitest";
import { can, refusalText, type Access, type RecordType } from "../../src/domain/accessPolicy.js";
import type { Role } from "../../src/generated/prisma/enums.js";

const roles: Role[] = ["member", "owner", "governance", "manager", "auditor"];
const accesses: Access[] = ["view", "create", "edit", "approve", "export"];

// Who may act by role alone (no relation to the record). "all" = every role.
const byRole: Record<RecordType, Partial<Record<Access, Role[] | "all">>> = {
  ai_system: { view: "all", create: "all", edit: ["governance"], approve: ["governance"], export: ["governance", "auditor"] },
  incident: { view: "all", create: "all", edit: ["governance"], export: ["governance"] },
  risk: { view: ["governance", "auditor", "manager"], create: ["governance"], edit: ["governance"], approve: ["governance"], export: ["governance", "auditor"] },
  impact_assessment: { view: ["governance", "auditor", "manager"], create: ["governance"], edit: ["governance"], export: ["governance", "auditor"] },
  soa_control: { view: "all", edit: ["governance"], export: ["governance", "auditor"] },
  gap_analysis: { view: ["governance", "auditor", "manager"], create: ["governance"], export: ["governance", "auditor"] },
  review: { view: ["governance", "auditor", "manager"], create: ["governance"], edit: ["governance"], export: ["governance", "auditor"] },
  nonconformity: { view: ["governance", "auditor", "manager"], create: ["governance", "auditor"], edit: ["governance"], export: ["governance", "auditor"] },
  corrective_action: { view: ["governance", "auditor"], edit: ["governance"], export: ["governance", "auditor"] },
  training: { view: ["governance", "auditor"], create: ["governance"], export: ["governance", "auditor"] },
  digest: { view: ["governance", "manager"] },
  evidence_pack: { export: ["governance"] },
  people: { view: ["governance", "auditor"], edit: ["governance"], export: ["governance", "auditor"] },
  scope: { view: "all", edit: ["governance"], export: ["governance", "auditor"] },
  objective: { view: "all", create: ["governance"], edit: ["governance"], export: ["governance", "auditor"] },
  readiness: { view: ["governance", "manager"] },
  policy_document: { view: "all", edit: ["governance"], approve: ["governance"], export: ["governance", "auditor"] },
  acknowledgement_campaign: { view: ["governance", "auditor", "manager"], create: ["governance"], export: ["governance", "auditor"] },
  context: { view: ["governance", "auditor", "manager"], create: ["governance"], edit: ["governance"], export: ["governance", "auditor"] },
  dataset: { view: ["governance", "auditor", "manager", "owner"], create: ["governance", "owner"], edit: ["governance"], export: ["governance", "auditor"] },
  ai_resource: { view: ["governance", "auditor", "manager", "owner"], create: ["governance"], export: ["governance", "auditor"] },
  customer_obligation: { view: ["governance", "auditor", "manager", "owner"], create: ["governance"], edit: ["governance"], export: ["governance", "auditor"] },
  lifecycle_record: { view: ["governance", "auditor", "manager"], create: ["governance"], edit: ["governance"], approve: ["governance"], export: ["governance", "auditor"] },
};

const cases = (Object.keys(byRole) as RecordType[]).flatMap((type) =>
  accesses.flatMap((access) =>
    roles.map((role) => {
      const allowed = byRole[type][access];
      return { type, access, role, expected: allowed === "all" || (allowed ?? []).includes(role) };
    }),
  ),
);

describe("the access policy by role", () => {
  it.each(cases)("$role may $access $type: $expected", ({ type, access, role, expected }) => {
    expect(can({ personId: "p-someone", roles: [role] }, access, type, { ownerId: "p-other", leadId: "p-other", personId: "p-other" })).toBe(expected);
  });
});

describe("the access policy by relation to the record", () => {
  const me = { personId: "p-me", roles: ["member"] as Role[] };
  it.each([
    { why: "the owner of a system edits it", access: "edit", type: "ai_system", relations: { ownerId: "p-me" }, expected: true },
    { why: "a system owner edits only their own systems", access: "edit", type: "ai_system", relations: { ownerId: "p-other" }, expected: false, roles: ["owner"] },
    { why: "the owner's manager may approve (the tier rule then limits it to low tier)", access: "approve", type: "ai_system", relations: { ownerManagerId: "p-me" }, expected: true },
    { why: "the owner of a system assesses its risks", access: "create", type: "risk", relations: { ownerId: "p-me" }, expected: true },
    { why: "the owner cannot approve accepting a risk of their own system", access: "approve", type: "risk", relations: { ownerId: "p-me" }, expected: false },
    { why: "the owner of a system assesses its impact", access: "create", type: "impact_assessment", relations: { ownerId: "p-me" }, expected: true },
    { why: "the owner of a dataset records its review", access: "edit", type: "dataset", relations: { ownerId: "p-me" }, expected: true },
    { why: "the owner of a system records its resources", access: "create", type: "ai_resource", relations: { ownerId: "p-me" }, expected: true },
    { why: "a system owner records resources only of their own systems", access: "create", type: "ai_resource", relations: { ownerId: "p-other" }, expected: false, roles: ["owner"] },
    { why: "the owner of a customer obligation records its review", access: "edit", type: "customer_obligation", relations: { ownerId: "p-me" }, expected: true },
    { why: "the assignee works on the incident", access: "edit", type: "incident", relations: { assigneeId: "p-me" }, expected: true },
    { why: "the reporter sees their confidential incident", access: "view", type: "incident", relations: { reporterId: "p-me", confidential: true }, expected: true },
    { why: "nobody else sees a confidential incident, not even a manager", access: "view", type: "incident", relations: { confidential: true }, expected: false, roles: ["manager", "auditor", "owner"] },
    { why: "the lead auditor records the results of their audit", access: "edit", type: "review", relations: { leadId: "p-me" }, expected: true },
    { why: "the lead auditor raises nonconformities", access: "create", type: "nonconformity", relations: { leadId: "p-me" }, expected: true },
    { why: "the owner of a corrective action marks it done", access: "edit", type: "corrective_action", relations: { ownerId: "p-me" }, expected: true },
    { why: "the owner of a policy document keeps its register entry", access: "edit", type: "policy_document", relations: { ownerId: "p-me" }, expected: true },
    { why: "the named approver of a policy document approves its versions", access: "approve", type: "policy_document", relations: { assigneeId: "p-me" }, expected: true },
    { why: "but its owner does not, unless named as approver", access: "approve", type: "policy_document", relations: { ownerId: "p-me" }, expected: false },
    { why: "people see their own training records", access: "view", type: "training", relations: { personId: "p-me" }, expected: true },
    { why: "but not someone else's", access: "view", type: "training", relations: { personId: "p-other" }, expected: false },
    { why: "the owner of an AI objective records its progress", access: "edit", type: "objective", relations: { ownerId: "p-me" }, expected: true },
    { why: "but cannot record new objectives", access: "create", type: "objective", relations: { ownerId: "p-me" }, expected: false },
    { why: "the owner of a system records its life-cycle records", access: "create", type: "lifecycle_record", relations: { ownerId: "p-me" }, expected: true },
    { why: "but does not accept its verification results", access: "approve", type: "lifecycle_record", relations: { ownerId: "p-me" }, expected: false },
    { why: "no relation exports the evidence pack", access: "export", type: "evidence_pack", relations: { ownerId: "p-me", leadId: "p-me", personId: "p-me" }, expected: false, roles: ["manager", "auditor", "owner"] },
  ] as const)("$why", ({ access, type, relations, expected, ...rest }) => {
    const viewer = "roles" in rest && rest.roles ? { ...me, roles: [...rest.roles] as Role[] } : me;
    expect(can(viewer, access, type, relations)).toBe(expected);
  });
});

describe("refusals say who can", () => {
  it.each([
    ["export", "evidence_pack", "Only the governance team can export the evidence pack."],
    ["edit", "soa_control", "Only the governance team can change the Statement of Applicability."],
    ["view", "digest", "Only the governance team or managers can see the governance digest."],
    ["approve", "ai_system", "Only the governance team or the owner's manager can approve this AI system."],
  ] as const)("%s %s", (access, type, text) => {
    expect(refusalText(access, type)).toBe(text);
  });
});
