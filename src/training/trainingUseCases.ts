// Competence records in chat: "training" shows your own, "training all" shows everyone's to the
// governance team (with what is expiring), "record training" starts the recording flow.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can } from "../domain/accessPolicy.js";
import { trainingStatus, trainingStatusLabels } from "../domain/training.js";
import { TrainingStore } from "../store/trainingRecords.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, viewerOf } from "../conversations/useCaseOutcome.js";
import { recordTrainingFlowId } from "./flows/recordTrainingFlow.js";
import type { Turn } from "../conversations/messages.js";
import { displayDateOr } from "../domain/dateDisplay.js";

const dateOnly = (date: Date | null) => displayDateOr(date, "no expiry");

export class TrainingUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "");
    const viewer = viewerOf(turn);
    if (/^(my\s+)?trainings?(\s+records?)?$/.test(typed)) return this.own(turn);
    if (/^trainings?\s+all$/.test(typed)) return can(viewer, "view", "training") ? this.everyone() : useCaseRefusal("Only the governance team and auditors can see everyone's training records. Type \"training\" for your own.");
    if (/^(record|add|log)\s+(a\s+)?trainings?$/.test(typed) || /^trainings?\s+(record|add)$/.test(typed)) {
      return can(viewer, "create", "training") ? { start: { flowId: recordTrainingFlowId, prefill: {} } } : useCaseRefusal("Only the governance team can record trainings. Send them your certificate and they will add it.");
    }
    return null;
  }

  private async own(turn: Turn): Promise<UseCaseOutcome> {
    const records = await new TrainingStore(this.prisma).forPerson(turn.speaker.personId);
    const now = this.clock();
    return useCaseMessages({
      kind: "record_list",
      title: "Your training records",
      items: records.map((record) => ({
        reference: record.reference,
        text: `${record.course} · completed ${dateOnly(record.completedOn)} · valid until ${dateOnly(record.validUntil)} (${trainingStatusLabels[trainingStatus(record.validUntil, now)]})`,
      })),
      ...(records.length === 0 ? { note: "No trainings are recorded for you yet. The governance team records them." } : {}),
    });
  }

  private async everyone(): Promise<UseCaseOutcome> {
    const records = await new TrainingStore(this.prisma).all();
    const now = this.clock();
    const attention = records.filter((record) => ["expired", "expiring"].includes(trainingStatus(record.validUntil, now)));
    return useCaseMessages({
      kind: "record_list",
      title: "Training records (expired and expiring first)",
      items: records.slice(0, 40).map((record) => ({
        reference: record.reference,
        text: `${record.person.displayName} · ${record.course} · valid until ${dateOnly(record.validUntil)} (${trainingStatusLabels[trainingStatus(record.validUntil, now)]})`,
      })),
      note: `${records.length} records; ${attention.length} expired or expiring within 30 days.${records.length > 40 ? ' The full register: "npx aims export training".' : ""}`,
    });
  }
}
