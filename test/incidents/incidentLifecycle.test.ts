import { describe, expect, it } from "vitest";
import { availableActions, decide, incidentActions, lessonsLearnedRequired, parseIncidentReference, type IncidentAction } from "../../src/domain/incidentLifecycle.js";
import type { IncidentStatus } from "../../src/generated/prisma/enums.js";

const statuses: IncidentStatus[] = ["reported", "triaged", "investigating", "contained", "resolved", "closed", "declined", "duplicate"];

// The lifecycle as the governance procedure states it, written out independently of the code:
// from which statuses each action is allowed, where it leads ("=" stays), and who may take it.
const expected: Record<IncidentAction, { from: IncidentStatus[]; to: Partial<Record<IncidentStatus, IncidentStatus>> | "="; who: "governance" | "handler" }> = {
  acknowledge: { from: ["reported"], to: { reported: "triaged" }, who: "governance" },
  assign: { from: ["reported", "triaged", "investigating", "contained"], to: { reported: "triaged", triaged: "triaged", investigating: "investigating", contained: "contained" }, who: "governance" },
  change_severity: { from: ["reported", "triaged", "investigating", "contained"], to: "=", who: "handler" },
  mark_duplicate: { from: ["reported", "triaged"], to: { reported: "duplicate", triaged: "duplicate" }, who: "governance" },
  decline: { from: ["reported", "triaged"], to: { reported: "declined", triaged: "declined" }, who: "governance" },
  start_investigation: { from: ["triaged"], to: { triaged: "investigating" }, who: "handler" },
  contain: { from: ["investigating"], to: { investigating: "contained" }, who: "handler" },
  resolve: { from: ["investigating", "contained"], to: { investigating: "resolved", contained: "resolved" }, who: "handler" },
  close: { from: ["resolved"], to: { resolved: "closed" }, who: "governance" },
  reopen: { from: ["resolved", "closed"], to: { resolved: "investigating", closed: "investigating" }, who: "governance" },
  set_system: { from: ["reported", "triaged", "investigating", "contained"], to: "=", who: "handler" },
  raise_action: { from: ["triaged", "investigating", "contained", "resolved"], to: "=", who: "handler" },
  raise_nonconformity: { from: ["triaged", "investigating", "contained", "resolved"], to: "=", who: "governance" },
  add_note: { from: ["reported", "triaged", "investigating", "contained", "resolved"], to: "=", who: "handler" },
};

const governance = { personId: "gov", roles: ["governance" as const] };
const assignee = { personId: "handler", roles: ["member" as const] };
const bystander = { personId: "someone", roles: ["owner" as const, "manager" as const] };
const incidentIn = (status: IncidentStatus) => ({ reference: "INC-0007", status, assigneeId: "handler" });

describe("the incident lifecycle table", () => {
  for (const action of incidentActions) {
    const rule = expected[action];
    for (const status of statuses) {
      const legal = rule.from.includes(status);
      it(`${action} from ${status}: ${legal ? `allowed for ${rule.who}` : "refused for everyone"}`, () => {
        const target = rule.to === "=" ? status : rule.to[status];
        const asGovernance = decide(action, incidentIn(status), governance);
        const asAssignee = decide(action, incidentIn(status), assignee);
        const asBystander = decide(action, incidentIn(status), bystander);
        if (legal) {
          expect(asGovernance).toEqual({ allowed: true, to: target });
          expect(asAssignee).toEqual(rule.who === "handler" ? { allowed: true, to: target } : { allowed: false, reason: expect.stringMatching(/^Only the governance team can/) });
        } else {
          expect(asGovernance).toEqual({ allowed: false, reason: expect.stringContaining(`INC-0007 is ${status}`) });
        }
        // Someone neither governance nor the assignee can never act, whatever the status.
        expect(asBystander).toEqual({ allowed: false, reason: expect.stringMatching(/^Only the governance team/) });
      });
    }
  }

  it("offers exactly the legal actions as buttons, and tells a refused person what is possible instead", () => {
    expect(availableActions(incidentIn("reported"), governance)).toEqual(["acknowledge", "assign", "change_severity", "mark_duplicate", "decline", "set_system", "add_note"]);
    expect(availableActions(incidentIn("investigating"), assignee)).toEqual(["change_severity", "contain", "resolve", "set_system", "raise_action", "add_note"]);
    expect(availableActions(incidentIn("closed"), assignee)).toEqual([]);
    const refused = decide("close", incidentIn("investigating"), governance);
    expect(refused).toEqual({ allowed: false, reason: 'INC-0007 is investigating, so "Close" is not possible now. From here you can: Assign to, Change severity, Contained, Resolve, Set AI system, Raise corrective action, Raise nonconformity.' });
  });

  it("requires lessons learned for SEV1 and SEV2 only, and reads references as people type them", () => {
    expect(["sev1", "sev2", "sev3", "sev4"].map((severity) => lessonsLearnedRequired(severity as never))).toEqual([true, true, false, false]);
    expect(["INC-0007", "inc 7", "7", "INC-12", "AIS-0001", "INC-"].map(parseIncidentReference)).toEqual(["INC-0007", "INC-0007", "INC-0007", "INC-0012", null, null]);
  });
});
