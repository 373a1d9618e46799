// Deciding on new AI systems in chat: the Approve / Reject buttons on a system's notices, and the
// typed "system AIS-0007" (its status, tier and what its approval needs), "approve AIS-0007" and
// "reject AIS-0007". The rules themselves live in SystemApprovals and the tier table.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { decideApproval, type Decision } from "../domain/approvalRules.js";
import { approvalButtons, completeButton } from "../domain/governanceNotices.js";
import { can } from "../domain/accessPolicy.js";
import { flowIds } from "../conversations/intents.js";
import { answersOf } from "./flows/registerAiSystemFlow.js";
import { aiSystemStatusLabels, riskTierLabels } from "../domain/labels.js";
import { approverRoles, SystemApprovals } from "../store/systemApprovals.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, type RecordActions, viewerOf, actorOfTurn } from "../conversations/useCaseOutcome.js";
import { rejectSystemFlowId } from "./flows/rejectSystemFlow.js";
import { userDocumentationLine } from "../systemDocumentation/userDocumentationUseCases.js";
import { checkDecline, declineOwnershipAction } from "./systemOwnership.js";
import { declineOwnershipFlowId } from "./flows/declineOwnershipFlow.js";
import { lifecycleLine } from "../lifecycle/lifecycleUseCases.js";
import type { Turn } from "../conversations/messages.js";
import { displayDate } from "../domain/dateDisplay.js";

const normalised = (reference: string) => reference.toUpperCase().replace(/^AIS-0*(\d+)$/, (_, n: string) => `AIS-${n.padStart(4, "0")}`);
/** The owner (or the governance team) completes a draft; one without an owner yet, anyone who owns systems. */
const mayComplete = (viewer: Viewer, ownerId: string | null) => can(viewer, "edit", "ai_system", { ownerId }) || (ownerId === null && viewer.roles.includes("owner"));
/** No current assessment: never made, or made before a material change asked for a new one. */
const missingWord = (outdatedBy: string | null) => (outdatedBy ? `out of date since the change ${outdatedBy}, none newer` : "none yet");

export class SystemApprovalUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = /^(system|approve|reject|complete|decline)\s+(ais-\d{1,6})$/i.exec(text.trim().replace(/^\//, "").replace(/[.!?]+$/, ""));
    if (!typed) return null;
    const verb = typed[1]!.toLowerCase();
    const reference = normalised(typed[2]!);
    if (verb === "decline") return this.act(reference, declineOwnershipAction, turn);
    return verb === "system" ? this.show(reference, turn) : this.act(reference, verb, turn);
  }

  handles(reference: string): boolean {
    return /^AIS-\d+$/.test(reference);
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    try {
      if (action === "view") return await this.show(reference, turn);
      if (action === "approve") return await this.approve(reference, turn);
      if (action === "complete") return await this.complete(reference, turn);
      if (action === declineOwnershipAction) return await this.declineOwnership(reference, turn);
      if (action === "reject") {
        // Checked before asking for the reason, so nobody writes one for a decision they can't take.
        await new SystemApprovals(this.prisma).check(reference, "reject", viewerOf(turn));
        return { start: { flowId: rejectSystemFlowId, prefill: { system: reference } } };
      }
      return useCaseRefusal(`I can't "${action}" an AI system.`);
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  /** A reported draft (shadow AI) is completed with the registration questions, its answers so far filled in. */
  private async complete(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const system = await this.prisma.aiSystem.findUnique({ where: { reference }, include: { owner: { select: { id: true, displayName: true } } } });
    if (!system) return useCaseRefusal(`${reference} is not in the AI system inventory.`);
    if (system.status !== "draft") return useCaseRefusal(`${reference} is already complete (${aiSystemStatusLabels[system.status].toLowerCase()}).`);
    if (!mayComplete(viewerOf(turn), system.ownerId)) return useCaseRefusal(`Only ${system.owner ? `its owner, ${system.owner.displayName},` : "a system owner"} or the governance team can complete ${reference}.`);
    return { start: { flowId: flowIds.registerSystem, prefill: answersOf(system) } };
  }

  /** Checked before asking for the reason, so nobody explains a decline they can't make. */
  private async declineOwnership(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    await checkDecline(this.prisma, reference, turn.speaker.personId);
    return { start: { flowId: declineOwnershipFlowId, prefill: { system: reference } } };
  }

  private async approve(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const system = await new SystemApprovals(this.prisma).decide(reference, "approve", {
      viewer: viewerOf(turn),
      actor: actorOfTurn(turn),
      now: this.clock(),
    });
    return useCaseMessages({ kind: "text", text: `${reference} ${system.name} is approved. Its owner has been told.` });
  }

  /** The system's approval picture, with the buttons this viewer may use now. */
  private async show(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const approvals = new SystemApprovals(this.prisma);
    const system = await approvals.load(reference);
    if (!system) return useCaseRefusal(`${reference} is not in the AI system inventory.`);
    const evidence = await approvals.evidenceFor(system);
    const lines = [
      `Status: ${aiSystemStatusLabels[system.status]}.`,
      `Owner: ${system.owner?.displayName ?? "none yet"}${system.reportedBy && system.reportedBy.displayName !== system.owner?.displayName ? `; ${system.status === "draft" ? "reported" : "registered"} by ${system.reportedBy.displayName}` : ""}.`,
      `Risk tier: ${system.riskTier ? riskTierLabels[system.riskTier] : "not derived"}${system.riskTierReasons.length > 0 ? ", because:" : "."}`,
      ...system.riskTierReasons.map((reason) => `• ${reason}`),
      `Risk assessment: ${evidence.hasRiskAssessment ? "on file" : `${missingWord(evidence.outdatedBy)} (assess risk ${reference})`}.`,
      `Impact assessment: ${evidence.hasImpactAssessment ? `on file (impact ${reference})` : `${missingWord(evidence.outdatedBy)} (assess impact ${reference})`}.`,
      lifecycleLine(reference, evidence.lifecycleGaps),
      userDocumentationLine(system),
    ];
    if (system.decidedAt) {
      lines.push(`${system.status === "rejected" ? "Rejected" : "Decided"} by ${system.decidedBy?.displayName ?? "unknown"} on ${displayDate(system.decidedAt)}${system.decisionReason ? `: ${system.decisionReason}` : "."}`);
    }
    const allowed = system.status === "pending_review" ? this.allowedDecisions(system, evidence, turn) : { decisions: [], notes: [] };
    if (system.status === "draft" && mayComplete(viewerOf(turn), system.ownerId)) {
      return useCaseMessages({ kind: "notice", subject: `${reference} ${system.name}`, text: [...lines, "It was reported in use and needs its owner to complete the entry."].join("\n"), actions: [completeButton(reference)] });
    }
    return useCaseMessages({
      kind: "notice",
      subject: `${reference} ${system.name}`,
      text: [...lines, ...allowed.notes].join("\n"),
      actions: approvalButtons(reference).filter((button) => button.input.kind === "record_action" && allowed.decisions.includes(button.input.action as Decision)),
    });
  }

  private allowedDecisions(system: NonNullable<Awaited<ReturnType<SystemApprovals["load"]>>>, evidence: Awaited<ReturnType<SystemApprovals["evidenceFor"]>>, turn: Turn) {
    const approverAs = approverRoles(viewerOf(turn), system);
    const decisions: Decision[] = [];
    const notes: string[] = [];
    for (const decision of ["approve", "reject"] as const) {
      const verdict = decideApproval({ reference: system.reference, decision, tier: system.riskTier, approverAs, ...evidence });
      if (verdict.allowed) decisions.push(decision);
      else if (approverAs.length > 0 && !notes.includes(verdict.reason)) notes.push(verdict.reason);
    }
    return { decisions, notes };
  }
}
