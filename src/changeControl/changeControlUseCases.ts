// Change control in chat: "changes [AIS-0001]" (the register of material changes), "change CHG-0001"
// (one change), "out of date" (what in the inventory needs a decision, an assessment or a review),
// "update AIS-0001" (the registration questions pre-filled: a material change reopens approval)
// and "stage AIS-0001 production" (a life-cycle move; production only once approved).
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LifecycleStage } from "../generated/prisma/enums.js";
import { can, type Viewer } from "../domain/accessPolicy.js";
import { productionRefusal, type FieldChange, type MaterialField } from "../domain/materialChange.js";
import { assessmentWords, changeLines } from "../domain/systemChangeNotices.js";
import { lifecycleStageLabels, riskTierLabels } from "../domain/labels.js";
import { AiSystemStore } from "../store/aiSystems.js";
import { useCaseMessages, useCaseRefusal, viewerOf, actorOfTurn, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { inventoryStatus } from "./inventoryStatus.js";
import { flowIds } from "../conversations/intents.js";
import { answersOf } from "../systems/flows/registerAiSystemFlow.js";
import { changeStatusLabels, stageWords } from "./changeWords.js";
import { displayDate } from "../domain/dateDisplay.js";

const reference = (prefix: string, digits: string) => `${prefix}-${digits.padStart(4, "0")}`;
/** Governance, auditors and managers see the whole inventory's state; others see their own systems. */
const seesAll = (viewer: Viewer) => can(viewer, "export", "ai_system") || viewer.roles.includes("manager");

export class ChangeControlUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (/^(out of date|inventory out of date|what is out of date|out-of-date)$/.test(typed)) return this.outOfDate(turn);
    const list = /^changes(?: ais[-\s]?(\d{1,6}))?$/.exec(typed);
    if (list) return this.list(list[1] ? reference("AIS", list[1]) : null);
    const update = /^(?:update|change) ais[-\s]?(\d{1,6})$/.exec(typed);
    if (update) return this.startUpdate(reference("AIS", update[1]!), turn);
    const one = /^change chg[-\s]?(\d{1,6})$/.exec(typed);
    if (one) return this.show(reference("CHG", one[1]!));
    const stage = /^stage ais[-\s]?(\d{1,6})(?: (?:to )?(.+))?$/.exec(typed);
    if (stage) {
      const word = stage[2] ?? "";
      if (!Object.hasOwn(stageWords, word)) return useCaseRefusal(`Which stage? Type e.g. "stage ${reference("AIS", stage[1]!)} production" (proposed, development, pilot, production or retired).`);
      return this.setStage(reference("AIS", stage[1]!), stageWords[word]!, turn);
    }
    return null;
  }

  private async outOfDate(turn: Turn): Promise<UseCaseOutcome> {
    const viewer = viewerOf(turn);
    const entries = (await inventoryStatus(this.prisma, this.clock())).filter((entry) => seesAll(viewer) || entry.ownerId === viewer.personId);
    const late = entries.filter((entry) => entry.reasons.length > 0);
    return useCaseMessages({
      kind: "record_list",
      title: seesAll(viewer) ? "AI systems out of date" : "Your AI systems out of date",
      items: late.map((entry) => ({ reference: entry.reference, text: `${entry.name} · ${entry.ownerName ?? "no owner"} · ${entry.reasons.join("; ")}` })),
      note: late.length === 0 ? `All ${entries.length} entries are current: approved where in production, with the assessments their tier needs.` : `${late.length} of ${entries.length} entries need attention.`,
    });
  }

  private async list(systemReference: string | null): Promise<UseCaseOutcome> {
    const changes = await this.prisma.systemChange.findMany({
      where: systemReference ? { system: { reference: systemReference } } : {},
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { system: { select: { reference: true, name: true } } },
    });
    return useCaseMessages({
      kind: "record_list",
      title: systemReference ? `Changes to ${systemReference}` : "Material changes to AI systems",
      items: changes.map((change) => ({
        reference: change.reference,
        text: `${displayDate(change.createdAt)} · ${change.system.reference} ${change.system.name} · ${change.changedFields.length} field(s) · ${changeStatusLabels[change.status]}`,
      })),
      note: changes.length === 0 ? "No material change has been recorded yet. Updating a system's purpose, data, autonomy or whom it affects records one." : "Type \"change CHG-0001\" for one change.",
    });
  }

  private async show(changeReference: string): Promise<UseCaseOutcome> {
    const change = await this.prisma.systemChange.findUnique({
      where: { reference: changeReference },
      include: { system: { select: { reference: true, name: true } }, requestedBy: { select: { displayName: true } }, decidedBy: { select: { displayName: true } } },
    });
    if (!change) return useCaseRefusal(`${changeReference} is not in the change register. Type "changes" to list them.`);
    const asked = assessmentWords(change.assessmentsAsked, change.system.reference);
    const lines = [
      `System: ${change.system.reference} ${change.system.name}.`,
      `Changed on ${displayDate(change.createdAt)} by ${change.requestedBy?.displayName ?? "the system"}:`,
      ...changeLines(change.details as Partial<Record<MaterialField, FieldChange>>).map((line) => `• ${line}`),
      `Risk tier: ${change.tierBefore ? riskTierLabels[change.tierBefore] : "none"} → ${change.tierAfter ? riskTierLabels[change.tierAfter] : "none"}.`,
      change.reopenedApproval ? "It reopened the system's approval." : "The system was not approved at the time, so no approval was reopened.",
      asked.length > 0 ? `It asked for ${asked.join(" and ")}.` : "It asked for no new assessment.",
      `Status: ${changeStatusLabels[change.status]}${change.decidedAt ? ` by ${change.decidedBy?.displayName ?? "unknown"} on ${displayDate(change.decidedAt)}` : ""}.`,
    ];
    return useCaseMessages({ kind: "notice", subject: `${change.reference}: change to ${change.system.reference} ${change.system.name}`, text: lines.join("\n"), actions: [] });
  }

  /** The registration questions, pre-filled from the entry: what the owner changes goes through change control. */
  private async startUpdate(systemReference: string, turn: Turn): Promise<UseCaseOutcome> {
    const system = await this.prisma.aiSystem.findUnique({ where: { reference: systemReference }, include: { owner: { select: { id: true, displayName: true } } } });
    if (!system) return useCaseRefusal(`${systemReference} is not in the AI system inventory.`);
    if (!can(viewerOf(turn), "edit", "ai_system", { ownerId: system.ownerId })) return useCaseRefusal(`Only the owner of ${systemReference} or the governance team can update it.`);
    if (system.status === "draft") return useCaseRefusal(`${systemReference} is not complete yet: type "complete ${systemReference}" to finish its registration.`);
    if (system.status === "retired") return useCaseRefusal(`${systemReference} is retired; a retired system is not updated.`);
    return { start: { flowId: flowIds.registerSystem, prefill: answersOf(system) } };
  }

  private async setStage(systemReference: string, stage: LifecycleStage, turn: Turn): Promise<UseCaseOutcome> {
    const system = await this.prisma.aiSystem.findUnique({ where: { reference: systemReference } });
    if (!system) return useCaseRefusal(`${systemReference} is not in the AI system inventory.`);
    if (!can(viewerOf(turn), "edit", "ai_system", { ownerId: system.ownerId })) return useCaseRefusal(`Only the owner of ${systemReference} or the governance team can change its life-cycle stage.`);
    const refusal = productionRefusal(system, stage);
    if (refusal) return useCaseRefusal(`${refusal} Type "system ${systemReference}" to see what its approval needs.`);
    if (system.lifecycleStage === stage) return useCaseMessages({ kind: "text", text: `${systemReference} is already ${stageWording(stage)}.` });
    await new AiSystemStore(this.prisma).update(systemReference, { lifecycleStage: stage }, actorOfTurn(turn));
    return useCaseMessages({ kind: "text", text: `${systemReference} ${system.name} is now ${stageWording(stage)} (recorded in its change history).` });
  }
}

/** "in production", "retired", "in pilot" (not "is now pilot"). */
const stageWording = (stage: LifecycleStage) => (stage === "pilot" ? "in pilot" : lifecycleStageLabels[stage].toLowerCase());
