// Impact assessments in chat: "assess impact [AIS-0003]" starts one, "impact AIS-0003" shows the
// one in force to those allowed to see it. The "Assess again" button on a re-assessment reminder lands here too.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { ImpactAssessmentStore } from "../store/impactAssessments.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, type RecordActions, viewerOf } from "../conversations/useCaseOutcome.js";
import { assessImpactFlowId, type KnownTier } from "./flows/assessImpactFlow.js";
import type { Turn } from "../conversations/messages.js";
import { displayDate } from "../domain/dateDisplay.js";

const systemReference = String.raw`(ais-\d{1,6})`;
const normalised = (reference: string) => reference.toUpperCase().replace(/^AIS-0*(\d+)$/, (_, n: string) => `AIS-${n.padStart(4, "0")}`);

export class ImpactUseCases implements TextUseCases, RecordActions {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().replace(/^\//, "").replace(/[.!?]+$/, "");
    const assess = new RegExp(String.raw`^(?:assess|start)\s+(?:an?\s+)?impact(?:\s+assessment)?(?:\s+(?:of|for))?(?:\s+${systemReference})?$`, "i").exec(typed);
    if (assess) return assess[1] ? this.assess(normalised(assess[1]), turn) : { start: { flowId: assessImpactFlowId, prefill: {} } };
    const show = new RegExp(String.raw`^impact(?:\s+assessment)?(?:\s+(?:of|for))?\s+${systemReference}$`, "i").exec(typed);
    if (show) return this.show(normalised(show[1]!), turn);
    return null;
  }

  /** Reminder button "Assess again" on an assessment due for re-assessment. */
  handles(reference: string): boolean {
    return /^AIA-\d+$/.test(reference);
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    const assessment = await new ImpactAssessmentStore(this.prisma).byReference(reference);
    if (!assessment) return useCaseRefusal(`${reference} does not exist.`);
    if (action === "reassess") return this.assess(assessment.system.reference, turn);
    if (action === "view") return this.show(assessment.system.reference, turn);
    return useCaseRefusal(`I can't "${action}" an impact assessment.`);
  }

  /** Starts the flow with the system filled in, after checking the person may assess it (so no answers are wasted). */
  private async assess(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const system = await this.prisma.aiSystem.findUnique({ where: { reference } });
    if (!system) return useCaseRefusal(`${reference} is not in the AI system inventory.`);
    if (!can(viewerOf(turn), "create", "impact_assessment", { ownerId: system.ownerId })) {
      return useCaseRefusal(`${refusalText("create", "impact_assessment")} Ask the owner of ${reference} or the governance team.`);
    }
    const knownTier: KnownTier = { reference, tier: system.riskTier };
    return { start: { flowId: assessImpactFlowId, prefill: { system: { systemId: system.id, reference, name: system.name }, knownTier } } };
  }

  private async show(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const system = await this.prisma.aiSystem.findUnique({ where: { reference } });
    if (!system) return useCaseRefusal(`${reference} is not in the AI system inventory.`);
    if (!can(viewerOf(turn), "view", "impact_assessment", { ownerId: system.ownerId })) return useCaseRefusal(refusalText("view", "impact_assessment"));
    const latest = await new ImpactAssessmentStore(this.prisma).latestFor(system.id);
    const recordOne = can(viewerOf(turn), "create", "impact_assessment", { ownerId: system.ownerId }) ? ` Type "assess impact ${reference}" to record one.` : "";
    if (!latest) return useCaseMessages({ kind: "text", text: `${reference} ${system.name} has no impact assessment yet.${recordOne}` });
    return useCaseMessages({
      kind: "notice",
      subject: `Impact assessment ${latest.reference} of ${reference} ${system.name}`,
      text: [
        `Assessed by ${latest.assessor?.displayName ?? "unknown"} on ${displayDate(latest.createdAt)}; re-assess by ${displayDate(latest.reassessOn)}.`,
        `Individuals: ${latest.individuals}`,
        `Groups (including fairness): ${latest.groups}`,
        `Society (including the environment): ${latest.society}`,
        `Foreseeable misuse: ${latest.foreseeableMisuse}`,
        `Mitigations: ${latest.mitigations}`,
      ].join("\n"),
      actions: [],
    });
  }
}
