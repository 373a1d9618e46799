// The AI risk register in chat: "assess risk [AIS-0001]" starts an assessment, "risks" lists the
// register a person may see, "risks AIS-0001" one system's risks, "risk RSK-0001" one risk in full.
// The buttons on a risk (Approve acceptance, Reject acceptance, View risk) arrive here too.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import type { NoticeButton } from "../domain/governanceNotices.js";
import { impactDimensionTitle, impactDimensions, impactLabels, likelihoodLabels, rateResidualRisk, rateRisk, riskLevelLabels, type Impacts } from "../domain/riskMatrix.js";
import { parseRiskReference, riskCategoryLabels, riskDirectionLabels, riskStatusLabels, riskTreatmentLabels } from "../domain/riskRegister.js";
import { findControl } from "../iso42001/catalog.js";
import { RiskStore, type RiskWithPeople } from "../store/risks.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, type RecordActions, viewerOf, actorOfTurn } from "../conversations/useCaseOutcome.js";
import { assessRiskFlowId, rejectRiskAcceptanceFlowId } from "./flows/assessRiskFlow.js";
import type { OutgoingMessage, Turn } from "../conversations/messages.js";
import { suggestIfAllowed } from "../conversations/commands/commandHelpEntry.js";
import { assessRisk } from "./commands/assessRisk.js";
import { displayDate, displayDateOr } from "../domain/dateDisplay.js";

type RiskCommand = { kind: "assess"; system: string | null } | { kind: "register" } | { kind: "system"; system: string } | { kind: "show"; reference: string };

const systemReference = String.raw`(ais[-\s]?\d{1,6})`;
const normaliseSystem = (typed: string) => `AIS-${/\d+/.exec(typed)![0].padStart(4, "0")}`;

export function parseRiskCommand(text: string): RiskCommand | null {
  const typed = text.trim().replace(/^\//, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
  const assess = new RegExp(String.raw`^(?:assess(?: an?)?(?: ai)? risks?|risk assessment|new risk)(?: (?:for|of|on))?(?: ${systemReference})?$`, "i").exec(typed);
  if (assess) return { kind: "assess", system: assess[1] ? normaliseSystem(assess[1]) : null };
  if (/^(?:risks|risk register|ai risks)(?: all)?$/i.test(typed)) return { kind: "register" };
  const forSystem = new RegExp(String.raw`^risks (?:for |of |on )?${systemReference}$`, "i").exec(typed);
  if (forSystem) return { kind: "system", system: normaliseSystem(forSystem[1]!) };
  const one = /^(?:risk )?(rsk[-\s]?\d{1,6})$/i.exec(typed);
  if (one) return { kind: "show", reference: parseRiskReference(one[1]!)! };
  return null;
}

const day = (date: Date | null) => displayDateOr(date, "—");
/** More than this many risks in chat is a spreadsheet's job. */
const listLimit = 40;

export class RiskUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const command = parseRiskCommand(text);
    if (!command) return null;
    switch (command.kind) {
      case "assess":
        return this.assess(command.system, turn);
      case "register":
        return this.register(turn);
      case "system":
        return this.systemRisks(command.system, turn);
      case "show":
        return this.show(command.reference, turn);
    }
  }

  handles(reference: string): boolean {
    return /^RSK-\d+$/i.test(reference);
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    if (action === "view") return this.show(reference, turn);
    if (action === "reviewed") return this.reviewed(reference, turn);
    if (action !== "approve_acceptance" && action !== "reject_acceptance") return useCaseRefusal(`I don't know the action "${action}".`);
    if (!can(viewerOf(turn), "approve", "risk")) return useCaseRefusal(refusalText("approve", "risk"));
    const risk = await this.store().byReference(reference);
    if (!risk) return useCaseRefusal(`There is no risk ${reference}.`);
    if (risk.status !== "acceptance_pending") return useCaseRefusal(`${reference} is not waiting for an acceptance decision: it is "${riskStatusLabels[risk.status].toLowerCase()}".`);
    if (action === "reject_acceptance") return { start: { flowId: rejectRiskAcceptanceFlowId, prefill: { risk: reference } } };
    try {
      await this.store().decideAcceptance(reference, { approve: true, note: null }, actorOfTurn(turn), this.clock());
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
    return this.show(reference, turn, `Approved: ${reference} is accepted and stays open. ${risk.assessor?.displayName ?? "The assessor"} has been told.`);
  }

  /** "Reviewed, still accurate" on a risk's review reminder: the owner or governance confirms it and the next review is set. */
  private async reviewed(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const risk = await this.prisma.risk.findUnique({ where: { reference }, include: { system: { select: { ownerId: true } } } });
    if (!risk) return useCaseRefusal(`There is no risk ${reference}.`);
    if (!can(viewerOf(turn), "edit", "risk", { ownerId: risk.system.ownerId })) return useCaseRefusal(refusalText("edit", "risk"));
    const now = this.clock();
    const updated = await this.store().markReviewed(reference, actorOfTurn(turn), now);
    // Reminders for the review just done that have not gone out yet are no longer wanted.
    await this.prisma.notificationDelivery.updateMany({
      where: { status: "pending", notification: { recordRef: `risk:${reference}`, kind: "reminder" } },
      data: { status: "cancelled", lastError: `reviewed ${now.toISOString()}` },
    });
    return useCaseMessages({ kind: "text", text: `Thank you: the review of ${reference} is recorded. The next one is due on ${displayDate(updated.reviewDate)}.` });
  }

  /** Starts an assessment, with the system filled in when named (or when the person owns just one). */
  private async assess(reference: string | null, turn: Turn): Promise<UseCaseOutcome> {
    const viewer = viewerOf(turn);
    if (reference) {
      const system = await this.prisma.aiSystem.findUnique({ where: { reference }, select: { id: true, reference: true, name: true, ownerId: true, status: true } });
      if (!system || system.status === "retired") return useCaseRefusal(system ? `${reference} is retired; its risks are no longer assessed.` : `There is no AI system ${reference}.`);
      if (!can(viewer, "create", "risk", { ownerId: system.ownerId })) return useCaseRefusal(refusalText("create", "risk"));
      return this.startAssessment(system);
    }
    if (can(viewer, "create", "risk")) return { start: { flowId: assessRiskFlowId, prefill: {} } };
    const owned = await this.prisma.aiSystem.findMany({ where: { ownerId: viewer.personId, status: { not: "retired" } }, select: { id: true, reference: true, name: true, ownerId: true } });
    const assessable = owned.filter((system) => can(viewer, "create", "risk", { ownerId: system.ownerId }));
    if (assessable.length === 0) return useCaseRefusal(`${refusalText("create", "risk")} You don't own any AI system in the inventory; ask its owner or the governance team.`);
    return assessable.length === 1 ? this.startAssessment(assessable[0]!) : { start: { flowId: assessRiskFlowId, prefill: {} } };
  }

  private startAssessment(system: { id: string; reference: string; name: string }): UseCaseOutcome {
    return { start: { flowId: assessRiskFlowId, prefill: { system: { systemId: system.id, reference: system.reference, name: system.name } } } };
  }

  /** The register the person may see: everything for oversight roles, their own systems' risks for owners. */
  private async register(turn: Turn): Promise<UseCaseOutcome> {
    const viewer = viewerOf(turn);
    const seesAll = can(viewer, "view", "risk");
    if (!seesAll) {
      const owns = await this.prisma.aiSystem.count({ where: { ownerId: viewer.personId } });
      // Not refusalText: no system was named, so "risk assessments of this system" would point at nothing.
      if (owns === 0) return useCaseRefusal("The risk register is for the governance team, auditors, managers and system owners. You don't own any AI system, so there is no part of it to show you; a system's owner can tell you about its risks.");
    }
    const risks = seesAll ? await this.store().listAll() : await this.store().listForOwner(viewer.personId);
    const visible = risks.filter((risk) => can(viewer, "view", "risk", { ownerId: risk.system.ownerId }));
    const addOne = suggestIfAllowed(assessRisk, viewer, ' Type "assess risk" to add one.');
    return useCaseMessages(riskList(seesAll ? "AI risk register" : "Risks of your AI systems", visible, `${seesAll ? "No risks are recorded yet." : "No risks are recorded for your systems yet."}${addOne}`));
  }

  private async systemRisks(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const system = await this.prisma.aiSystem.findUnique({ where: { reference }, select: { id: true, reference: true, name: true, ownerId: true } });
    if (!system) return useCaseRefusal(`There is no AI system ${reference}.`);
    if (!can(viewerOf(turn), "view", "risk", { ownerId: system.ownerId })) return useCaseRefusal(refusalText("view", "risk"));
    const risks = await this.store().listBySystem(system.id);
    const addOne = can(viewerOf(turn), "create", "risk", { ownerId: system.ownerId }) ? ` Type "assess risk ${system.reference}" to add one.` : "";
    return useCaseMessages(riskList(`Risks of ${system.reference} ${system.name}`, risks, `No risks are recorded for ${system.reference} yet.${addOne}`));
  }

  private async show(reference: string, turn: Turn, preface?: string): Promise<UseCaseOutcome> {
    const risk = await this.store().byReference(reference);
    if (!risk) return useCaseRefusal(`There is no risk ${reference}.`);
    const viewer = viewerOf(turn);
    if (!can(viewer, "view", "risk", { ownerId: risk.system.ownerId })) return useCaseRefusal(refusalText("view", "risk"));
    const decides = risk.status === "acceptance_pending" && can(viewer, "approve", "risk", { ownerId: risk.system.ownerId });
    return useCaseMessages(...(preface ? [{ kind: "text", text: preface } as const] : []), riskView(risk, decides));
  }

  private store() {
    return new RiskStore(this.prisma);
  }
}

function riskList(title: string, risks: RiskWithPeople[], empty: string): OutgoingMessage {
  const pending = risks.filter((risk) => risk.status === "acceptance_pending").length;
  const notes = [
    ...(risks.length === 0 ? [empty] : [`${risks.length} risk${risks.length === 1 ? "" : "s"}, highest score first.`]),
    ...(pending > 0 ? [`${pending} awaiting a decision on accepting ${pending === 1 ? "it" : "them"}.`] : []),
    ...(risks.length > listLimit ? [`Only the first ${listLimit} are shown; the full register: "npx aims export risks".`] : []),
    ...(risks.length > 0 ? ['Type "risk RSK-0001" to see one in full.'] : []),
  ];
  return {
    kind: "record_list",
    title,
    items: risks.slice(0, listLimit).map((risk) => ({
      reference: risk.reference,
      text: [
        `${riskLevelLabels[risk.level]} (${risk.score}) → residual ${riskLevelLabels[risk.residualLevel].toLowerCase()} (${risk.residualScore})`,
        `${risk.system.reference} ${risk.system.name}`,
        riskCategoryLabels[risk.category],
        riskTreatmentLabels[risk.treatment].toLowerCase(),
        riskStatusLabels[risk.status].toLowerCase(),
        `review ${day(risk.reviewDate)}`,
      ].join(" · "),
    })),
    note: notes.join(" "),
  };
}

const impactsOf = (risk: RiskWithPeople): Impacts => ({
  safety: risk.impactSafety,
  financial: risk.impactFinancial,
  reputational: risk.impactReputational,
  regulatory: risk.impactRegulatory,
  ethical: risk.impactEthical,
  environmental: risk.impactEnvironmental,
});

/** One risk in full; the governance team gets the acceptance buttons while a decision is waiting. */
export function riskView(risk: RiskWithPeople, decides: boolean): OutgoingMessage {
  const impacts = impactsOf(risk);
  const lines = [
    `System: ${risk.system.reference} ${risk.system.name} (owner: ${risk.system.owner?.displayName ?? "none"}).`,
    `${riskDirectionLabels[risk.direction]}: ${riskCategoryLabels[risk.category]}.`,
    `Risk: ${risk.description}`,
    `Likelihood: ${risk.likelihood} (${likelihoodLabels[risk.likelihood]}). Impacts: ${impactDimensions.map((dimension) => `${impactDimensionTitle(dimension).toLowerCase()} ${impacts[dimension]} (${impactLabels[impacts[dimension]]!.toLowerCase()})`).join(", ")}.`,
    rateRisk(risk.likelihood, impacts).reason,
    `Treatment: ${riskTreatmentLabels[risk.treatment]}. ${risk.treatmentJustification}`,
    `Annex A controls: ${risk.controls.length === 0 ? "none" : risk.controls.map((id) => `${id} ${findControl(id)?.title ?? "(no longer in the catalog)"}`).join("; ")}.`,
    rateResidualRisk(risk.residualLikelihood, risk.residualImpact).reason,
    `Review date: ${day(risk.reviewDate)}.`,
    `Status: ${riskStatusLabels[risk.status]}.`,
    `Assessed by ${risk.assessor?.displayName ?? "unknown"} on ${day(risk.createdAt)}.`,
    ...(risk.acceptanceDecidedBy
      ? [`Acceptance ${risk.status === "acceptance_rejected" ? "rejected" : "approved"} by ${risk.acceptanceDecidedBy.displayName} on ${day(risk.acceptanceDecidedAt)}${risk.acceptanceDecisionNote ? `: ${risk.acceptanceDecisionNote}` : ""}.`]
      : []),
  ];
  const button = (label: string, action: string): NoticeButton => ({ label, input: { kind: "record_action", reference: risk.reference, action } });
  return {
    kind: "notice",
    subject: `${risk.reference}: ${riskLevelLabels[risk.level]} risk (score ${risk.score}) on ${risk.system.reference} ${risk.system.name}`,
    text: lines.join("\n"),
    actions: decides ? [button("Approve acceptance", "approve_acceptance"), button("Reject acceptance", "reject_acceptance")] : [],
  };
}
